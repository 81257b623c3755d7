// `expect NAME = value [within t]`: the comparison of what a cell expects with what it computed.
import { fail } from './cellError';
import type { Statement } from './parser';
import type { ExpectResult, Vector } from './types';
import { asVector, describe } from './weights';

const STATE_NAMES: readonly string[] = ['x', 'h', 'c', 'short', 'long'];

/**
 * The expect's verdict against what `read` gives (undefined when there is nothing to read yet). `time`
 * is the steps since the last reset and `stepped` whether a step has run since, for the hints.
 */
export function checkExpect(
  s: Extract<Statement, { type: 'expect' }>,
  read: () => Vector | undefined,
  time: number,
  stepped: boolean,
): ExpectResult {
  const expected =
    asVector(s.value) ??
    fail(s.value.span, `expect compares with a number or a vector, not a ${describe(s.value)} matrix.`);
  const actual = read();
  const tolerance = s.tolerances.reduce((most, t) => Math.max(most, t), 0);
  const base = { line: s.span.line, text: s.text, name: s.name, expected, tolerance };
  if (!actual) {
    const why = STATE_NAMES.includes(s.name)
      ? `${s.name} is not set yet`
      : s.name === 'y' && stepped
        ? 'there is no dense layer'
        : 'no step has run yet';
    fail(s.span, `expect ${s.name} can't be checked: ${why}.`);
  }
  if (actual.length !== expected.length) {
    fail(
      s.value.span,
      `expect ${s.name} gives ${expected.length} value${expected.length === 1 ? '' : 's'} but ${s.name} has ${actual.length}.`,
    );
  }
  // A hair of slack for the float64 rounding of the written decimal itself.
  // Subtracted, not added: tolerance + slack overflows to ∞ for a tolerance near the largest float64.
  const pass = expected.every((e, k) => Math.abs(actual[k] - e) - s.tolerances[k] <= 1e-12 * Math.max(1, Math.abs(e)));
  const unstepped = !pass && time === 0 && ['h', 'c', 'short', 'long'].includes(s.name);
  const hint = unstepped
    ? `No step has run yet, so ${s.name} is still the value it was given: add a step before this expect.`
    : undefined;
  return { ...base, pass, actual: [...actual], ...(hint ? { hint } : {}) };
}
