// node:assert/strict for the web worker run of the integration tests: the web worker has no Node
// built-in, so the web bundle maps `node:assert/strict` here. The functions the suite uses, with
// strict semantics (Object.is; deepEqual compares prototypes and own enumerable keys).

export class AssertionError extends Error {
  override name = 'AssertionError';
}

const show = (value: unknown): string => {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(value);
  } catch {
    return String(value);
  }
};

function fail(message?: string | Error): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? 'Failed');
}

function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail(message ?? `The expression evaluated to a falsy value: ${show(value)}`);
}

function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected))
    fail(message ?? `Expected values to be strictly equal:\n${show(actual)} !== ${show(expected)}`);
}

function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Map && b instanceof Map)
    return a.size === b.size && [...a].every(([key, value]) => b.has(key) && same(value, b.get(key)));
  if (a instanceof Set && b instanceof Set) return a.size === b.size && [...a].every((value) => b.has(value));
  if (a instanceof Date && b instanceof Date) return Object.is(a.getTime(), b.getTime());
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  return keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && same(recordA[key], recordB[key]));
}

function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!same(actual, expected))
    fail(message ?? `Expected values to be strictly deep-equal:\n${show(actual)}\nshould equal\n${show(expected)}`);
}

function match(text: string, pattern: RegExp, message?: string | Error): void {
  if (typeof text !== 'string' || !pattern.test(text))
    fail(message ?? `The input did not match the regular expression ${pattern}. Input:\n${show(text)}`);
}

function doesNotMatch(text: string, pattern: RegExp, message?: string | Error): void {
  if (typeof text !== 'string' || pattern.test(text))
    fail(message ?? `The input was expected to not match the regular expression ${pattern}. Input:\n${show(text)}`);
}

export { deepEqual, doesNotMatch, equal, fail, match, ok };
export default { AssertionError, deepEqual, doesNotMatch, equal, fail, match, ok };
