// formatNumber writes numbers the way Python's repr does (so a learner can paste them between a
// notebook and a Python shell), except that whole numbers drop ".0". The table below was written by
// hand from what CPython 3 prints for repr(float(v)); it is not derived from the code under test.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NUMBER_PATTERN, formatNumber, formatVector, impliedTolerance } from '../../../src/core/numbers';

// [value, Python repr, with the ".0" of whole numbers dropped]
const PYTHON_REPR: [number, string][] = [
  [2, '2'],
  [-2, '-2'],
  [0, '0'],
  [-0, '-0.0'],
  [100, '100'],
  [0.1, '0.1'],
  [0.5, '0.5'],
  [-0.75, '-0.75'],
  [0.1 + 0.2, '0.30000000000000004'],
  [1 / 3, '0.3333333333333333'],
  [2 / 3, '0.6666666666666666'],
  [123.456, '123.456'],
  [1.5e-5, '1.5e-05'],
  [-1.5e-5, '-1.5e-05'],
  [2.5e-5, '2.5e-05'],
  [1e-5, '1e-05'],
  [0.0001, '0.0001'],
  [0.000123, '0.000123'],
  [9.999999999999999e-5, '9.999999999999999e-05'],
  [1e-7, '1e-07'],
  [1e-100, '1e-100'],
  [5e-324, '5e-324'],
  [1e15, '1000000000000000'],
  [1234567890123456.8, '1234567890123456.8'],
  [9999999999999998, '9999999999999998'],
  [1e16, '1e+16'],
  // eslint-disable-next-line no-loss-of-precision -- the literal is the point: it reads as 12345678901234568
  [12345678901234567, '1.2345678901234568e+16'],
  [123456789012345680, '1.2345678901234568e+17'],
  [1e22, '1e+22'],
  [1.5e100, '1.5e+100'],
  [-2.5e20, '-2.5e+20'],
  [1.7976931348623157e308, '1.7976931348623157e+308'],
  [NaN, 'nan'],
  [Infinity, 'inf'],
  [-Infinity, '-inf'],
];

describe('formatNumber matches Python repr', () => {
  it.each(PYTHON_REPR)('%s → %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});

describe('formatVector', () => {
  it('writes one value bare and several in brackets, as the language reads them', () => {
    expect(formatVector([0.5])).toBe('0.5');
    expect(formatVector([1, -0, 1.5e-5])).toBe('[1, -0.0, 1.5e-05]');
  });
});

describe('formatted numbers can be pasted back', () => {
  it('every finite double is written as a literal the language reads, and reads back to the same double', () => {
    const anchored = new RegExp(`${NUMBER_PATTERN.source}$`);
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = formatNumber(value);
        expect(text).toMatch(anchored);
        expect(Object.is(Number(text), value)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('is never longer than Python would write it (shortest round-trip digits)', () => {
    // 0.1 + 0.2 needs 17 significant digits; 0.3 needs one. Python's repr is the shortest that round-trips.
    expect(formatNumber(0.3)).toBe('0.3');
    expect(formatNumber(0.30000000000000004)).toHaveLength('0.30000000000000004'.length);
  });
});

describe('impliedTolerance: half a unit in the last digit written', () => {
  it.each([
    ['5', 0.5],
    ['5.62', 0.005],
    ['0.998', 0.0005],
    ['-3.10', 0.005],
    ['1.5e-05', 5e-7],
    ['1e3', 500],
    ['.5', 0.05],
    ['5.', 0.5],
    ['2.5E+2', 5],
  ])('%s → ±%s', (literal, tolerance) => {
    expect(impliedTolerance(literal)).toBeCloseTo(tolerance, 15);
  });
});
