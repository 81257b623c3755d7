// Completion shows the shape each key needs given the cell's H and X: "wh: H×H = 2×2".
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/core/lexer';
import { parseCell } from '../../../src/core/parser';
import { shapeOf, sizesOf } from '../../../src/extension/shapes';
import { suggestionsAt } from '../../../src/extension/suggestions';

const sizes = (cell: string) => sizesOf(parseCell(cell).statements);

describe('sizesOf', () => {
  it.each([
    ['h = [0, 0]\nx = [1, 2, 3]', { H: 2, X: 3 }],
    ['forget b = [1, 2]\nstep x = 1', { H: 2, X: 1 }],
    ['forget wh = [[1, 2], [3, 4]] wx = [[1], [2]]', { H: 2, X: 1 }],
    ['forget W = [[1, 2, 3, 4, 5], [1, 2, 3, 4, 5]]', { H: 2, X: 3 }],
    ['run x = [[1, 0], [0, 1]]', { H: undefined, X: 2 }],
    ['forget ', { H: undefined, X: undefined }],
  ])('%j', (cell, expected) => {
    expect(sizes(cell)).toEqual(expected);
  });
});

describe('shapeOf', () => {
  it.each([
    ['wh', 'forget', { H: 2, X: 3 }, 'H×H = 2×2'],
    ['wx', 'input', { H: 2, X: 3 }, 'H×X = 2×3'],
    ['b', 'output', { H: 2, X: 3 }, 'H = 2'],
    ['W', 'forget', { H: 2, X: 3 }, 'H×(H+X) = 2×5'],
    ['W', 'forget', { H: 2 }, 'H×(H+X) = 2×(2+X)'],
    ['wx', 'forget', {}, 'H×X'],
    ['w', 'dense', { H: 2 }, 'Y×H = Y×2'],
  ])('%s of %s with %j: %s', (key, head, known, shape) => {
    expect(shapeOf(key, head, known)).toBe(shape);
  });
});

describe('completion of a gate’s keys', () => {
  it('carries each key’s shape for the cell’s sizes', () => {
    const cell = 'h = [0, 0]\nx = 1\nforget ';
    const suggestions = suggestionsAt(tokenize(cell).tokens, cell.length, sizes(cell));
    expect(suggestions.map(({ label, shape }) => `${label}: ${shape}`)).toEqual([
      'wx: H×X = 2×1',
      'wh: H×H = 2×2',
      'b: H = 2',
      'W: H×(H+X) = 2×3',
    ]);
  });
});
