// Every file of the hostile corpus (test/fixtures/hostile/ and the lighter generated ones) through the
// kernel as the extension runs it: decoded, split into cells, each code cell run in 20 ms slices by
// one Session, each result turned into the renderer's payload and the markdown summary. Checked per
// file (checks.ts): no internal error, every problem well-formed; every number the renderer gets is
// finite; mermaid's source and KaTeX's TeX hold only numbers and fixed words (mermaid's by a grammar);
// expect texts are tokens only; the markdown summary makes no HTML of the notebook's; an unedited
// file saves byte for byte; load never asks for a path outside the notebook's folder.
import { describe, expect, it } from 'vitest';
import { committedCorpus, generatedCorpus, type CorpusFile } from '../../hostile/corpus';
import { runFile, type FileRun } from '../../hostile/kernel';
import { allViolations } from './checks';
import { matching } from '../../support/matchers';

const LIGHT_GENERATED = [
  'gen-brackets-100k.lstm',
  'gen-brackets-100k-closed.lstm',
  'gen-long-line.lstm',
  'gen-many-errors.lstm',
];

const committed = committedCorpus();
const files: CorpusFile[] = [...committed, ...generatedCorpus(LIGHT_GENERATED)];
const runs = new Map<string, FileRun>();
const runOf = (file: CorpusFile): FileRun => {
  let run = runs.get(file.name);
  if (!run) runs.set(file.name, (run = runFile(file)));
  return run;
};

describe('the hostile corpus', () => {
  it('has 30+ committed attacks, each described in manifest.json', () => {
    expect(committed.length).toBeGreaterThanOrEqual(30);
    for (const file of committed) expect(file.attack.length).toBeGreaterThan(10);
  });

  it.each(files.map((file) => [file.name, file] as const))('%s keeps every invariant', (_, file) => {
    const run = runOf(file);
    const violations = allViolations(run, file);
    for (const [check, list] of Object.entries(violations)) expect(list, `${check} (${file.attack})`).toEqual([]);
  });
});

describe('what the corpus shows', () => {
  const cellsOf = (name: string) => runOf(files.find((file) => file.name === name) as CorpusFile).cells;
  const errorsOf = (name: string) =>
    cellsOf(name).flatMap((cell) => cell.result.errors.map((problem) => problem.message));

  it('the valid cells around the attacks still run and draw (the attacks are not simply rejected wholesale)', () => {
    for (const name of [
      '01-html-in-markdown.lstm',
      '02-html-in-comments.lstm',
      '06-mermaid-init-directive.lstm',
      '07-mermaid-click.lstm',
      '09-katex-href.lstm',
      '10-katex-html-extensions.lstm',
      '11-katex-macro-bomb.lstm',
      '19-control-characters.lstm',
      '20-bidi-overrides.lstm',
      '21-nul-bytes.lstm',
      '22-invalid-utf8.lstm',
      '25-bom-crlf.lstm',
      '28-line-ends-mixed.lstm',
      '29-line-ends-cr-only.lstm',
    ]) {
      expect(
        cellsOf(name).some((cell) => cell.result.ok && (cell.payload?.steps.length ?? 0) > 0),
        name,
      ).toBe(true);
    }
  });

  it('HTML written in a string is echoed in the error message only as quoted text, and never reaches a payload', () => {
    const cells = cellsOf('03-html-in-strings.lstm');
    expect(cells.every((cell) => cell.payload === undefined)).toBe(true);
    expect(errorsOf('03-html-in-strings.lstm').join('\n')).toContain(
      'but found ""<script>pwn(\'PWN-string\')</script>""',
    );
  });

  it('literals beyond float64 and the words nan and inf are errors that say why', () => {
    expect(errorsOf('13-numbers-literal-overflow.lstm').filter((m) => /too large for a float64/.test(m))).toHaveLength(
      5,
    );
    const words = errorsOf('15-numbers-nan-inf-words.lstm');
    expect(words.some((m) => /found "nan"\. Values must be finite numbers\./.test(m))).toBe(true);
    expect(words.some((m) => /found "inf"\. Values must be finite numbers\./.test(m))).toBe(true);
    expect(
      cellsOf('15-numbers-nan-inf-words.lstm').every((cell) => !cell.result.ok && cell.result.stepsRun === 0),
    ).toBe(true);
  });

  it('an overflow past float64 stops the cell with an error naming the step, and no step is recorded', () => {
    const cells = cellsOf('12-numbers-huge.lstm');
    for (const k of [0, 2, 3]) {
      expect(cells[k].result.errors.map((p) => p.message)).toEqual([
        expect.stringMatching(/^At step 1 the numbers overflowed past float64/),
      ]);
      expect(cells[k].result.stepsRun).toBe(0);
    }
  });

  it('bidi controls, NUL, controls and look-alike letters in code are reported by code point', () => {
    expect(errorsOf('20-bidi-overrides.lstm')).toEqual(
      expect.arrayContaining(['Unexpected character U+2067.', 'Unexpected character U+202E.']),
    );
    expect(errorsOf('21-nul-bytes.lstm')).toContain('Unexpected character U+0000.');
    expect(errorsOf('19-control-characters.lstm')).toEqual(
      expect.arrayContaining(['Unexpected character U+001B.', 'Unexpected character U+0085.']),
    );
    expect(errorsOf('41-homoglyphs.lstm')).toEqual(
      expect.arrayContaining(['Unexpected character "х".', 'Unexpected character "１".']),
    );
  });

  it('load refuses traversal, absolute, Windows and UNC paths by name, before asking for the file', () => {
    const run = runOf(files.find((file) => file.name === '34-load-traversal.lstm') as CorpusFile);
    const refused = run.cells.filter((cell) => /points elsewhere/.test(cell.error ?? ''));
    expect(refused.length).toBe(13);
    for (const cell of run.cells) expect(cell.result.ok).toBe(false);
    expect(run.loads.filter((path) => path.split(/[\\/]/).includes('..') || /^([A-Za-z]:)?[\\/]/.test(path))).toEqual(
      [],
    );
  });

  it('hostile weight files give an error each (1e999, prototype keys, deep nesting, H = 1100, strings, not JSON); a good one loads', () => {
    const cells = cellsOf('35-load-hostile-json.lstm');
    const messages = cells.map((cell) => cell.result.errors.map((p) => p.message).join(' | '));
    expect(messages[0]).toMatch(/which is not a finite number/);
    // "__proto__" is an own key after JSON.parse: its weights may load, but nothing is polluted.
    expect(messages[1] === '' || /weight_ih_l0|No LSTM weights|recurrent networks: "__proto__"/.test(messages[1])).toBe(
      true,
    );
    expect(messages[2]).toMatch(/must be a matrix|rows/);
    expect(messages[3]).toMatch(/MAX_DIMENSION/);
    expect(messages[4]).toMatch(/not a finite number/);
    expect(messages[5]).toMatch(/not valid JSON/);
    expect(cells[6].result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a never-closed fence keeps the rest of the file in its cell and warns on its line', () => {
    const run = runOf(files.find((file) => file.name === '30-fence-unclosed.lstm') as CorpusFile);
    expect(run.doc.problems).toEqual([
      expect.objectContaining({ severity: 'warning', line: 14, message: matching(/never closed/) }),
    ]);
  });

  it('200,000 unexpected characters give 200,000 located errors without an internal error', () => {
    const [cell] = cellsOf('gen-many-errors.lstm');
    expect(cell.result.errors).toHaveLength(200_000);
    expect(cell.result.errors[199_999]).toMatchObject({
      line: 1,
      column: 200_000,
      message: 'Unexpected character "@".',
    });
  });
});
