// One self-contained HTML page: markdown cells rendered now (markdown-it, KaTeX), code cells highlighted,
// and each output drawn when the page opens by the renderer VS Code uses (inlined in `assets.script`)
// from its payload, embedded as inert JSON. A Content-Security-Policy allows that one script (by its
// hash), inline styles and data: fonts and images, and nothing else: no request leaves the file.
import { buildPayload, errorText, hasErrors } from '../common/output';
import { escapeHtml, highlightLstm } from './highlight';
import { firstHeading, markdownToHtml } from './markdownCells';
import type { ExportOptions } from './options';
import { PAGE_STYLES } from './pageStyles';
import type { ExportCell, RanNotebook } from './run';

export interface PageAssets {
  /** dist/export/page.js: the renderer, mermaid and KaTeX in one classic script. */
  script: string;
  /** Its CSP hash source, 'sha256-…', computed when it was built. */
  scriptHash: string;
  /** KaTeX's stylesheet with its woff2 fonts as data: URLs. */
  katexCss: string;
}

/**
 * Styles are 'unsafe-inline': mermaid's SVG and KaTeX's HTML carry style attributes and <style>
 * elements of their own. With no request allowed, CSS can't send anything anywhere; scripts stay hashed.
 */
function contentSecurityPolicy(scriptHash: string): string {
  return [
    "default-src 'none'",
    `script-src '${scriptHash}'`,
    "style-src 'unsafe-inline' blob:",
    'font-src data:',
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** JSON inside <script type="application/json">: nothing in it can end the element or start markup. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** An inline script may not hold what would end it or switch the HTML parser's script states. */
function checkInlineScript(script: string): string {
  if (/<\/script|<!--/i.test(script)) throw new Error('the page script holds "</script" or "<!--"; rebuild it');
  return script;
}

function codeCell(cell: Extract<ExportCell, { kind: 'code' }>, index: number, options: ExportOptions): string {
  const id = `cell-${index + 1}`;
  const parts = [`<section class="cell code-cell" id="${id}">`];
  parts.push(`<div class="prompt" aria-hidden="true">[${cell.count}]</div>`);
  if (!options.noCode) parts.push(`<pre class="source"><code>${highlightLstm(cell.source)}</code></pre>`);
  if (hasErrors(cell.result))
    parts.push(`<pre class="errors" role="alert">${escapeHtml(errorText(cell.result))}</pre>`);
  parts.push(
    `<div class="output" data-payload="${id}-payload"></div>`,
    `<script type="application/json" id="${id}-payload">${jsonForScript(buildPayload(cell.result, { runId: id, source: cell.source, before: cell.before }))}</script>`,
    '</section>',
  );
  return parts.join('\n');
}

export function toHtml(notebook: RanNotebook, options: ExportOptions, assets: PageAssets): string {
  const markdown = notebook.cells.flatMap((cell) => (cell.kind === 'markdown' ? [cell.source] : []));
  const title = firstHeading(markdown) ?? notebook.name;
  const cells = notebook.cells.map((cell, index) =>
    cell.kind === 'markdown'
      ? `<section class="cell markdown">\n${markdownToHtml(cell.source)}</section>`
      : codeCell(cell, index, options),
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(assets.scriptHash)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="LSTM Notebooks">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLES}</style>
<style id="katex-css">${assets.katexCss}</style>
</head>
<body>
<noscript>The diagrams, equations and charts of each output are drawn by this page's script.</noscript>
<main>
${cells.join('\n')}
</main>
<footer>Exported from ${escapeHtml(notebook.name)}.lstm with LSTM Notebooks. Every number was computed by its kernel.</footer>
<script>${checkInlineScript(assets.script)}</script>
</body>
</html>
`;
}
