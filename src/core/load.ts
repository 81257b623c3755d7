// `load "weights.json"`: trained weights in PyTorch or Keras layout, converted to the four gates.
import type { GateSymbol, Matrix, Vector } from './types';
import { MAX_DIMENSION } from './limits';

export interface LoadedWeights {
  layout: 'PyTorch' | 'Keras';
  hidden: number;
  input: number;
  gates: Record<GateSymbol, { wx: Matrix; wh: Matrix; b: Vector }>;
  dense?: { w: Matrix; b: Vector };
}

type Json = unknown;

/** Finds a key by its last name, so "lstm.weight_ih_l0" and "layers/lstm/kernel" both match. */
function find(entries: Map<string, Json>, name: string): [string, Json] | undefined {
  for (const [key, value] of entries)
    if (key === name || key.endsWith('.' + name) || key.endsWith('/' + name)) return [key, value];
  return undefined;
}

/** Flattens nested objects ({"state_dict": {...}}) into dotted keys. */
function flatten(value: Json, prefix: string, out: Map<string, Json>, depth = 0): void {
  if (depth > 4 || value === null || typeof value !== 'object' || Array.isArray(value)) {
    out.set(prefix, value);
    return;
  }
  for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out, depth + 1);
}

function matrix(value: Json, name: string, rows: number | undefined, cols: number | undefined): Matrix {
  if (!Array.isArray(value) || !value.every(Array.isArray))
    throw new LoadError(`${name} must be a matrix (a list of rows).`);
  const m = value as Json[][];
  if (rows !== undefined && m.length !== rows)
    throw new LoadError(`${name} has ${m.length} rows but should have ${rows}.`);
  const width = m[0]?.length ?? 0;
  if (cols !== undefined && width !== cols)
    throw new LoadError(`${name} has ${width} columns but should have ${cols}.`);
  for (const row of m) {
    if (row.length !== width) throw new LoadError(`${name} has rows of different lengths.`);
    for (const n of row)
      if (typeof n !== 'number' || !Number.isFinite(n))
        throw new LoadError(`${name} holds ${JSON.stringify(n)}, which is not a finite number.`);
  }
  return m as number[][];
}

function vector(value: Json, name: string, length: number): Vector {
  if (!Array.isArray(value) || value.length !== length)
    throw new LoadError(`${name} must be a list of ${length} numbers.`);
  for (const n of value)
    if (typeof n !== 'number' || !Number.isFinite(n))
      throw new LoadError(`${name} holds ${JSON.stringify(n)}, which is not a finite number.`);
  return value as number[];
}

class LoadError extends Error {}

const transpose = (m: Matrix): Matrix => (m[0] ?? []).map((_, k) => m.map((row) => row[k]));

/** Rows [block·H, (block+1)·H) of a stacked 4H-row matrix. */
const block = (m: Matrix, index: number, H: number): Matrix => m.slice(index * H, (index + 1) * H);

function checkSize(H: number, X: number) {
  if (H < 1 || X < 1) throw new LoadError('The weights are empty.');
  if (H > MAX_DIMENSION || X > MAX_DIMENSION)
    throw new LoadError(`H = ${H}, X = ${X}: the largest size this kernel runs is ${MAX_DIMENSION} (MAX_DIMENSION).`);
}

/** PyTorch: weight_ih_l0 4H×X, weight_hh_l0 4H×H, two biases summed; blocks in order i, f, g, o. */
function fromPyTorch(entries: Map<string, Json>): LoadedWeights {
  const ih = find(entries, 'weight_ih_l0');
  const hh = find(entries, 'weight_hh_l0');
  if (!ih || !hh) throw new LoadError('PyTorch layout needs both weight_ih_l0 and weight_hh_l0.');
  const rows = Array.isArray(hh[1]) ? hh[1].length : 0;
  if (rows % 4 !== 0)
    throw new LoadError(`weight_hh_l0 has ${rows} rows; PyTorch stacks 4 gates, so it needs 4·H rows.`);
  const H = rows / 4;
  const wIh = matrix(ih[1], ih[0], 4 * H, undefined);
  const X = wIh[0]?.length ?? 0;
  checkSize(H, X);
  const wHh = matrix(hh[1], hh[0], 4 * H, H);
  const biasIh = find(entries, 'bias_ih_l0');
  const biasHh = find(entries, 'bias_hh_l0');
  const b1 = biasIh ? vector(biasIh[1], biasIh[0], 4 * H) : new Array<number>(4 * H).fill(0);
  const b2 = biasHh ? vector(biasHh[1], biasHh[0], 4 * H) : new Array<number>(4 * H).fill(0);
  const bias = b1.map((v, k) => v + b2[k]);
  const order: GateSymbol[] = ['i', 'f', 'g', 'o'];
  const gates = {} as LoadedWeights['gates'];
  order.forEach((gate, index) => {
    gates[gate] = { wx: block(wIh, index, H), wh: block(wHh, index, H), b: bias.slice(index * H, (index + 1) * H) };
  });
  return { layout: 'PyTorch', hidden: H, input: X, gates };
}

/** Keras: kernel X×4H, recurrent_kernel H×4H, bias 4H; column blocks in order i, f, c, o. */
function fromKeras(entries: Map<string, Json>): LoadedWeights {
  const k = find(entries, 'kernel');
  const rk = find(entries, 'recurrent_kernel');
  if (!k || !rk) throw new LoadError('Keras layout needs both kernel and recurrent_kernel.');
  const H = Array.isArray(rk[1]) ? rk[1].length : 0;
  const kernel = transpose(matrix(k[1], k[0], undefined, 4 * H));
  const X = kernel[0]?.length ?? 0;
  checkSize(H, X);
  const recurrent = transpose(matrix(rk[1], rk[0], H, 4 * H));
  const b = find(entries, 'bias');
  const bias = b ? vector(b[1], b[0], 4 * H) : new Array<number>(4 * H).fill(0);
  const order: GateSymbol[] = ['i', 'f', 'g', 'o'];
  const gates = {} as LoadedWeights['gates'];
  order.forEach((gate, index) => {
    gates[gate] = {
      wx: block(kernel, index, H),
      wh: block(recurrent, index, H),
      b: bias.slice(index * H, (index + 1) * H),
    };
  });
  return { layout: 'Keras', hidden: H, input: X, gates };
}

/** Optional dense layer in PyTorch's nn.Linear layout: dense.weight Y×H, dense.bias Y. */
function denseFrom(entries: Map<string, Json>): [string, Json, [string, Json] | undefined] | undefined {
  const weight = find(entries, 'dense.weight');
  return weight && [weight[0], weight[1], find(entries, 'dense.bias')];
}

function withDense(weights: LoadedWeights, dense: ReturnType<typeof denseFrom>): LoadedWeights {
  if (!dense) return weights;
  const w = matrix(dense[1], dense[0], undefined, weights.hidden);
  const b = dense[2] ? vector(dense[2][1], dense[2][0], w.length) : new Array<number>(w.length).fill(0);
  return { ...weights, dense: { w, b } };
}

/** Reads weights from JSON text; returns a message a learner can act on instead of throwing. */
export function readWeights(text: string): LoadedWeights | { error: string } {
  let json: Json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { error: `The file is not valid JSON (${(error as Error).message}).` };
  }
  const all = new Map<string, Json>();
  flatten(json, '', all);
  // The dense layer's keys ("dense.bias") must not be mistaken for the LSTM's ("bias").
  const lstm = new Map([...all].filter(([key]) => !/(^|[./])dense[./]/.test(key)));
  const dense = denseFrom(all);
  try {
    if (find(lstm, 'weight_ih_l0') || find(lstm, 'weight_hh_l0')) return withDense(fromPyTorch(lstm), dense);
    if (find(lstm, 'kernel') || find(lstm, 'recurrent_kernel')) return withDense(fromKeras(lstm), dense);
    return {
      error:
        'No LSTM weights found: expected PyTorch keys (weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0) or Keras keys (kernel, recurrent_kernel, bias).',
    };
  } catch (error) {
    if (error instanceof LoadError) return { error: error.message };
    return { error: `Could not read the weights: ${String(error)}` };
  }
}
