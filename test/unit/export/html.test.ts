// The HTML page as text (the renderer drawing it is tested in headless Chromium, test/e2e/export-html):
// its Content-Security-Policy, the payloads as inert JSON the renderer reads back, markdown cells
// rendered with math and without raw HTML or unsafe links, code highlighted and escaped.
import { createHash } from 'node:crypto';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildPayload } from '../../../src/common/output';
import { highlightLstm } from '../../../src/export/highlight';
import { jsonForScript, toHtml, type PageAssets } from '../../../src/export/html';
import { markdownToHtml } from '../../../src/export/markdownCells';
import { runForExport } from '../../../src/export/run';
import { readPayload } from '../../../src/renderer/readPayload';
import { lessonFiles, runLesson } from './lessons';

const SCRIPT = 'document.documentElement.dataset.stub = "1";';
const ASSETS: PageAssets = {
  script: SCRIPT,
  scriptHash: `sha256-${createHash('sha256').update(SCRIPT).digest('base64')}`,
  katexCss: '.katex { font: normal 1.21em KaTeX_Main; }',
};

const parse = (html: string) => new JSDOM(html).window.document;

describe('the exported page', () => {
  const notebook = runLesson(lessonFiles[1]);
  const html = toHtml(notebook, {}, ASSETS);
  const doc = parse(html);

  it('starts its head with the charset and a CSP that allows only its own script, by hash, and no network', () => {
    const first = doc.head.children;
    expect(first[0].getAttribute('charset')).toBe('utf-8');
    expect(first[1].getAttribute('http-equiv')).toBe('Content-Security-Policy');
    const csp = first[1].getAttribute('content') ?? '';
    expect(csp.split('; ')).toEqual([
      "default-src 'none'",
      `script-src '${ASSETS.scriptHash}'`,
      "style-src 'unsafe-inline' blob:",
      'font-src data:',
      'img-src data:',
      "base-uri 'none'",
      "form-action 'none'",
    ]);
    const scripts = [...doc.querySelectorAll('script')];
    const runnable = scripts.filter((s) => s.getAttribute('type') !== 'application/json');
    expect(runnable.map((s) => s.textContent)).toEqual([SCRIPT]);
  });

  it('embeds each code cell payload, explorable, as JSON that readPayload reads back as the kernel made it', () => {
    const code = notebook.cells.filter((cell) => cell.kind === 'code');
    const outputs = [...doc.querySelectorAll<HTMLElement>('.output[data-payload]')];
    expect(outputs).toHaveLength(code.length);
    outputs.forEach((output, k) => {
      const json = doc.getElementById(output.dataset.payload ?? '')?.textContent ?? '';
      const cell = code[k];
      if (cell.kind !== 'code') return;
      const runId = (output.dataset.payload ?? '').replace(/-payload$/, '');
      const read = readPayload(JSON.parse(json));
      expect(read).toEqual(readPayload(buildPayload(cell.result, { runId, source: cell.source, before: cell.before })));
      // The page re-runs the cell as a number is dragged: it carries the cell and the state before it.
      expect(read.explore?.before).toEqual(cell.before);
    });
  });

  it('titles the page with the first heading and holds every markdown cell rendered, math typeset', () => {
    expect(doc.title).toBe('Lesson 2 · The forget gate');
    expect(doc.querySelectorAll('.markdown').length).toBe(notebook.cells.filter((c) => c.kind === 'markdown').length);
    expect(doc.querySelectorAll('.markdown .katex').length).toBeGreaterThan(0);
    expect(doc.querySelector('.markdown table')).not.toBeNull();
  });

  it('shows code cells highlighted, and leaves them out with --no-code', () => {
    expect(doc.querySelectorAll('pre.source .tok-keyword').length).toBeGreaterThan(0);
    const noCode = parse(toHtml(notebook, { noCode: true }, ASSETS));
    expect(noCode.querySelectorAll('pre.source')).toHaveLength(0);
    expect(noCode.querySelectorAll('.output')).toHaveLength(doc.querySelectorAll('.output').length);
  });

  it('keeps a hostile cell inert: errors as text, the payload unable to end its script element', () => {
    const text = '# <script>pwn()</script>\n\n```lstm\nx = 1 </script><script>pwn()</script>\n```\n';
    const page = toHtml(runForExport({ file: 'hostile.lstm', text }), {}, ASSETS);
    const hostile = parse(page);
    expect(hostile.querySelectorAll('script:not([type])')).toHaveLength(1);
    expect(hostile.title).toBe('<script>pwn()</script>');
    expect(hostile.querySelector('.errors')?.textContent).toContain('line 1');
    expect(page.match(/<script>pwn/g)).toBeNull();
  });
});

describe('jsonForScript', () => {
  it('escapes <, >, & and the line separators, and still parses to the same value', () => {
    const value = { text: '</script><!-- & \u2028\u2029 -->' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('markdown cells', () => {
  it('shows raw HTML as text', () => {
    const html = markdownToHtml('<img src=x onerror="pwn()"> <script>pwn()</script>\n\n<iframe src="http://x">');
    expect(parse(html).body.querySelectorAll('img, script, iframe')).toHaveLength(0);
    expect(parse(html).body.textContent).toContain('<img src=x onerror="pwn()">');
  });

  it('links only http(s) and #anchors, and leaves remote images out', () => {
    const body = parse(
      markdownToHtml(
        '[a](https://example.org) [b](#part) [c](javascript:pwn()) [d](file:///etc/passwd) [e](vbscript:x) ![f](http://x/y.png)',
      ),
    ).body;
    expect([...body.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org',
      '#part',
    ]);
    expect(body.querySelectorAll('img')).toHaveLength(0);
    expect(body.textContent).toContain('[image: f]');
  });

  it('typesets $…$ and $$…$$ with KaTeX, without trust: no \\href, no \\htmlClass', () => {
    const body = parse(
      markdownToHtml(
        'Inline $\\sigma(z)$, a price $5 and $6, $$f_t$$\n\n$$\n\\href{javascript:pwn()}{x} \\htmlClass{a}{b}\n$$',
      ),
    ).body;
    expect(body.querySelectorAll('.katex')).toHaveLength(3);
    expect(body.textContent).toContain('a price $5 and $6');
    expect(body.querySelectorAll('.math-block .katex-display')).toHaveLength(1);
    expect(body.querySelectorAll('a, [href]')).toHaveLength(0);
    // The refused command shows as text; no attribute holds it.
    const attributes = [...body.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.value));
    expect(attributes.filter((value) => value.includes('javascript:'))).toEqual([]);
  });
});

describe('highlightLstm', () => {
  it('classes statements, gates, keys, numbers and comments, and escapes everything', () => {
    const html = highlightLstm('forget wx = 1.5 # <b>&\nstep\nexpect h = 0.5 "x<y"\n€');
    expect(html).toBe(
      '<span class="tok-gate">forget</span> <span class="tok-key">wx</span> <span class="tok-operator">=</span> ' +
        '<span class="tok-number">1.5</span> <span class="tok-comment"># &#60;b&#62;&#38;</span>\n' +
        '<span class="tok-keyword">step</span>\n<span class="tok-keyword">expect</span> <span class="tok-value">h</span> ' +
        '<span class="tok-operator">=</span> <span class="tok-number">0.5</span> ' +
        '<span class="tok-string">&#34;x&#60;y&#34;</span>\n€',
    );
  });
});
