// Errors that teach: the mistakes learners make writing a lesson from docs/language.md, each reported
// where it is (1-based line and column within the cell, length of the underlined range) with the text to
// write instead. Numbers come from PyTorch (torch.nn.LSTM / nn.Linear in float64), not from the engine.
import { describe, expect, it } from 'vitest';
import { MAX_DIMENSION, MAX_STATEMENT_TOKENS, MAX_WEIGHT_STATEMENT_TOKENS } from '../../../src/core/limits';
import { parseNotebook, printNotebook } from '../../../src/core/notebook';
import { checkCell } from '../../../src/core/check';
import { Session } from '../../../src/core/session';
import type { CellResult } from '../../../src/core/types';
import { matching } from '../../support/matchers';

const run = (source: string, session = new Session()): CellResult => session.run(source);
const errorsOf = (result: CellResult) =>
  result.errors.map(({ line, column, length, message, suggestion }) => ({
    line,
    column,
    length,
    message,
    ...(suggestion === undefined ? {} : { suggestion }),
  }));

const GATES = ['forget', 'input', 'candidate', 'output'];
const gates = (settings: string) => GATES.map((gate) => `${gate} ${settings}`).join('\n');

/** A matrix literal of the given size, one row a line. */
const matrix = (rows: number, cols: number) =>
  `[${Array.from({ length: rows }, (_, r) => `[${Array.from({ length: cols }, (_, k) => ((r + k) % 7) / 100).join(', ')}]`).join(',\n')}]`;

describe('a comma where brackets or a decimal point were meant', () => {
  it('x = 1,2 asks for brackets (and offers the decimal reading), underlining 1,2', () => {
    expect(errorsOf(run('x = 1,2'))).toEqual([
      {
        line: 1,
        column: 5,
        length: 3,
        message:
          'Several values need brackets: write the vector as [1, 2]. If you meant one number, write its decimal point as a dot: 1.2.',
        suggestion: '[1, 2]',
      },
    ]);
  });

  it('x = 0,5 (a decimal comma) says to write 0.5', () => {
    const [error] = errorsOf(run('h = 1\nx = 0,5'));
    expect(error).toMatchObject({ line: 2, column: 5, length: 3 });
    expect(error.message).toContain('write its decimal point as a dot: 0.5.');
  });

  it('three numbers are a vector only: no decimal reading', () => {
    expect(errorsOf(run('step x = 1, 2, 3'))).toEqual([
      {
        line: 1,
        column: 10,
        length: 7,
        message: 'Several values need brackets: write the vector as [1, 2, 3].',
        suggestion: '[1, 2, 3]',
      },
    ]);
  });

  it('a comma between a gate’s keys says keys are separated by spaces', () => {
    expect(errorsOf(run('forget wx = 1, wh = 2'))).toEqual([
      {
        line: 1,
        column: 14,
        length: 1,
        message: 'Separate the keys with spaces, not commas, e.g. forget wx = 0.5 wh = 0.5.',
      },
    ]);
  });
});

describe('the Unicode minus sign − (U+2212) the lessons print is read as a minus', () => {
  it('x = −0.5 and 1.5e−05 are the numbers they show, and expect reads its tolerance from the digits', () => {
    const result = run('x = [−0.5, 1.5e−05]\nexpect x = [-0.5, 0.000015]\nexpect x = [−0.4, 1.5e−05]');
    expect(result.errors).toEqual([]);
    expect(result.state.x).toEqual([-0.5, 0.000015]);
    expect(result.expects.map((e) => e.pass)).toEqual([true, false]);
    // −0.4 is proven to ±0.05, so −0.5 is outside it.
    expect(result.expects[1].tolerance).toBeCloseTo(0.05, 15);
  });
});

describe('W with the wrong number of columns speaks of W, not of the wx the user never wrote', () => {
  it('forget W 2×3 with H = X = 2: "W needs H + X = 4 columns", at the W value', () => {
    const cell = `h = [0, 0]\nx = [1, 1]\nforget W = [[1, 2, 3], [4, 5, 6]]\n${gates('W = [[1, 2, 3, 4], [4, 5, 6, 4]]').split('\n').slice(1).join('\n')}\nstep`;
    expect(errorsOf(run(cell))).toEqual([
      {
        line: 3,
        column: 12,
        length: 22,
        message:
          'W of the forget gate is 2×3, but W needs H + X = 4 columns: H = 2 for h_{t−1}, then X = 2 for x_t (H×(H+X) = 2×4).',
      },
    ]);
  });
});

describe('a large legal matrix is never refused for its length', () => {
  it(`a 224×224 wh (H ≤ ${MAX_DIMENSION} is allowed) parses and runs a step`, () => {
    const H = 224;
    const column = `[${new Array(H).fill(0.1).join(', ')}]`;
    const cell = `${gates(`wx = ${column} wh = ${matrix(H, H)}`)}\nh = [${new Array(H).fill(0).join(', ')}]\nx = 1\nstep`;
    expect(checkCell(cell)).toEqual([]);
    const result = run(cell);
    expect(result.errors).toEqual([]);
    expect(result.stepsRun).toBe(1);
    expect(result.state.h).toHaveLength(H);
  });

  it('the weight-line limit holds the largest W (H = X = MAX_DIMENSION) with wx, wh and b at full size', () => {
    const D = MAX_DIMENSION;
    // A rows×cols matrix is 2·rows·cols + 2·rows + 1 tokens (numbers, commas, brackets), + rows + 1 for trailing commas.
    const tokens = (rows: number, cols: number) => 2 * rows * cols + 3 * rows + 2;
    expect(MAX_WEIGHT_STATEMENT_TOKENS).toBeGreaterThanOrEqual(tokens(D, 2 * D) + 3);
    expect(MAX_WEIGHT_STATEMENT_TOKENS).toBeGreaterThanOrEqual(2 * tokens(D, D) + tokens(1, D) + 7);
  });

  it('a run longer than MAX_STATEMENT_TOKENS is still refused, with the advice to split the run', () => {
    const result = run(`${gates('wx = 0 wh = 0')}\nh = 0\nrun x = [${'0,'.repeat(MAX_STATEMENT_TOKENS)}0]`);
    expect(errorsOf(result)).toEqual([
      {
        line: 6,
        column: 1,
        length: 3,
        message: `This statement has ${2 * MAX_STATEMENT_TOKENS + 6} tokens; one statement holds at most ${MAX_STATEMENT_TOKENS} (MAX_STATEMENT_TOKENS, about ${MAX_STATEMENT_TOKENS / 2} numbers). Split the run into several run lines.`,
      },
    ]);
  });
});

describe('a vector where a one-row or one-column matrix is needed', () => {
  // PyTorch: nn.LSTM(1, 1) with every weight_ih = 0.3, weight_hh = 0.5, no bias; x = 1 then −0.5; then
  // nn.Linear(1, 2) with weight [[1], [2]].
  const H_AFTER_TWO = 0.014697423342885372;
  const C_AFTER_TWO = 0.030989199437879214;

  it('forget W = [0.5, 0.3] (H = X = 1) is W’s one row: wh = 0.5, wx = 0.3', () => {
    const result = run(`${gates('W = [0.5, 0.3]')}\nrun x = [1, -0.5]`);
    expect(result.errors).toEqual([]);
    expect(result.state.h?.[0]).toBeCloseTo(H_AFTER_TWO, 15);
    expect(result.state.c?.[0]).toBeCloseTo(C_AFTER_TWO, 15);
  });

  it('dense w = [1, 2] with H = 1 is w’s one column: two outputs', () => {
    const result = run(`${gates('W = [0.5, 0.3]')}\ndense w = [1, 2]\nrun x = [1, -0.5]`);
    expect(result.errors).toEqual([]);
    expect(result.steps[1].y?.[0]).toBeCloseTo(H_AFTER_TWO, 15);
    expect(result.steps[1].y?.[1]).toBeCloseTo(0.029394846685770745, 15);
  });

  it('dense w = [1, 2] with H = 2 is w’s one row: one output', () => {
    const result = run(`h = [0, 0]\n${gates('wx = [1, 1] wh = 0.5')}\ndense w = [1, 2]\nx = 0\nstep`);
    expect(result.errors).toEqual([
      expect.objectContaining({ message: matching(/^wh of the forget gate is a single number/) }),
    ]);
    const ok = run(`h = [0, 0]\n${gates('wx = [1, 1] wh = [[0, 0], [0, 0]]')}\ndense w = [1, 2]\nx = 0\nstep`);
    expect(ok.errors).toEqual([]);
    expect(ok.steps[0].y).toEqual([0]);
  });
});

describe('one key set twice on a line is an error, not a silent replacement', () => {
  it.each([
    [
      'forget wx = 1 wx = 2',
      15,
      2,
      'wx is set twice on this line; keep one (the second would silently replace the first).',
    ],
    ['forget W = [1, 2] wh = 2', 19, 2, 'W and wh set the same weights; keep one of them on this line.'],
    ['dense w = 1 W = 2', 13, 1, 'w and W set the same weights; keep one of them on this line.'],
  ])('%s', (cell, column, length, message) => {
    expect(errorsOf(run(cell))).toEqual([{ line: 1, column, length, message }]);
  });

  it('wx on one line and again on the next is a change, not an error', () => {
    expect(run('forget wx = 1\nforget wx = 2').errors).toEqual([]);
  });
});

describe('an expect that fails because no step ran says so', () => {
  it('c = 5 then expect c = 5.62: fails, with a hint that nothing ran', () => {
    const [result] = run('c = 5\nexpect c = 5.62').expects;
    expect(result).toMatchObject({ pass: false, actual: [5] });
    expect(result.hint).toBe(
      'No step has run yet, so c is still the value it was given: add a step before this expect.',
    );
  });

  it('after a step, a failing expect carries no such hint', () => {
    const session = new Session();
    run(`${gates('wx = 0 wh = 0')}\nx = 1\nstep`, session);
    const [result] = run('expect c = 5', session).expects;
    expect(result.pass).toBe(false);
    expect(result.hint).toBeUndefined();
  });
});

describe('load', () => {
  it('without quotes: one error, offering the quoted name, and no error per character', () => {
    expect(errorsOf(run('x = 1\nload weights/x.json   # trained'))).toEqual([
      {
        line: 2,
        column: 6,
        length: 14,
        message: 'load needs the file name in quotes: load "weights/x.json".',
        suggestion: '"weights/x.json"',
      },
    ]);
  });

  it('an x of the wrong size after load is reported at the step, naming the file and X', () => {
    const file = JSON.stringify({
      weight_ih_l0: [
        [1, 0],
        [0, 1],
        [1, 1],
        [0, 0],
      ],
      weight_hh_l0: [[0], [0], [0], [0]],
    });
    const session = new Session({ readFile: () => ({ text: file }) });
    expect(errorsOf(run('load "w.json"', session))).toEqual([]);
    expect(errorsOf(run('x = 1\nstep', session))).toEqual([
      {
        line: 2,
        column: 1,
        length: 4,
        message: 'x has 1 value, but the weights loaded from "w.json" take X = 2 inputs: give x 2 values.',
      },
    ]);
    expect(errorsOf(run('step x = [1, 2, 3]', session))).toEqual([
      {
        line: 1,
        column: 10,
        length: 9,
        message: 'x has 3 values, but the weights loaded from "w.json" take X = 2 inputs: give x 2 values.',
      },
    ]);
    expect(run('step x = [1, 2]', session).errors).toEqual([]);
  });
});

describe('fences that look like code cells', () => {
  it('```LSTM and ~~~Lstm open code cells; the file still reads back byte for byte', () => {
    const text = '# T\n\n```LSTM\nx = 1\n```\n\n~~~Lstm\nx = 2\n~~~\n';
    const doc = parseNotebook(text);
    expect(doc.cells.map((c) => [c.kind, c.source])).toEqual([
      ['markdown', '# T'],
      ['code', 'x = 1'],
      ['code', 'x = 2'],
    ]);
    expect(doc.problems).toEqual([]);
    expect(printNotebook(doc)).toBe(text);
  });

  it('an indented ```lstm or one with more after lstm is markdown, with a warning on its line', () => {
    const doc = parseNotebook('Intro\n\n  ```lstm\nx = 1\n  ```\n\n```lstm run\nx = 2\n```\n');
    expect(doc.cells.every((c) => c.kind === 'markdown')).toBe(true);
    expect(doc.problems).toEqual([
      {
        line: 3,
        column: 1,
        length: 9,
        severity: 'warning',
        message:
          'This ```lstm fence is indented, so it is markdown and never runs. Start it at the beginning of the line to make it a code cell.',
      },
      {
        line: 7,
        column: 1,
        length: 11,
        severity: 'warning',
        message:
          'This ```lstm run fence has more than "lstm" after it, so it is markdown and never runs. Write just ```lstm to make it a code cell.',
      },
    ]);
  });

  it('an ```lstm inside another fenced block (an example in a ````markdown block) gives no warning', () => {
    expect(parseNotebook('````markdown\n```lstm\nx = 1\n```\n````\n').problems).toEqual([]);
  });
});
