// Hover text: the glossary entry of a word in its statement, and the live values of the cell's last run.
import { describe, expect, it } from 'vitest';
import { formatNumber, percent, round } from '../../../src/common/numbers';
import { tokenize } from '../../../src/core/lexer';
import { lookup } from '../../../src/extension/glossary';
import { hoverMarkdown, liveValue } from '../../../src/extension/hoverText';
import { wordAt } from '../../../src/extension/wordAt';
import { result } from './fixtures';

describe('glossary lookup', () => {
  it.each([
    ['forget', undefined, 'forget gate', 'f_t = σ(W_f·[h_{t−1}, x_t] + b_f)'],
    ['input', undefined, 'input gate', 'i_t = σ(W_i·[h_{t−1}, x_t] + b_i)'],
    ['candidate', undefined, 'potential memory', 'C̃_t = tanh(W_C·[h_{t−1}, x_t] + b_C)'],
    ['output', undefined, 'output gate', 'o_t = σ(W_o·[h_{t−1}, x_t] + b_o)'],
    ['c', 'expect', 'long-term memory (cell state)', 'C_t = f_t ⊙ C_{t−1} + i_t ⊙ C̃_t'],
    ['long', undefined, 'long-term memory (c, cell state)', 'C_t = f_t ⊙ C_{t−1} + i_t ⊙ C̃_t'],
    ['short', undefined, 'short-term memory (h, hidden state)', 'h_t = o_t ⊙ tanh(C_t)'],
    ['b', 'forget', 'forget gate: bias', 'z_f = wx·x_t + wh·h_{t−1} + b'],
    ['wh', 'candidate', 'potential memory: weight of the short-term memory', 'z_C = wx·x_t + wh·h_{t−1} + b'],
    ['W', 'output', 'output gate: weight matrix W_o', 'z_o = W_o·[h_{t−1}, x_t] + b_o'],
    ['b', 'dense', 'dense layer: bias b_y', 'y_t = W_y·h_t + b_y'],
    ['sigmoid', undefined, 'sigmoid σ', 'σ(z) = 1 / (1 + e^(−z))'],
    ['x', 'step', 'input x_t', undefined],
  ])('%s in a %s statement', (word, statement, title, equation) => {
    const entry = lookup(word, statement);
    expect(entry?.title).toBe(title);
    expect(entry?.equation).toBe(equation);
  });

  it.each([['forgte'], ['constructor'], ['toString'], ['__proto__'], ['1.5']])('knows nothing of %s', (word) => {
    expect(lookup(word)).toBeUndefined();
    expect(lookup('b', word)).toBeUndefined();
  });

  it('never writes LaTeX', () => {
    for (const word of [
      'forget',
      'input',
      'candidate',
      'output',
      'h',
      'c',
      'y',
      'sigmoid',
      'tanh',
      'step',
      'fc',
      'ig',
      'tanh_c',
      'z_g',
    ]) {
      const entry = lookup(word);
      if (!entry) throw new Error(`no glossary entry for ${word}`);
      expect(`${entry.equation ?? ''} ${entry.explain}`, word).not.toMatch(/\\[a-z]+|\$/);
    }
  });
});

describe('live values', () => {
  it.each([
    ['forget', undefined, 'forget gate f = σ(6.40) = 0.998: keeps 99.8% of the long-term memory'],
    ['i', 'expect', 'input gate i = σ(4.60) = 0.99: adds 99% of the potential memory to the long-term memory'],
    ['candidate', undefined, 'potential memory C̃ = tanh(0.75) = 0.635'],
    ['output', undefined, 'output gate o = σ(5.14) = 0.994: lets 99.4% of tanh(C_t) out as short-term memory'],
    ['c', 'expect', 'long-term memory C_t = f ⊙ C_{t−1} + i ⊙ C̃ = 0.998 × 5 + 0.99 × 0.635 = 5.62'],
    ['short', undefined, 'short-term memory h_t = o ⊙ tanh(C_t) = 0.994 × tanh(5.62) = 0.994'],
    ['y', 'expect', 'prediction y = 2.99'],
    ['z_f', 'expect', 'z_f = 6.40'],
    ['wx', 'forget', 'wx = 1.75'],
    ['W', 'forget', 'W = [[3.25, 1.75]]  (columns [h, x])'],
    ['b', 'dense', 'b = 1'],
    ['step', undefined, '1 step ran in this cell; t = 1 since the last reset'],
  ])('of %s in a %s statement', (word, statement, text) => {
    expect(liveValue(word, statement, result())).toBe(text);
  });

  it('shows the state when no step ran', () => {
    expect(liveValue('c', 'c', result({ steps: [], state: { c: [5] } }))).toBe('c = 5 (no step ran)');
    expect(liveValue('forget', undefined, result({ steps: [] }))).toBeUndefined();
  });

  it('gives vectors and percentages per unit', () => {
    const step = { ...result().steps[0], f: [0.25, 0.998], z: { f: [-1.0986, 6.2], i: [0], g: [0], o: [0] } };
    expect(liveValue('forget', undefined, result({ steps: [step] }))).toBe(
      'forget gate f = σ([-1.10, 6.20]) = [0.25, 0.998]: keeps [25%, 99.8%] of the long-term memory',
    );
  });
});

describe('hoverMarkdown', () => {
  it('puts title, equation, explanation and last run in that order', () => {
    const text = hoverMarkdown('forget', 'forget', result()) ?? '';
    const parts = text.split('\n\n');
    expect(parts[0]).toBe('**forget gate**');
    expect(parts[1]).toBe('`f_t = σ(W_f·[h_{t−1}, x_t] + b_f)`');
    expect(parts[2]).toMatch(/^Decides how much of the long-term memory to keep/);
    expect(parts[3]).toBe('Last run: forget gate f = σ(6.40) = 0.998: keeps 99.8% of the long-term memory');
  });

  it('explains without values before the cell ran', () => {
    expect(hoverMarkdown('forget', 'forget')).not.toContain('Last run');
  });

  it('says nothing about numbers or unknown words', () => {
    expect(hoverMarkdown('forgte', 'forgte')).toBeUndefined();
  });
});

describe('wordAt', () => {
  const cell = [
    'x = 1  # input, through a sigmoid',
    'forget wx = 1.75  b = 1.4',
    'dense W = [[1,',
    '  2]]  b = 0.5',
  ].join('\n');
  const { tokens } = tokenize(cell);

  it.each([
    [1, 1, 'x', 'x'],
    [2, 1, 'forget', 'forget'],
    [2, 6, 'forget', 'forget'],
    [2, 8, 'wx', 'forget'],
    [2, 19, 'b', 'forget'],
    [4, 8, 'b', 'dense'],
    [1, 27, 'sigmoid', undefined],
  ])('line %i column %i is %s in a %s statement', (line, column, word, statement) => {
    const found = wordAt(tokens, line, column);
    expect(found?.word).toBe(word);
    expect(found?.statement).toBe(statement);
  });

  it.each([
    [1, 5], // a number
    [1, 10], // "input" in a comment is not the input gate
    [2, 7], // a space
    [9, 1], // past the end
  ])('finds nothing at line %i column %i', (line, column) => {
    expect(wordAt(tokens, line, column)).toBeUndefined();
  });
});

describe('one number format', () => {
  it('a saturated gate reads as the renderer shows it: σ(10) keeps 99.995%, not 100%', () => {
    // σ(10) = 0.9999546021312976 (Python: 1 / (1 + math.exp(-10)))
    expect(formatNumber(0.9999546021312976)).toBe('0.99995');
    expect(percent(0.9999546021312976)).toBe('99.995%');
    expect(percent(0.998)).toBe('99.8%');
    expect(round(0.9999546021312976)).toBe(formatNumber(0.9999546021312976));
  });
});
