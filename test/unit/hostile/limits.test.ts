// No hang: the huge cases of the hostile corpus (made at test time) give a clear error naming the
// limit, or run in many slices that a cancel ends at the next slice. No clock is asserted here (the
// worst slice times are measured by test/hostile/measure.mjs); vitest's timeout is the only clock.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CELL_CHARS, MAX_DIMENSION, MAX_STATEMENT_TOKENS, MAX_STEPS_PER_CELL } from '../../../src/core/limits';
import { Session } from '../../../src/core/session';
import { analyze } from '../../../src/extension/analysis';
import { MAX_PAYLOAD_STEPS } from '../../../src/common/output';
import { runInSlices } from '../../../src/extension/slices';
import { FIXTURES, generatedCorpus, generatedText, runLines, SMALL_LSTM, type CorpusFile } from '../../hostile/corpus';
import { runFile, SLICE_MS, type FileRun } from '../../hostile/kernel';
import { allViolations } from './checks';

const TIMEOUT = 180_000;
const only = (name: string): CorpusFile => generatedCorpus([name])[0];
const messages = (run: FileRun) => run.cells.flatMap((cell) => cell.result.errors.map((problem) => problem.message));
const codeOf = (name: string): string => {
  const text = generatedText(name);
  return text.slice(text.indexOf('\n') + 1, text.lastIndexOf('\n```'));
};

/** Counts the Float64Arrays the kernel allocates above `limit` elements while `body` runs. */
function largeTypedArrays(limit: number, body: () => void): number[] {
  const original = globalThis.Float64Array;
  const seen: number[] = [];
  globalThis.Float64Array = new Proxy(original, {
    construct(target, args: unknown[]) {
      if (typeof args[0] === 'number' && args[0] > limit) seen.push(args[0]);
      return Reflect.construct(target, args) as object;
    },
  });
  try {
    body();
  } finally {
    globalThis.Float64Array = original;
  }
  return seen;
}

afterEach(() => {
  expect(globalThis.Float64Array.name).toBe('Float64Array');
});

function expectClean(run: FileRun, file: CorpusFile) {
  const violations = allViolations(run, file);
  for (const [check, list] of Object.entries(violations)) expect(list, check).toEqual([]);
}

describe('huge dimensions: a fast, clear error naming the limit, before anything is allocated', () => {
  it(
    'H = 100,000 written as one vector (a weight line, which may hold any legal matrix) is refused by MAX_DIMENSION',
    () => {
      const file = only('gen-H-100000-vector.lstm');
      let run!: FileRun;
      expect(largeTypedArrays(1e6, () => (run = runFile(file)))).toEqual([]);
      expect(messages(run)).toEqual(['H = 100000, X = 1: the largest size this kernel runs is 1024 (MAX_DIMENSION).']);
      expect(run.cells[0].result.stepsRun).toBe(0);
      expectClean(run, file);
    },
    TIMEOUT,
  );

  it(
    'a 100,000-row forget wh is refused the same way, before anything is allocated',
    () => {
      const file = only('gen-H-100000-matrix.lstm');
      let run!: FileRun;
      expect(largeTypedArrays(1e6, () => (run = runFile(file)))).toEqual([]);
      expect(messages(run)).toEqual(['H = 100000, X = 1: the largest size this kernel runs is 1024 (MAX_DIMENSION).']);
      expectClean(run, file);
    },
    TIMEOUT,
  );

  it(
    `H = 49,000 in a legal statement stops at the step with MAX_DIMENSION (${MAX_DIMENSION}), before packing 4H×(H+X) weights`,
    () => {
      const file = only('gen-H-49000-statement.lstm');
      let run!: FileRun;
      expect(largeTypedArrays(4 * MAX_DIMENSION * 2 * MAX_DIMENSION, () => (run = runFile(file)))).toEqual([]);
      expect(messages(run)).toEqual([
        `H = 49000, X = 1: the largest size this kernel runs is ${MAX_DIMENSION} (MAX_DIMENSION).`,
      ]);
      expect(run.cells[0].result.stepsRun).toBe(0);
      expectClean(run, file);
    },
    TIMEOUT,
  );

  it(
    'X = 49,000 likewise',
    () => {
      const file = only('gen-X-49000-statement.lstm');
      let run!: FileRun;
      expect(largeTypedArrays(4 * MAX_DIMENSION * 2 * MAX_DIMENSION, () => (run = runFile(file)))).toEqual([]);
      expect(messages(run)).toEqual([expect.stringMatching(/^H = 1, X = 49000: .*\(MAX_DIMENSION\)\.$/)]);
      expectClean(run, file);
    },
    TIMEOUT,
  );

  it(
    '100,000 nested brackets, open or closed, are refused without recursion',
    () => {
      for (const name of ['gen-brackets-100k.lstm', 'gen-brackets-100k-closed.lstm']) {
        const file = only(name);
        const run = runFile(file);
        expect(
          messages(run).some((message) => /MAX_STATEMENT_TOKENS|nest deeper/.test(message)),
          name,
        ).toBe(true);
        expectClean(run, file);
      }
    },
    TIMEOUT,
  );
});

describe('huge sequences: T = 10⁶ runs in many slices, or is refused before it starts', () => {
  it(
    `10⁶ steps (MAX_STEPS_PER_CELL) over ${Math.ceil(MAX_STEPS_PER_CELL / 49_996)} run statements all run, in many slices, with a bounded trace and payload`,
    () => {
      const file = only('gen-T-1e6.lstm');
      const run = runFile(file);
      const [cell] = run.cells;
      expect(cell.result.errors).toEqual([]);
      expect(cell.result.stepsRun).toBe(MAX_STEPS_PER_CELL);
      expect(cell.result.expects[0].pass).toBe(true);
      expect(cell.slices).toBeGreaterThan(20); // each slice is SLICE_MS of work, and 10⁶ steps take far longer
      expect(cell.result.steps.length).toBeLessThan(MAX_STEPS_PER_CELL / 2);
      expect(cell.payload?.steps.length).toBeLessThanOrEqual(MAX_PAYLOAD_STEPS);
      expect(cell.payload?.totalSteps).toBe(MAX_STEPS_PER_CELL);
      expect(cell.payload?.steps.at(-1)?.t).toBe(MAX_STEPS_PER_CELL);
      expectClean(run, file);
    },
    TIMEOUT,
  );

  it(
    'a cancel while it runs ends the cell at the next slice, keeping the steps that ran',
    () => {
      // The load on the first line tells when the parse is over and the statements run (each advance runs
      // at least one unit of work, so three more advances run at least one step).
      let loaded = false;
      const weights = readFileSync(join(FIXTURES, 'weights-ok.json'), 'utf8');
      const session = new Session({ readFile: () => ((loaded = true), { text: weights }) });
      const execution = session.start(['load "weights-ok.json"', ...runLines(MAX_STEPS_PER_CELL)].join('\n'));
      while (!loaded) expect(execution.advance(SLICE_MS)).toBe(false);
      for (let k = 0; k < 3; k++) expect(execution.advance(SLICE_MS)).toBe(false);
      execution.cancel();
      expect(execution.advance(SLICE_MS)).toBe(true);
      const { result } = execution;
      expect(result.errors.map((problem) => problem.message)).toEqual([
        'Interrupted: the cell was stopped before it finished.',
      ]);
      expect(result.stepsRun).toBeGreaterThan(0);
      expect(result.stepsRun).toBeLessThan(MAX_STEPS_PER_CELL);
      const ran = result.stepsRun;
      expect(execution.advance(SLICE_MS)).toBe(true);
      expect(execution.result.stepsRun).toBe(ran);
    },
    TIMEOUT,
  );

  it(
    "the kernel's runInSlices yields between slices, and an interrupt during the pause ends the cell",
    async () => {
      const execution = new Session().start(codeOf('gen-T-1e6.lstm'));
      let pauses = 0;
      const result = await runInSlices(execution, SLICE_MS, () => {
        if (++pauses === 5) execution.cancel();
        return Promise.resolve();
      });
      expect(pauses).toBe(5);
      expect(result.errors.at(-1)?.message).toMatch(/^Interrupted/);
    },
    TIMEOUT,
  );

  it(
    '10⁶ numbers in one run statement are refused (MAX_STATEMENT_TOKENS) after a sliced parse; nothing runs',
    () => {
      const file = only('gen-T-1e6-one-statement.lstm');
      const run = runFile(file);
      const [cell] = run.cells;
      expect(messages(run)).toEqual([
        expect.stringMatching(/^This statement has 2000004 tokens; .*MAX_STATEMENT_TOKENS/),
      ]);
      expect(cell.result.stepsRun).toBe(0);
      expect(cell.slices).toBeGreaterThan(1);
      expectClean(run, file);
    },
    TIMEOUT,
  );

  it(
    `one step more than MAX_STEPS_PER_CELL is refused before any step runs, and the message gives the count`,
    () => {
      const file = only('gen-T-over-limit.lstm');
      const run = runFile(file);
      expect(messages(run)).toEqual([
        `This cell would run ${MAX_STEPS_PER_CELL + 1} steps; one cell runs at most ${MAX_STEPS_PER_CELL} (MAX_STEPS_PER_CELL).`,
      ]);
      expect(run.cells[0].result.stepsRun).toBe(0);
      expectClean(run, file);
    },
    TIMEOUT,
  );
});

describe('huge files and cells', () => {
  it(
    'a 10 MB notebook of hostile markdown and number cells opens, runs every cell and saves byte for byte',
    () => {
      const file = only('gen-10MB.lstm');
      expect(file.bytes.length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
      const run = runFile(file);
      expect(run.cells.length).toBeGreaterThan(300);
      expect(run.cells.every((cell) => cell.result.ok)).toBe(true);
      expectClean(run, file);
    },
    TIMEOUT,
  );

  it(
    'a 10 MB cell of 5 million numbers in one statement is refused (MAX_STATEMENT_TOKENS) after a parse in many slices',
    () => {
      const file = only('gen-10MB-one-cell.lstm');
      const run = runFile(file);
      expect(messages(run)).toEqual([
        expect.stringMatching(/^This statement has 10000004 tokens; .*MAX_STATEMENT_TOKENS/),
      ]);
      expect(run.cells[0].slices).toBeGreaterThan(10);
      expectClean(run, file);
    },
    TIMEOUT,
  );

  it(
    'a cancel during the parse of a 10 MB cell ends it at the next slice',
    () => {
      const execution = new Session().start(codeOf('gen-10MB-one-cell.lstm'));
      expect(execution.advance(SLICE_MS)).toBe(false);
      execution.cancel();
      expect(execution.advance(SLICE_MS)).toBe(true);
      expect(execution.result.errors.map((problem) => problem.message)).toEqual([
        'Interrupted: the cell was stopped before it finished.',
      ]);
    },
    TIMEOUT,
  );

  it(
    `a cell over MAX_CELL_CHARS (${MAX_CELL_CHARS}) is refused at once, in the kernel and in the editor's analysis`,
    () => {
      const source = codeOf('gen-cell-over-MAX_CELL_CHARS.lstm');
      expect(source.length).toBe(MAX_CELL_CHARS + 1);
      const execution = new Session().start(source);
      expect(execution.advance(SLICE_MS)).toBe(true);
      expect(execution.result.errors.map((problem) => problem.message)).toEqual([
        `This cell has ${MAX_CELL_CHARS + 1} characters; the kernel reads at most ${MAX_CELL_CHARS} (MAX_CELL_CHARS). Split it into several cells.`,
      ]);
      expect(analyze(source).problems.map((problem) => problem.message)).toEqual([
        expect.stringMatching(/\(MAX_CELL_CHARS\)/),
      ]);
      expect(analyze(source).tokens).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'a 4 MB comment line and 10,000 code cells run and save byte for byte',
    () => {
      for (const name of ['gen-long-line.lstm', 'gen-many-cells.lstm']) {
        const file = only(name);
        const run = runFile(file);
        expect(
          run.cells.every((cell) => cell.result.ok),
          name,
        ).toBe(true);
        expectClean(run, file);
      }
    },
    TIMEOUT,
  );

  it(
    'the statement limit holds at its edge: MAX_STATEMENT_TOKENS tokens parse, one more is refused',
    () => {
      const numbers = (count: number) => Array.from({ length: count }, () => '0').join(',');
      // "run x = [" is 4 tokens and "]" one: n numbers make 2n + 4 tokens.
      const fits = (MAX_STATEMENT_TOKENS - 4) / 2;
      const ok = new Session().run([...SMALL_LSTM, `run x = [${numbers(fits)}]`].join('\n'));
      expect(ok.errors).toEqual([]);
      expect(ok.stepsRun).toBe(fits);
      const over = new Session().run([...SMALL_LSTM, `run x = [${numbers(fits + 1)}]`].join('\n'));
      expect(over.errors.map((problem) => problem.message)).toEqual([expect.stringMatching(/MAX_STATEMENT_TOKENS/)]);
    },
    TIMEOUT,
  );
});
