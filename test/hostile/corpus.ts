// The hostile corpus: the committed files of test/fixtures/hostile/ (written by make-corpus.mjs) and
// the huge ones, made here at test time so the repository stays small. Shared by the unit tests,
// the Chromium renderer test (bundled by esbuild) and measure.mjs.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_CELL_CHARS, MAX_STATEMENT_TOKENS, MAX_STEPS_PER_CELL } from '../../src/core/limits';

/** test/fixtures/hostile; bundles (which move this module) pass the folder explicitly. */
export const FIXTURES = import.meta.url.startsWith('file:')
  ? resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'hostile')
  : resolve('test', 'fixtures', 'hostile');

export interface CorpusFile {
  name: string;
  bytes: Uint8Array;
  /** What the file attacks. */
  attack: string;
  /** Made at test time (not committed). */
  generated: boolean;
}

/** Substrings that mark hostile text: none may reach mermaid's source, KaTeX's source or the page as markup. */
export const TAINT = [
  'PWN',
  'pwn(',
  'javascript:',
  '%%{',
  'click ',
  '\\href',
  '\\url',
  '\\html',
  '\\def',
  '\\gdef',
  '\\newcommand',
  '<script',
  'onerror',
  'onload',
  '127.0.0.1',
];

export function committedCorpus(dir = FIXTURES): CorpusFile[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, string>;
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.lstm'))
    .sort();
  for (const name of files)
    if (!(name in manifest)) throw new Error(`${name} is not in manifest.json: run node test/hostile/make-corpus.mjs`);
  return files.map((name) => ({
    name,
    bytes: new Uint8Array(readFileSync(join(dir, name))),
    attack: manifest[name],
    generated: false,
  }));
}

const fence = (...body: string[]) => ['```lstm', ...body, '```', ''].join('\n');
const utf8 = (text: string) => new TextEncoder().encode(text);

/** A valid one-input LSTM, so that `run` statements really run. */
export const SMALL_LSTM = [
  'h = 0',
  'c = 0',
  'forget wx = 0.5 wh = 0.1 b = 0.2',
  'input wx = 0.3 wh = 0.2 b = 0.1',
  'candidate wx = 0.4 wh = 0.3 b = 0',
  'output wx = 0.2 wh = 0.1 b = 0.3',
];

/** `count` numbers, `perLine` to a line, joined by ",\n" (no trailing comma). */
export function numberLines(count: number, perLine = 1000, value = (k: number) => ((k % 7) - 3) / 10): string {
  const lines: string[] = [];
  for (let start = 0; start < count; start += perLine) {
    const row: string[] = [];
    for (let k = start; k < Math.min(count, start + perLine); k++) row.push(String(value(k)));
    lines.push(row.join(', '));
  }
  return lines.join(',\n');
}

/** Numbers per `run` line so each statement stays under MAX_STATEMENT_TOKENS (a number and its comma are two tokens). */
export const NUMBERS_PER_STATEMENT = Math.floor((MAX_STATEMENT_TOKENS - 8) / 2);

/** `run` lines that together run `steps` steps, each within the statement limit. */
export function runLines(steps: number): string[] {
  const lines: string[] = [];
  for (let done = 0; done < steps; done += NUMBERS_PER_STATEMENT) {
    lines.push(`run x = [${numberLines(Math.min(NUMBERS_PER_STATEMENT, steps - done))}]`);
  }
  return lines;
}

export interface GeneratedSpec {
  name: string;
  attack: string;
  make: () => string;
}

/** The huge cases, as text (encoded as UTF-8 when used as files). Made lazily: some are tens of MB. */
export const GENERATED: GeneratedSpec[] = [
  {
    name: 'gen-H-100000-vector.lstm',
    attack: 'forget b = […] with 100,000 values (H = 100,000) over many lines',
    make: () => fence(`forget b = [${numberLines(100_000)}]`, 'forget wh = 1 wx = 1', 'x = 1', 'step'),
  },
  {
    name: 'gen-H-100000-matrix.lstm',
    attack: 'forget wh = [[…], …] declaring a 100,000-row matrix (one value per row)',
    make: () => fence(`forget wh = [${Array.from({ length: 100_000 }, () => '[0]').join(',\n')}]`, 'x = 1', 'step'),
  },
  {
    name: 'gen-H-49000-statement.lstm',
    attack: 'h = […] of 49,000 values (a legal statement), then a step: H beyond MAX_DIMENSION',
    make: () => fence(`h = [${numberLines(49_000)}]`, ...SMALL_LSTM.slice(2), 'x = 1', 'step'),
  },
  {
    name: 'gen-X-49000-statement.lstm',
    attack: 'x = […] of 49,000 values: X beyond MAX_DIMENSION',
    make: () => fence(...SMALL_LSTM, `step x = [${numberLines(49_000)}]`),
  },
  {
    name: 'gen-T-1e6.lstm',
    attack: 'T = 10⁶ steps: 21 run statements of ≤ 49,996 numbers each, over 1,000 lines',
    make: () => fence(...SMALL_LSTM, ...runLines(MAX_STEPS_PER_CELL), 'expect h = 0 within 1'),
  },
  {
    name: 'gen-T-1e6-one-statement.lstm',
    attack: 'run x = […] of 10⁶ numbers in one statement over 1,000 lines',
    make: () => fence(...SMALL_LSTM, `run x = [${numberLines(1_000_000)}]`),
  },
  {
    name: 'gen-T-over-limit.lstm',
    attack: `MAX_STEPS_PER_CELL + 1 steps: refused before any runs`,
    make: () => fence(...SMALL_LSTM, ...runLines(MAX_STEPS_PER_CELL), 'step'),
  },
  {
    name: 'gen-brackets-100k.lstm',
    attack: '100,000 unclosed [',
    make: () => fence(`x = ${'['.repeat(100_000)}`) + fence('x = 1'),
  },
  {
    name: 'gen-brackets-100k-closed.lstm',
    attack: '100,000 nested brackets around one number, closed',
    make: () => fence(`x = ${'['.repeat(100_000)}1${']'.repeat(100_000)}`),
  },
  {
    name: 'gen-10MB.lstm',
    attack: 'a 10 MB notebook: hundreds of markdown cells of hostile HTML and of code cells of 2,000 numbers each',
    make: () => {
      const parts: string[] = [];
      const markdown =
        '<img src=x onerror="pwn(\'PWN-10mb\')"> <script>pwn("PWN")</script> %%{init: {}}%% \\href{javascript:pwn()}{x} ';
      let size = 0;
      for (let k = 0; size < 10 * 1024 * 1024; k++) {
        const part =
          k % 2 === 0
            ? `## Cell ${k}\n\n${markdown.repeat(40)}\n\n<!-- cell -->\n${markdown.repeat(10)}\n`
            : k === 1
              ? fence(...SMALL_LSTM, `run x = [${numberLines(2000)}]`, `# ${markdown}`)
              : fence(`c = [${numberLines(2000)}]`, `# ${markdown}`);
        parts.push(part);
        size += part.length;
      }
      return parts.join('\n');
    },
  },
  {
    name: 'gen-10MB-one-cell.lstm',
    attack: 'a 10 MB code cell holding one statement of 5 million numbers',
    make: () => fence(`run x = [${'1,'.repeat(5_000_000 - 1)}1]`),
  },
  {
    name: 'gen-cell-over-MAX_CELL_CHARS.lstm',
    attack: 'one code cell of MAX_CELL_CHARS + 1 characters (a comment)',
    make: () => fence('x = 1', '#' + 'a'.repeat(MAX_CELL_CHARS - 6)),
  },
  {
    name: 'gen-long-line.lstm',
    attack: 'a 4 MB comment line and a 1 MB markdown line',
    make: () => `${'<b>PWN</b> '.repeat(100_000)}\n\n` + fence('x = 1 # ' + 'x'.repeat(4_000_000), 'expect x = 1'),
  },
  {
    name: 'gen-many-cells.lstm',
    attack: '20,000 cells: markdown and code, alternating, with separators',
    make: () =>
      Array.from({ length: 10_000 }, (_, k) => `<!-- cell -->\nmd ${k} <i>PWN</i>\n` + fence(`x = ${k}`)).join(''),
  },
  {
    name: 'gen-many-errors.lstm',
    attack: '200,000 unexpected characters in one cell',
    make: () => fence('@'.repeat(200_000)),
  },
];

export function generatedCorpus(names?: readonly string[]): CorpusFile[] {
  return GENERATED.filter((spec) => !names || names.includes(spec.name)).map((spec) => ({
    name: spec.name,
    bytes: utf8(spec.make()),
    attack: spec.attack,
    generated: true,
  }));
}

export function generatedText(name: string): string {
  const spec = GENERATED.find((candidate) => candidate.name === name);
  if (!spec) throw new Error(`no generated corpus file ${name}`);
  return spec.make();
}
