// The headless runner as a user runs it: `lstm-notebook run|check [--json] FILE…`, built once from
// src/cli/main.ts with esbuild and spawned with node. Exit codes: 0 all ok, 1 a failed expect or an
// error, 2 usage or an unreadable file (nothing runs then). --json prints exactly the documented keys,
// with 1-based FILE lines. Files that `load` reads, and `format`: cliFiles.test.ts.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../../src/core/limits';
import { matching, near } from '../../support/matchers';
import { cliWorkspace, readReport, readReports } from './cliWorkspace';

const workspace = cliWorkspace();
const { notebook: lstmNotebook, run: runCli } = workspace;

// Line numbers below are file lines, counted by hand.
const GOOD = `# A single step

The walkthrough's numbers.

\`\`\`lstm
x = 1
h = 1
c = 5
forget     wx = 1.75   wh = 3.25   b = 1.40
input      wx = 2.30   wh = 1.85   b = 0.45
candidate  wx = 0.45   wh = 0.35   b = -0.05
output     wx = -0.03  wh = 4.67   b = 0.50
dense      w = 2       b = 1
step
expect c = 5.62
\`\`\`

And one more step, with a new input:

\`\`\`lstm
step x = 0.5
expect h = 0.97 within 0.05
\`\`\`
`;
// Cell 1 (index 1) starts at line 6; its expect is on line 15. Cell 2 (index 3) starts at line 21.

const FAILING = `Intro
\`\`\`lstm
x = 1
forget wx = 1 wh = 0
input wx = 1 wh = 0
candidate wx = 1 wh = 0
output wx = 1 wh = 0
step
expect c = 0.9
expect h = 0.5 within 0.01
\`\`\`

\`\`\`lstm
x = 1
stpe
\`\`\`
`;
// Cell at line 3; expects on lines 9 (fails: c = σ(1)·tanh(1) = 0.55677…) and 10; the second cell
// (index 2: the blank line between the cells is no cell) starts at line 14 and has an unknown word at line 15, column 1.

describe('exit codes', () => {
  it('0 when every expect passes (run and check)', () => {
    const file = lstmNotebook('good.lstm', GOOD);
    for (const command of ['run', 'check']) {
      const out = runCli([command, file]);
      expect(out.stderr).toBe('');
      expect(out.code).toBe(0);
      expect(out.stdout).toMatch(/^ok: .*good\.lstm: 2 code cells, 2 expects passed, 0 failed, 0 errors$/m);
    }
  });

  it('1 when an expect fails or a cell has an error, naming file:line:column', () => {
    const file = lstmNotebook('failing.lstm', FAILING);
    const out = runCli(['check', file]);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/FAIL {2}line 9: expect c = 0\.9 {3}\(actual 0\.55677\)/);
    expect(out.stdout).toContain(`${file}:15:1: error: Unknown word "stpe".`);
    expect(out.stdout).toMatch(/^FAILED: /m);
  });

  it("run prints each cell's last step; check does not", () => {
    const file = lstmNotebook('good.lstm', GOOD);
    expect(runCli(['run', file]).stdout).toMatch(/t=1 {2}x=1 {2}f=0\.998341 .* c=5\.62053 {2}h=0\.99415 {2}y=2\.9883/);
    expect(runCli(['check', file]).stdout).not.toMatch(/t=1 /);
  });

  it.each([
    ['no arguments', []],
    ['no file', ['run']],
    ['an unknown command', ['test', 'x.lstm']],
    ['an unknown option', ['check', '--fast', 'x.lstm']],
  ])('2 with a usage line for %s', (_name, args) => {
    const out = runCli(args);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^lstm-notebook: .*usage: lstm-notebook run\|check \[--json\] FILE…\n$/);
  });

  it('--help prints the usage and exits 0', () => {
    const out = runCli(['--help']);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(
      'usage: lstm-notebook run|check [--json] FILE…\n       lstm-notebook export FILE --to html|ipynb|md [-o OUT] [--no-code]\n       lstm-notebook format [--check] FILE…\n',
    );
  });

  it("2 with one line on stderr for a missing file, in a learner's words, and the readable files' results still printed", () => {
    const good = lstmNotebook('good.lstm', GOOD);
    const missing = join(workspace.dir, 'missing.lstm');
    const out = runCli(['check', '--json', good, missing]);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(`lstm-notebook: cannot read ${missing}: there is no such file\n`);
    const [first, second] = readReports(out.stdout);
    expect(first).toMatchObject({ file: good, ok: true });
    expect(first.cells.flatMap((c: { expects: { pass: boolean }[] }) => c.expects.map((e) => e.pass))).toEqual([
      true,
      true,
    ]);
    expect(second).toEqual({ file: missing, ok: false, error: 'there is no such file', cells: [] });
    const text = runCli(['check', missing, good]);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain(`FAILED: ${missing}: cannot read it: there is no such file`);
    expect(text.stdout).toMatch(/^ok: .*good\.lstm: 2 code cells, 2 expects passed/m);
  });

  it('2 for a file that is not UTF-8 text', () => {
    const path = join(workspace.dir, 'latin1.lstm');
    writeFileSync(path, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const out = runCli(['check', path]);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(`lstm-notebook: cannot read ${path}: it is not UTF-8 text\n`);
  });

  it('2 for a directory, said in words (no EISDIR)', () => {
    const out = runCli(['check', workspace.dir]);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(`lstm-notebook: cannot read ${workspace.dir}: it is a folder, not a file\n`);
  });

  it('a notebook with no code cells fails check: nothing ran, so nothing was proven', () => {
    const file = lstmNotebook('prose.lstm', '# Only words\n\nNo code here.\n');
    const out = runCli(['check', file]);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain(`${file}:1:1: warning: This notebook has no code cells`);
    expect(out.stdout).toMatch(/^FAILED: .*prose\.lstm: 0 code cells, 0 expects passed, 0 failed, 0 errors$/m);
  });

  it('one code cell, one expect and one error are counted in the singular', () => {
    const file = lstmNotebook('one.lstm', '```lstm\nx = 1\nexpect x = 1\nstep\n```\n');
    expect(runCli(['check', file]).stdout).toMatch(/: 1 code cell, 1 expect passed, 0 failed, 1 error$/m);
  });

  it('```LSTM and ```Lstm fences run; an indented ```lstm is a warning, not silently skipped', () => {
    const file = lstmNotebook(
      'fences.lstm',
      '```LSTM\nx = 1\nexpect x = 2\n```\n\n```Lstm\nexpect x = 1\n```\n\n  ```lstm\nexpect x = 3\n  ```\n',
    );
    const out = runCli(['check', '--json', file]);
    expect(out.code).toBe(1);
    const report = readReport(out.stdout);
    expect(report.cells.map((c: { line: number; ok: boolean }) => [c.line, c.ok])).toEqual([
      [2, false],
      [7, true],
    ]);
    expect(report.warnings).toEqual([
      {
        line: 10,
        column: 1,
        length: 9,
        message:
          'This ```lstm fence is indented, so it is markdown and never runs. Start it at the beginning of the line to make it a code cell.',
      },
    ]);
  });

  it('an expect of c that fails before any step says that nothing ran', () => {
    const file = lstmNotebook('nostep.lstm', '```lstm\nc = 5\nexpect c = 5.62\n```\n');
    const out = runCli(['check', file]);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain(
      'No step has run yet, so c is still the value it was given: add a step before this expect.',
    );
    const report = readReport(runCli(['check', '--json', file]).stdout);
    expect(report.cells[0].expects[0]).toMatchObject({
      pass: false,
      actual: [5],
      hint: matching(/^No step/),
    });
  });

  it('2 for a notebook larger than MAX_FILE_BYTES; a weight file that large is an error at its load line', () => {
    const big = join(workspace.dir, 'nested/big.json');
    writeFileSync(big, Buffer.alloc(MAX_FILE_BYTES + 1, 0x20));
    const out = runCli(['check', big]);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(
      `lstm-notebook: ${big} is ${MAX_FILE_BYTES + 1} bytes; the largest file read is ${MAX_FILE_BYTES} bytes (MAX_FILE_BYTES)\n`,
    );
    const file = lstmNotebook('nested/loads-big.lstm', '```lstm\nload "big.json"\n```\n');
    const report = readReport(runCli(['check', '--json', file]).stdout);
    expect(report.cells[0].errors).toEqual([
      {
        line: 2,
        column: 6,
        length: 10,
        message: matching(/^"big\.json": it is 33554433 bytes of JSON; .*MAX_FILE_BYTES/),
      },
    ]);
    rmSync(big);
  });

  it('an unclosed fence is a warning, not a failure, in the summary and in --json', () => {
    const file = lstmNotebook('unclosed.lstm', 'Text\n\n```lstm\nx = 1\nexpect x = 1\n');
    const out = runCli(['check', file]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`${file}:3:1: warning: This code cell's fence \`\`\`lstm is never closed`);
    const report = readReport(runCli(['check', '--json', file]).stdout);
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([
      {
        line: 3,
        column: 1,
        length: 7,
        message: "This code cell's fence ```lstm is never closed, so the cell runs to the end of the file.",
      },
    ]);
  });
});

describe('--json', () => {
  const STEP_KEYS = ['t', 'x', 'h_prev', 'c_prev', 'z', 'f', 'i', 'g', 'o', 'fc', 'ig', 'c', 'tanh_c', 'h'];

  it('prints exactly the documented keys, with file lines', () => {
    const file = lstmNotebook('good.lstm', GOOD);
    const out = runCli(['run', '--json', file]);
    expect(out.code).toBe(0);
    const report = readReport(out.stdout);
    expect(Object.keys(report).sort()).toEqual(['cells', 'file', 'ok', 'warnings']);
    expect(report.warnings).toEqual([]);
    expect(report.file).toBe(file);
    expect(report.ok).toBe(true);
    expect(report.cells).toHaveLength(2);
    for (const cell of report.cells) {
      expect(Object.keys(cell).sort()).toEqual(['errors', 'expects', 'index', 'line', 'ok', 'steps']);
      for (const step of cell.steps) {
        expect(Object.keys(step).sort()).toEqual([...STEP_KEYS, 'y'].sort());
        expect(Object.keys(step.z).sort()).toEqual(['f', 'g', 'i', 'o']);
      }
      for (const e of cell.expects) expect(Object.keys(e).sort()).toEqual(['actual', 'line', 'pass', 'text']);
    }
    const [first, second] = report.cells;
    expect([first.index, first.line, second.index, second.line]).toEqual([1, 6, 3, 21]);
    expect(first.expects).toEqual([
      { line: 15, text: 'expect c = 5.62', pass: true, actual: [near(5.620534070456285, 12)] },
    ]);
    expect(second.expects[0]).toMatchObject({ line: 22, text: 'expect h = 0.97 within 0.05', pass: true });
    const step = first.steps[0];
    expect(step).toMatchObject({ t: 1, x: [1], h_prev: [1], c_prev: [5] });
    expect(step.z.f[0]).toBeCloseTo(6.4, 12);
    expect(step.y?.[0]).toBeCloseTo(2.9883006563973478, 12);
    expect(second.steps[0]).toMatchObject({ t: 2, x: [0.5] });
    expect(second.steps[0].h_prev[0]).toBeCloseTo(0.9941503281986739, 12);
    // The full trace: f ⊙ c_prev, i ⊙ g and tanh(c), as PyTorch (float64) computes them for this step.
    expect(step.fc[0]).toBeCloseTo(4.991705994599128, 12);
    expect(step.ig[0]).toBeCloseTo(0.6288280758571572, 12);
    expect(step.tanh_c[0]).toBeCloseTo(0.9999737523496725, 12);
  });

  it('has no y without a dense layer, and errors as {line, column, length, message} in file lines', () => {
    const file = lstmNotebook('failing.lstm', FAILING);
    const out = runCli(['check', '--json', file]);
    expect(out.code).toBe(1);
    const report = readReport(out.stdout);
    expect(report.ok).toBe(false);
    const [first, second] = report.cells;
    expect(first).toMatchObject({ index: 1, line: 3, ok: false, errors: [] });
    expect(Object.keys(first.steps[0]).sort()).toEqual([...STEP_KEYS].sort());
    expect(first.expects.map((e: { line: number; pass: boolean }) => [e.line, e.pass])).toEqual([
      [9, false],
      [10, false],
    ]);
    expect(first.expects[0].actual?.[0]).toBeCloseTo(0.5567699411459397, 12); // σ(1)·tanh(1), from Python
    expect(second).toMatchObject({ index: 2, line: 14, ok: false, steps: [], expects: [] });
    expect(second.errors).toEqual([
      { line: 15, column: 1, length: 4, message: 'Unknown word "stpe". Did you mean "step"?' },
    ]);
  });

  it('CRLF files count lines the same way', () => {
    const file = lstmNotebook('crlf.lstm', FAILING.replace(/\n/g, '\r\n'));
    const report = readReport(runCli(['check', '--json', file]).stdout);
    expect(report.cells.map((c: { line: number }) => c.line)).toEqual([3, 14]);
    expect(report.cells[1].errors[0].line).toBe(15);
  });

  it('several files give a JSON array, in order, and exit 1 if any fails', () => {
    const good = lstmNotebook('good.lstm', GOOD);
    const failing = lstmNotebook('failing.lstm', FAILING);
    const out = runCli(['check', good, '--json', failing]);
    expect(out.code).toBe(1);
    const reports = readReports(out.stdout);
    expect(Array.isArray(reports)).toBe(true);
    expect(reports.map((r: { file: string; ok: boolean }) => [r.file, r.ok])).toEqual([
      [good, true],
      [failing, false],
    ]);
  });
});
