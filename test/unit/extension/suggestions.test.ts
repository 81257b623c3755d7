// Completion: which words fit at the cursor. "|" marks the cursor in each cell.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/core/lexer';
import { suggestionsAt } from '../../../src/extension/suggestions';

function labelsAt(cellWithCursor: string): string[] {
  const offset = cellWithCursor.indexOf('|');
  const cell = cellWithCursor.slice(0, offset) + cellWithCursor.slice(offset + 1);
  return suggestionsAt(tokenize(cell).tokens, offset).map((suggestion) => suggestion.label);
}

const STATEMENTS = [
  'x',
  'h',
  'c',
  'short',
  'long',
  'forget',
  'input',
  'candidate',
  'output',
  'dense',
  'step',
  'run',
  'expect',
  'load',
  'reset',
  'show',
  'notation',
  'layer',
];

describe('suggestionsAt', () => {
  it.each([['|'], ['fo|'], ['x = 1\n|'], ['x = 1\n  inp|'], ['forget W = [[1, 2]]\n|']])(
    'offers statement words at the start of a statement: %j',
    (cell) => {
      expect(labelsAt(cell)).toEqual(STATEMENTS);
    },
  );

  it.each([
    ['forget |', ['wx', 'wh', 'b', 'W']],
    ['forget w|', ['wx', 'wh', 'b', 'W']],
    ['forget wx = 1.75 |', ['wh', 'b', 'W']],
    ['forget wx = 1.75 wh = 2 |', ['b', 'W']],
    ['output W = [[1, 2]] |', ['wx', 'wh', 'b']],
    ['dense |', ['w', 'b']],
    ['dense w = 2 |', ['b']],
  ])('offers keys after a gate: %j', (cell, keys) => {
    expect(labelsAt(cell)).toEqual(keys);
  });

  it.each([['expect |'], ['show |'], ['expect z_|']])('offers value names after expect and show: %j', (cell) => {
    expect(labelsAt(cell)).toEqual([
      'x',
      'h',
      'c',
      'short',
      'long',
      'f',
      'i',
      'g',
      'o',
      'y',
      'z_f',
      'z_i',
      'z_g',
      'z_o',
      'fc',
      'ig',
      'tanh_c',
    ]);
  });

  it.each([
    ['notation |', ['words', 'symbols']],
    ['step |', ['x']],
    ['run |', ['x']],
    ['expect c = 5.62 |', ['within']],
    ['expect h = [1, 2] wi|', ['within']],
  ])('offers what follows: %j', (cell, labels) => {
    expect(labelsAt(cell)).toEqual(labels);
  });

  it.each([
    ['forget wx = |'],
    ['forget wx |'],
    ['forget W = [[1, |'],
    ['x = 1 # a comment |'],
    ['load "wei|'],
    ['expect c = 5.62 within 0.01 |'],
    ['forget wx = 1e|'],
    ['x = 1|.5'],
    ['expect c |'],
    ['reset |'],
  ])('offers nothing where no word fits: %j', (cell) => {
    expect(labelsAt(cell)).toEqual([]);
  });

  it('describes each suggestion', () => {
    const cell = 'forget ';
    const [wx] = suggestionsAt(tokenize(cell).tokens, cell.length);
    expect(wx.detail).toBe('forget gate: weight of the input');
  });
});
