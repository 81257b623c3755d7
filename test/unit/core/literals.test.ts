// The numbers a cell sets, found with the parser's tokens: where each is, what it is called, and
// which steps read it; and the cell's text with some of them changed.
import { describe, expect, it } from 'vitest';
import { cellLiterals, withoutComments, withValues } from '../../../src/core/literals';

const CELL = `x = 1          # input
h = [0, 2]
c = 0
step
step
run x = [[1, 2], [3, 4]]
step x = 5
step
forget W = [[1, 2, 3]]   b = -0.5
expect h = 1 within 2`;

const rows = () => cellLiterals(CELL).map((l) => [l.label, l.text, `${l.line}:${l.column}`, l.index, l.steps] as const);

describe('cellLiterals', () => {
  it('lists every number the cell sets, in words, with its place, its element and the steps that read it', () => {
    expect(rows()).toEqual([
      ['input x', '1', '1:5', [], [1, 2]],
      ['short-term memory h [1]', '0', '2:6', [0], [1]],
      ['short-term memory h [2]', '2', '2:9', [1], [1]],
      ['long-term memory c', '0', '3:5', [], [1]],
      ['input x [1] at step 3', '1', '6:11', [0, 0], [3]],
      ['input x [2] at step 3', '2', '6:14', [0, 1], [3]],
      ['input x [1] at step 4', '3', '6:19', [1, 0], [4]],
      ['input x [2] at step 4', '4', '6:22', [1, 1], [4]],
      ['input x at step 5', '5', '7:10', [], [5, 6]],
      ['forget gate, weight W [1, 1]', '1', '9:14', [0, 0], []],
      ['forget gate, weight W [1, 2]', '2', '9:17', [0, 1], []],
      ['forget gate, weight W [1, 3]', '3', '9:20', [0, 2], []],
      ['forget gate, bias b', '-0.5', '9:30', [], []],
    ]);
  });

  it('counts steps from the time the cell starts at, and from 0 after reset', () => {
    const labels = (source: string, start: number) => cellLiterals(source, start).map((l) => l.label);
    expect(labels('run x = [1, 2]', 7)).toEqual(['input x at step 8', 'input x at step 9']);
    expect(labels('step\nreset\nrun x = [1, 2]', 7)).toEqual(['input x at step 1', 'input x at step 2']);
  });

  it('finds nothing in a cell that does not parse', () => {
    expect(cellLiterals('forget wx = [1, ')).toEqual([]);
  });

  it('writes new values where the literals were, as Python prints them, leaving the rest of the text', () => {
    const [x, , h2] = cellLiterals(CELL);
    expect(
      withValues(CELL, [
        { literal: x, value: -0.25 },
        { literal: h2, value: 1.5e-5 },
      ]),
    ).toBe(CELL.replace('x = 1 ', 'x = -0.25 ').replace('[0, 2]', '[0, 1.5e-05]'));
  });
});

describe('withoutComments', () => {
  it('blanks comments, keeping every other character and position', () => {
    const blanked = withoutComments(CELL + ' # <script>pwn()</script>');
    expect(blanked).not.toMatch(/#|input|script/);
    expect(blanked.length).toBe(CELL.length + 25);
    expect(cellLiterals(blanked)).toEqual(cellLiterals(CELL));
  });
});
