// The cell language as a learner meets it: what each statement does, and where and how every mistake is
// reported (1-based line and column within the cell, length of the underlined range, message).
// Expected numbers were worked out by hand / with Python's math module, not with the engine.
import { describe, expect, it } from 'vitest';
import { Session } from '../../../src/core/session';
import { matching, notMatching } from '../../support/matchers';
import { errorsOf, GATES_1, HALF_GATES, run } from './languageCells';

describe('errors point at the exact place with a message that says what to do', () => {
  // [name, cell, line, column, length, message pattern, suggestion]
  const TABLE: [string, string, number, number, number, RegExp, string?][] = [
    ['misspelt statement word', 'forgt wx = 1', 1, 1, 5, /^Unknown word "forgt"\. Did you mean "forget"\?$/, 'forget'],
    [
      'misspelt word on a later, indented line',
      'x = 1\n  expcet c = 1',
      2,
      3,
      6,
      /^Unknown word "expcet"\. Did you mean "expect"\?$/,
      'expect',
    ],
    ['one letter too many', 'x = 1\r\nsteps', 2, 1, 5, /Did you mean "step"\?/, 'step'],
    [
      'unknown word with nothing close',
      'banana = 3',
      1,
      1,
      6,
      /^Unknown word "banana"\. A line starts with x, h, c, a gate/,
    ],
    [
      'misspelt gate key',
      'forget wy = 1',
      1,
      8,
      2,
      /^The forget gate has no "wy"; it takes wx, wh, b, W\. Did you mean "wx"\?$/,
      'wx',
    ],
    [
      'misspelt within',
      'x = 1\nexpect x = 1 withn 0.1',
      2,
      14,
      5,
      /Expected "within" .* Did you mean "within"\?/,
      'within',
    ],
    [
      'misspelt notation',
      'notation word',
      1,
      10,
      4,
      /notation is either "words" .* or "symbols" .* Did you mean "words"\?/,
      'words',
    ],
    [
      'unknown name after show',
      'show hh',
      1,
      6,
      2,
      /^show can't read "hh"; it reads x, h, c, .* Did you mean "h"\?$/,
      'h',
    ],
    ['unclosed bracket', 'x = [1, 2', 1, 5, 1, /^This bracket is never closed\.$/],
    ['unclosed bracket over two lines', 'h = [[1, 2],\n     [3, 4]', 1, 5, 1, /never closed/],
    ['deep nesting', 'x = [[[[1]]]]', 1, 7, 1, /^Brackets nest deeper than a matrix allows \(2 levels/],
    ['empty brackets', 'x = []', 1, 5, 1, /^Empty brackets/],
    ['ragged matrix', 'x = [[1, 2], [3]]', 1, 5, 13, /row 1 has 2 values but row 2 has 1/],
    ['a number beside rows', 'x = [1, [2]]', 1, 5, 8, /A vector must hold only numbers/],
    ['number too large for a float64', 'x = 1e999', 1, 5, 5, /^1e999 is too large for a float64/],
    ['inf is not a number', 'x = inf', 1, 5, 3, /found "inf"\. Values must be finite numbers\.$/],
    ['nan is not a number', 'c = nan', 1, 5, 3, /Values must be finite numbers/],
    ['two values on one line', 'x = 1 2', 1, 7, 1, /^Unexpected "2" after the end of the statement/],
    ['garbage character', 'x = 1 @', 1, 7, 1, /^Unexpected character "@"\.$/],
    ['invisible right-to-left override', 'x = 1\u202e', 1, 6, 1, /^Unexpected character U\+202E\.$/],
    ['string without closing quote', 'load "w.json', 1, 6, 7, /^This string has no closing quote on its line\.$/],
    ['load without quotes', 'load w', 1, 6, 1, /^load needs the file name in quotes: load "w"\.$/, '"w"'],
    ['run without inputs', 'run', 1, 4, 1, /^run needs the inputs, e\.g\. run x = \[0, 0\.5, 1\]\.$/],
    [
      'tolerance must be a number',
      'x = 1\nexpect x = 1 within -1',
      2,
      21,
      2,
      /tolerance after "within" must be a number ≥ 0/,
    ],
    [
      'W with too few columns',
      'forget W = [[1, 2], [3, 4]]',
      1,
      12,
      16,
      /^W is 2×2, but with 2 rows \(H = 2\) it needs H \+ X ≥ 3 columns/,
    ],
    ['W that is one number', 'forget W = 2', 1, 12, 1, /^W must be a matrix H×\(H\+X\) with columns \[h, x\]/],
    ['matrix as x', 'step x = [[1, 2], [3, 4]]', 1, 10, 16, /^x must be a number or a vector, not a 2×2 matrix\.$/],
  ];

  it.each(TABLE)('%s', (_name, cell, line, column, length, message, suggestion) => {
    const result = run(cell);
    expect(result.ok).toBe(false);
    const error = result.errors[0];
    expect({ line: error.line, column: error.column, length: error.length }).toEqual({ line, column, length });
    expect(error.message).toMatch(message);
    expect(error.severity).toBe('error');
    expect(error.suggestion).toBe(suggestion);
  });

  it('a wrong shape names the gate, the weight, its shape and the shape it needs, at the value', () => {
    const result = run(
      'h = [0, 0]\nforget wx = [[1, 2, 3], [1, 2, 3]] wh = [[1, 2, 3], [4, 5, 6]]\nstep x = [1, 2, 3]',
    );
    expect(errorsOf(result)).toEqual([
      {
        line: 2,
        column: 41,
        length: 22,
        message: 'wh of the forget gate is 2×3, but it must be H×H = 2×2 (h has 2 values).',
      },
    ]);
  });

  it('wx of the wrong size for the input', () => {
    const result = run(`${GATES_1}\nstep x = [1, 2]`);
    expect(errorsOf(result)).toEqual([
      {
        line: 1,
        column: 17,
        length: 4,
        message:
          'wx of the forget gate is a single number, but it must be H×X = 1×2 (H hidden values, X = 2 input values).',
      },
    ]);
  });

  it('a missing gate is named at the step that needs it', () => {
    const result = run('forget wx = 1 wh = 1\ninput wx = 1 wh = 1\nx = 1\nstep');
    expect(errorsOf(result)).toEqual([
      {
        line: 4,
        column: 1,
        length: 4,
        message: matching(/^The potential memory has no wx yet: set it first, e\.g\. "candidate wx = 0\.5"/),
      },
    ]);
  });

  it('no weights at all, and no input at all', () => {
    expect(errorsOf(run('x = 1\nstep'))).toEqual([
      {
        line: 2,
        column: 1,
        length: 4,
        message: 'The gates have no weights yet: set forget, input, candidate and output first.',
      },
    ]);
    expect(errorsOf(run(`${GATES_1}\nstep`))[0]).toMatchObject({
      line: 5,
      column: 1,
      message: matching(/^There is no input x yet/),
    });
  });

  it('h and c of different sizes', () => {
    const result = run(`${GATES_1}\nx = 1\nc = [1, 2]\nstep`);
    expect(errorsOf(result)[0]).toMatchObject({
      line: 7,
      message: 'c has 2 values but h has 1: the long-term and short-term memory must be the same size H.',
    });
  });

  it('a dense b without w', () => {
    const result = run(`x = 1\n${GATES_1}\ndense b = 1\nstep`);
    expect(errorsOf(result)[0]).toMatchObject({
      line: 6,
      column: 11,
      message: matching(/^The dense layer has no w yet/),
    });
  });

  it('only the first error of a cell that parses stops it; statements before it have run', () => {
    const session = new Session();
    const result = run(`x = 1\n${HALF_GATES}\nstep\nexpect q = 1\nstep`, session);
    // A parse error stops the cell before anything runs: no step happened.
    expect(result.stepsRun).toBe(0);
    const result2 = run(`x = 1\n${HALF_GATES}\nstep\nexpect c = 2\nstep`, session);
    expect(result2.stepsRun).toBe(2);
    expect(result2.expects.map((e) => e.pass)).toEqual([false]);
    expect(result2.ok).toBe(false);
  });

  it('a runtime error stops the cell at that statement and keeps what ran before it', () => {
    const result = run(`x = 1\n${HALF_GATES}\nh = 0\nstep\nh = [[1, 2], [3, 4]]\nstep`);
    expect(result.stepsRun).toBe(1);
    expect(result.time).toBe(1);
    expect(result.state.c?.[0]).toBeCloseTo(0.3807970779778824, 14); // 0.5·tanh(1), from Python
    expect(errorsOf(result)).toEqual([
      { line: 8, column: 5, length: 16, message: 'h must be a number or a vector, not a 2×2 matrix.' },
    ]);
  });

  it('an expect that cannot be checked says why', () => {
    expect(errorsOf(run('expect c = 5'))[0]).toMatchObject({
      line: 1,
      column: 1,
      message: "expect c can't be checked: c is not set yet.",
    });
    expect(errorsOf(run(`x = 1\n${HALF_GATES}\nexpect f = 0.5`))[0].message).toBe(
      "expect f can't be checked: no step has run yet.",
    );
    expect(errorsOf(run(`x = 1\n${HALF_GATES}\nstep\nexpect y = 1`))[0].message).toBe(
      "expect y can't be checked: there is no dense layer.",
    );
    expect(errorsOf(run(`x = 1\n${HALF_GATES}\nstep\nexpect c = [1, 2]`))[0]).toMatchObject({
      line: 7,
      column: 12,
      length: 6,
      message: 'expect c gives 2 values but c has 1.',
    });
  });

  it('overflow past float64 is an error at the step, never NaN', () => {
    const result = run(
      `x = 1e300\nforget wx = 1e300 wh = 0\ninput wx = 1 wh = 0\ncandidate wx = 1 wh = 0\noutput wx = 1 wh = 0\nstep`,
    );
    expect(errorsOf(result)).toEqual([
      {
        line: 6,
        column: 1,
        length: 4,
        message: matching(/^At step 1 the numbers overflowed past float64/),
      },
    ]);
  });
});

describe('a weight set in an earlier cell with the wrong shape', () => {
  it('is reported at the step of the cell that runs, saying where it was set', () => {
    const session = new Session();
    expect(
      run(
        `forget wx = [1, 2] wh = 1 b = 0\ninput wx = 1 wh = 1\ncandidate wx = 1 wh = 1\noutput wx = 1 wh = 1`,
        session,
      ).ok,
    ).toBe(true);
    const result = run('x = 1\nstep', session);
    expect(errorsOf(result)).toEqual([
      {
        line: 2,
        column: 1,
        length: 4,
        message:
          'wx of the forget gate is a vector of 2 values, but it must be H×X = 1×1 (H hidden values, X = 1 input values). (It was set in an earlier cell.)',
      },
    ]);
  });

  it('is reported at the value itself when it was set in the same cell', () => {
    const result = run(
      `forget wx = [1, 2] wh = 1 b = 0\ninput wx = 1 wh = 1\ncandidate wx = 1 wh = 1\noutput wx = 1 wh = 1\nx = 1\nstep`,
    );
    expect(errorsOf(result)).toEqual([{ line: 1, column: 13, length: 6, message: notMatching(/earlier cell/) }]);
  });
});
