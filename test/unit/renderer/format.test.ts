import { describe, expect, it } from 'vitest';
import { formatNumber, formatTex, formatVector } from '../../../src/renderer/format';

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

describe('formatNumber', () => {
  it.each([
    // The walkthroughs' numbers.
    [1.75 + 3.25 + 1.4, '6.40'],
    [sigmoid(6.4), '0.998'],
    [sigmoid(6.4) * 5, '4.99'],
    [1.4, '1.40'],
    [-0.05, '-0.05'],
    [-0.03, '-0.03'],
    [Math.tanh(2.03), '0.966'],
    // Integers stay integers.
    [1, '1'],
    [5, '5'],
    [-2, '-2'],
    [0, '0'],
    [-0, '0'],
    // Never a misleading whole number.
    [sigmoid(4.27), '0.986'],
    [sigmoid(10), '0.99995'],
    [Math.tanh(5.62), '0.99997'],
    [Math.tanh(-8), '-0.9999998'],
    [2.9999, '2.9999'],
    [0.0012, '0.0012'],
    // Floating-point noise is not news.
    [4.999999999999, '5.00'],
    // Extremes.
    [sigmoid(-20), '2.06e-9'],
    [1234567, '1.23e6'],
    [123.456, '123.46'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, '∞'],
    [Number.NEGATIVE_INFINITY, '-∞'],
  ])('%s → %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it('shows anything that is not a number as "?"', () => {
    for (const value of ['<b>1</b>', null, undefined, {}, [1], true]) expect(formatNumber(value)).toBe('?');
  });
});

describe('formatTex', () => {
  it.each([
    [6.4, '6.40'],
    [2.06e-9, '2.06\\times 10^{-9}'],
    [Number.NaN, '\\text{NaN}'],
    [Number.NEGATIVE_INFINITY, '-\\infty'],
    ['\\href{javascript:alert(1)}{x}', '?'],
  ])('%s → %s', (value, tex) => {
    expect(formatTex(value)).toBe(tex);
  });
});

describe('formatVector', () => {
  it.each([
    [[0.5], '0.50'],
    [[1, 2.5], '(1, 2.50)'],
    [[1, 2, 3, 4, 5, 6], '(1, 2, 3, 4, …)'],
  ])('%j → %s', (values, text) => {
    expect(formatVector(values)).toBe(text);
  });
});
