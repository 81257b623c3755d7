// Invariants every hostile notebook must keep, as functions that list what is wrong (an empty list
// is a pass), so the corpus test can check all of them per file.
import { createRequire } from 'node:module';
import type { StepPayload } from '../../../src/common/payload';
import { printNotebook } from '../../../src/core/notebook';
import { encodeFile } from '../../../src/extension/encoding';
import { diagramSource } from '../../../src/renderer/diagram';
import { buildEquations } from '../../../src/renderer/equations';
import { readPayload } from '../../../src/renderer/readPayload';
import type { CorpusFile } from '../../hostile/corpus';
import { TAINT } from '../../hostile/corpus';
import { numbersIn, type FileRun } from '../../hostile/kernel';

/** markdown-it, as VS Code's markdown renderer uses it (with raw HTML on); a dependency of @vscode/vsce. */
const MarkdownIt = createRequire(import.meta.url)('markdown-it') as new (options: { html: boolean }) => {
  render(text: string): string;
};
const markdown = new MarkdownIt({ html: true });

const where = (run: FileRun, index: number) => `${run.name} cell ${index}`;

export function problemViolations(run: FileRun): string[] {
  const out: string[] = [];
  for (const cell of run.cells) {
    for (const p of cell.result.errors) {
      if (/Internal error/.test(p.message)) out.push(`${where(run, cell.index)}: ${p.message}`);
      if (
        !(p.line >= 1 && p.column >= 1 && p.length >= 1) ||
        typeof p.message !== 'string' ||
        p.message.trim() === ''
      ) {
        out.push(`${where(run, cell.index)}: malformed problem ${JSON.stringify(p).slice(0, 200)}`);
      }
    }
  }
  return out;
}

/** What the renderer receives: the payload after VS Code's JSON round trip, read by readPayload. */
export function received(payload: StepPayload): StepPayload {
  return readPayload(JSON.parse(JSON.stringify(payload)));
}

/** Every number the renderer would receive is finite (NaN would be drawn as "NaN"; JSON turns ±∞ into null). */
export function numberViolations(run: FileRun): string[] {
  const out: string[] = [];
  for (const cell of run.cells) {
    if (!cell.payload) continue;
    for (const [path, value] of numbersIn(cell.payload))
      if (!Number.isFinite(value)) out.push(`${where(run, cell.index)}: ${path} = ${value}`);
    for (const [path, value] of numbersIn(received(cell.payload)))
      if (!Number.isFinite(value)) out.push(`${where(run, cell.index)}: received ${path} = ${value}`);
  }
  return out;
}

/** A mermaid label: the characters diagram.ts keeps, `#code;` entities and line breaks. */
const KEPT = String.raw`(?:[A-Za-z0-9 .,:()[\]+=×·…σ⊙ₜ₋₊₀₁₂-]|\u0303)*`;
const LABEL = String.raw`${KEPT}(?:(?:#\d+;|<br/>)${KEPT})*`;
const ID = '[A-Za-z][A-Za-z0-9]*_[A-Za-z]+';
const MERMAID_LINE = new RegExp(
  [
    '^flowchart TB$',
    `^  ${ID}(?:\\(\\["${LABEL}"\\]\\)|\\["${LABEL}"\\]|\\(\\("${LABEL}"\\)\\))$`,
    `^  ${ID} -->(?:\\|"${LABEL}"\\|)? ${ID}$`,
    '^  classDef (?:gate|op) stroke-width:\\dpx$',
    `^  class (?:${ID})(?:,${ID})* (?:gate|op|state)$`,
  ].join('|'),
  'u',
);

/** TeX commands that fetch, link, run HTML or expand macros: never in the renderer's TeX. */
const TEX_DANGER =
  /\\(?:href|url|html\w*|includegraphics|def|gdef|edef|xdef|let|newcommand|renewcommand|providecommand|char|verb|raw)\b/;

/** Mermaid source and TeX built from the payload hold only numbers and fixed words, never notebook text. */
export function sinkViolations(run: FileRun): string[] {
  const out: string[] = [];
  for (const cell of run.cells) {
    if (!cell.payload) continue;
    const payload = received(cell.payload);
    for (const step of payload.steps) {
      for (const notation of ['words', 'symbols'] as const) {
        const { source } = diagramSource(step, notation, 'lstm1');
        for (const line of source.split('\n')) {
          if (!MERMAID_LINE.test(line))
            out.push(`${where(run, cell.index)}: mermaid line outside the grammar: ${line.slice(0, 160)}`);
        }
        for (const mark of TAINT)
          if (source.includes(mark)) out.push(`${where(run, cell.index)}: mermaid source holds ${mark}`);
        for (const equation of buildEquations(step, payload.weights, notation)) {
          if (TEX_DANGER.test(equation.tex))
            out.push(`${where(run, cell.index)}: TeX ${equation.key} holds ${TEX_DANGER.exec(equation.tex)?.[0]}`);
          for (const mark of TAINT)
            if (equation.tex.includes(mark)) out.push(`${where(run, cell.index)}: TeX ${equation.key} holds ${mark}`);
          if (equation.tex.length > 20_000)
            out.push(`${where(run, cell.index)}: TeX ${equation.key} is ${equation.tex.length} characters`);
        }
      }
    }
  }
  return out;
}

/** The text of an expect is the statement as written, without its comment: tokens only, no markup. */
export function expectTextViolations(run: FileRun): string[] {
  const out: string[] = [];
  for (const cell of run.cells) {
    for (const expect of cell.payload?.expects ?? []) {
      if (!/^expect(?:[\w,.+\-=[\]]|[^\S\n\r\u2028\u2029])*$/.test(expect.text))
        out.push(`${where(run, cell.index)}: expect text ${JSON.stringify(expect.text).slice(0, 200)}`);
    }
  }
  return out;
}

const SAFE_TAGS = new Set(['p', 'strong', 'em', 'code', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li', 'br']);

/** The markdown summary, rendered as VS Code would, makes only the summary's own tags: no HTML or links from the notebook. */
export function markdownViolations(run: FileRun): string[] {
  const out: string[] = [];
  for (const cell of run.cells) {
    if (cell.markdown === undefined) continue;
    const html = markdown.render(cell.markdown);
    for (const match of html.matchAll(/<\/?([A-Za-z][\w-]*)([^>]*)>/g)) {
      const [tag, name, attributes] = match;
      if (!SAFE_TAGS.has(name.toLowerCase()))
        out.push(`${where(run, cell.index)}: markdown makes <${name}>: ${tag.slice(0, 160)}`);
      else if (attributes.trim() && !/^ style="text-align:(?:right|left|center)"$/.test(attributes))
        out.push(`${where(run, cell.index)}: markdown attribute ${attributes.slice(0, 160)}`);
    }
    for (const mark of ['javascript:', 'http:', '<script', 'onerror'])
      if (html.includes(mark)) out.push(`${where(run, cell.index)}: markdown HTML holds ${mark}`);
  }
  return out;
}

/** Opening and saving unedited gives back the same bytes. */
export function roundTripViolations(run: FileRun, file: CorpusFile): string[] {
  const printed = printNotebook(run.doc);
  if (printed !== run.text) return [`${run.name}: printNotebook(parseNotebook(text)) differs from the text`];
  const bytes = encodeFile(printed, run.encoding);
  if (bytes.length !== file.bytes.length || bytes.some((b, k) => b !== file.bytes[k]))
    return [`${run.name}: the saved bytes differ`];
  return [];
}

/** `load` never asks for a path outside the notebook's folder. */
export function loadViolations(run: FileRun): string[] {
  return run.loads
    .filter((path) => /^([a-zA-Z]:)?[\\/]/.test(path) || path.split(/[\\/]/).includes('..'))
    .map((path) => `${run.name}: readFile was asked for ${JSON.stringify(path)}`);
}

export function allViolations(run: FileRun, file: CorpusFile): Record<string, string[]> {
  return {
    problems: problemViolations(run),
    numbers: numberViolations(run),
    sinks: sinkViolations(run),
    expectText: expectTextViolations(run),
    markdown: markdownViolations(run),
    roundTrip: roundTripViolations(run, file),
    load: loadViolations(run),
  };
}

export type Check = keyof ReturnType<typeof allViolations>;
