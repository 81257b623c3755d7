// Weights written as JSON: nested objects flatten to dotted keys, rectangular lists of numbers become tensors.
// A list that is not one (ragged, strings, 1e999) becomes a tensor with a `problem`, reported only if used.
import type { Tensor } from './tensor';

/** Objects nest at most this deep ({"model": {"lstm": {...}}}); deeper values are left out. */
const MAX_OBJECT_DEPTH = 8;
/** A matrix is 2 levels of lists; a tensor of JSON numbers at most this many. */
const MAX_LIST_DEPTH = 4;

function problemTensor(problem: string): Tensor {
  return { dtype: 'float64', shape: [], problem, values: () => new Float64Array(0) };
}

function jsonTensor(value: unknown, name: string): Tensor | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? { dtype: 'float64', shape: [], values: () => Float64Array.of(value) }
      : problemTensor(`${name} holds ${JSON.stringify(value)}, which is not a finite number.`);
  if (!Array.isArray(value)) return undefined;
  const shape: number[] = [];
  for (let level: unknown = value; Array.isArray(level); level = level[0]) {
    if (shape.length === MAX_LIST_DEPTH)
      return problemTensor(
        `${name} must be a matrix (a list of rows), but its lists nest deeper than ${MAX_LIST_DEPTH} levels.`,
      );
    shape.push(level.length);
  }
  const flat: number[] = [];
  const walk = (item: unknown, depth: number): string | undefined => {
    if (depth === shape.length) {
      if (typeof item === 'number' && Number.isFinite(item)) {
        flat.push(item);
        return undefined;
      }
      return Array.isArray(item)
        ? `${name} must be a matrix (a list of rows), but its rows mix numbers and lists.`
        : `${name} holds ${JSON.stringify(item)}, which is not a finite number.`;
    }
    if (!Array.isArray(item)) return `${name} must be a matrix (a list of rows), but its rows mix numbers and lists.`;
    if (item.length !== shape[depth]) return `${name} has rows of different lengths.`;
    for (const child of item) {
      const problem = walk(child, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  };
  const problem = walk(value, 0);
  if (problem) return problemTensor(problem);
  return { dtype: 'float64', shape, values: () => Float64Array.from(flat) };
}

export function readJson(json: unknown): Map<string, Tensor> {
  const out = new Map<string, Tensor>();
  const visit = (value: unknown, prefix: string, depth: number) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      if (depth < MAX_OBJECT_DEPTH)
        for (const [key, child] of Object.entries(value)) visit(child, prefix ? `${prefix}.${key}` : key, depth + 1);
      return;
    }
    const tensor = jsonTensor(value, prefix);
    if (tensor && prefix) out.set(prefix, tensor);
  };
  visit(json, '', 0);
  return out;
}
