// What a file's tensors mean: which LSTM (all of its stacked layers), which head, and what is left unused.
// A network we cannot run exactly (bidirectional, proj_size, GRU, vanilla RNN) is refused by name, never
// loaded in part; with several LSTMs or heads, the error lists them and says how to pick one.
import { MAX_DIMENSION } from '../limits';
import type { GateSymbol, LoadSummary, Matrix, Vector } from '../types';
import {
  bareName,
  groupKeys,
  headCandidates,
  prefixName,
  type HeadCandidate,
  type KerasGroup,
  type Named,
  type TorchGroup,
} from './keys';
import { listKeys } from '../loadSummary';
import { perGate } from '../vocabulary';
import { ModelError } from './modelError';
import type { TensorFile } from './read';

export interface LoadedLayer {
  input: number;
  gates: Record<GateSymbol, { wx: Matrix; wh: Matrix; b: Vector }>;
}

export interface LoadedModel {
  /** Bottom first: layer 0 reads x. */
  layers: LoadedLayer[];
  hidden: number;
  dense?: { w: Matrix; b: Vector };
  summary: Omit<LoadSummary, 'file'>;
}

export interface Choice {
  /** `load "f" lstm "encoder"`: the prefix of the LSTM's keys. */
  lstm?: string;
  /** `load "f" head "fc"`; null for `head none`. */
  head?: string | null;
}

const fail = (message: string): never => {
  throw new ModelError(message);
};

const shapeOf = (n: Named) => `[${n.tensor.shape.join(', ')}]`;

/** The values of a tensor the model uses: a number array, every element finite, with the shape asked for. */
function values(n: Named, shape: (number | undefined)[], what: string, used: Named[]): Float64Array {
  const { tensor, key } = n;
  if (tensor.problem) throw new ModelError(tensor.problem);
  if (
    tensor.dtype === 'int64' ||
    tensor.dtype === 'int32' ||
    tensor.dtype === 'bool' ||
    tensor.dtype.startsWith('int') ||
    tensor.dtype === 'uint8'
  )
    throw new ModelError(`${key} holds ${tensor.dtype} numbers; ${what} must be floating point.`);
  const ok = tensor.shape.length === shape.length && shape.every((d, k) => d === undefined || d === tensor.shape[k]);
  if (!ok) {
    const want = shape.map((d) => d ?? '…').join(' × ');
    throw new ModelError(
      shape.length === 2 && tensor.shape.length !== 2
        ? `${key} must be a matrix (a list of rows) ${want}, but its shape is ${shapeOf(n)}.`
        : `${key} has shape ${shapeOf(n)}, but ${what} must be ${want}.`,
    );
  }
  const data = tensor.values();
  for (let k = 0; k < data.length; k++) {
    if (!Number.isFinite(data[k])) {
      const index = tensor.shape.map(
        (_, d) => Math.floor(k / tensor.shape.slice(d + 1).reduce((a, b) => a * b, 1)) % tensor.shape[d],
      );
      throw new ModelError(`${key}[${index.join(', ')}] is ${data[k]}: every weight must be a finite number.`);
    }
  }
  used.push(n);
  return data;
}

/** Rows [from, from + count) of a row-major matrix, as number arrays (a plain loop: Array.from is 20× slower). */
function rows(data: Float64Array, from: number, count: number, width: number): Matrix {
  const out: Matrix = new Array<number[]>(count);
  for (let r = 0; r < count; r++) {
    const row = new Array<number>(width);
    const start = (from + r) * width;
    for (let k = 0; k < width; k++) row[k] = data[start + k];
    out[r] = row;
  }
  return out;
}

function checkSize(H: number, X: number) {
  if (H < 1 || X < 1) throw new ModelError('The weights are empty.');
  if (H > MAX_DIMENSION || X > MAX_DIMENSION)
    throw new ModelError(`H = ${H}, X = ${X}: the largest size this kernel runs is ${MAX_DIMENSION} (MAX_DIMENSION).`);
}

/** PyTorch rows are stacked i, f, g, o: gate → block. */
const TORCH_BLOCK: Record<GateSymbol, number> = { i: 0, f: 1, g: 2, o: 3 };

function torchLayers(group: TorchGroup, used: Named[]): { layers: LoadedLayer[]; hidden: number } {
  const name = group.prefix ? `"${prefixName(group.prefix)}"` : 'in this file';
  if (group.reverse.length)
    throw new ModelError(
      `The LSTM ${name} is a bidirectional LSTM (keys ${listKeys(group.reverse, 2)}): this kernel runs one direction only, and loading the forward half alone would give other numbers than the model.`,
    );
  if (group.projection.length)
    throw new ModelError(
      `The LSTM ${name} uses proj_size (keys ${listKeys(group.projection, 2)}): its h is projected by weight_hr, which this kernel does not run.`,
    );
  const count = group.layers.size;
  const layers: LoadedLayer[] = [];
  let H = 0;
  for (let l = 0; l < count; l++) {
    const keys = group.layers.get(l);
    if (!keys?.weight_ih || !keys.weight_hh)
      throw new ModelError(
        `PyTorch layout needs both weight_ih_l${l} and weight_hh_l${l}${count > 1 ? ` (the file has ${count} layers)` : ''}.`,
      );
    const hh = keys.weight_hh;
    for (const n of [keys.weight_ih, hh]) if (n.tensor.problem) throw new ModelError(n.tensor.problem);
    const [R, cols] = hh.tensor.shape.length === 2 ? hh.tensor.shape : [hh.tensor.shape[0] ?? 0, 0];
    if (hh.tensor.shape.length === 2 && R === 3 * cols)
      throw new ModelError(
        `${hh.key} has 3·H rows (${R} = 3 × ${cols}): this is a GRU, not an LSTM. This kernel runs LSTMs only.`,
      );
    if (hh.tensor.shape.length === 2 && R === cols)
      throw new ModelError(
        `${hh.key} has H rows (${R}): this is a vanilla RNN (nn.RNN), not an LSTM. This kernel runs LSTMs only.`,
      );
    if (hh.tensor.shape.length === 2 && R % 4 !== 0)
      throw new ModelError(`${hh.key} has ${R} rows; PyTorch stacks 4 gates, so it needs 4·H rows.`);
    if (l === 0) H = R / 4; // PyTorch: H is a quarter of weight_hh's rows; its columns must be H too
    const X = keys.weight_ih.tensor.shape[1] ?? 0;
    checkSize(H, X);
    if (l > 0 && X !== H)
      throw new ModelError(
        `${keys.weight_ih.key} takes ${X} inputs, but layer ${l} reads the h of layer ${l - 1}, which has H = ${H}.`,
      );
    const wIh = values(keys.weight_ih, [4 * H, X], `weight_ih_l${l} (4·H × X)`, used);
    const wHh = values(hh, [4 * H, H], `weight_hh_l${l} (4·H × H)`, used);
    const bias = new Float64Array(4 * H);
    for (const b of [keys.bias_ih, keys.bias_hh])
      if (b)
        values(b, [4 * H], `${bareName(b.key).split(/[./]/).at(-1)} (4·H values)`, used).forEach(
          (v, k) => (bias[k] += v),
        );
    const gates = perGate((gate) => {
      const block = TORCH_BLOCK[gate] * H;
      return { wx: rows(wIh, block, H, X), wh: rows(wHh, block, H, H), b: Array.from(bias.subarray(block, block + H)) };
    });
    layers.push({ input: X, gates });
  }
  return { layers, hidden: H };
}

/** Keras kernels are X×4H and H×4H, column blocks i, f, c, o; transposed here to rows. */
function kerasLayer(group: KerasGroup, rk: Named, used: Named[]): { layers: LoadedLayer[]; hidden: number } {
  for (const n of [group.kernel, rk]) if (n?.tensor.problem) throw new ModelError(n.tensor.problem);
  if (!group.kernel) throw new ModelError('Keras layout needs both kernel and recurrent_kernel.');
  const [H, cols] = rk.tensor.shape;
  if (rk.tensor.shape.length === 2 && cols === 3 * H)
    throw new ModelError(
      `${rk.key} has 3·H columns (${cols} = 3 × ${H}): this is a GRU, not an LSTM. This kernel runs LSTMs only.`,
    );
  if (rk.tensor.shape.length === 2 && cols === H)
    throw new ModelError(
      `${rk.key} has H columns (${cols}): this is a SimpleRNN, not an LSTM. This kernel runs LSTMs only.`,
    );
  const X = group.kernel.tensor.shape[0] ?? 0;
  checkSize(H ?? 0, X);
  const kernel = values(group.kernel, [X, 4 * H], 'kernel (X × 4·H)', used);
  const recurrent = values(rk, [H, 4 * H], 'recurrent_kernel (H × 4·H)', used);
  const bias = group.bias ? values(group.bias, [4 * H], 'bias (4·H values)', used) : new Float64Array(4 * H);
  const column = (data: Float64Array, width: number, block: number): Matrix =>
    Array.from({ length: H }, (_, r) => Array.from({ length: width }, (_, k) => data[k * 4 * H + block + r]));
  const gates = perGate((gate) => {
    const block = TORCH_BLOCK[gate] * H; // Keras's i, f, c, o is PyTorch's order too, as columns
    return {
      wx: column(kernel, X, block),
      wh: column(recurrent, H, block),
      b: Array.from(bias.subarray(block, block + H)),
    };
  });
  return { layers: [{ input: X, gates }], hidden: H };
}

function describeGroup(group: TorchGroup | KerasGroup): string {
  const name = group.prefix ? `"${prefixName(group.prefix)}"` : '(no prefix)';
  if (group.layout === 'Keras') return `${name} (Keras, H = ${group.recurrent?.tensor.shape[0]})`;
  const hh = group.layers.get(0)?.weight_hh?.tensor.shape;
  return `${name} (PyTorch, ${group.layers.size} layer${group.layers.size === 1 ? '' : 's'}${hh ? `, H = ${hh[1]}` : ''})`;
}

function chooseLstm(groups: (TorchGroup | KerasGroup)[], choice: Choice, file: TensorFile) {
  const picked = choice.lstm === undefined ? groups : groups.filter((g) => prefixName(g.prefix) === choice.lstm);
  if (picked.length === 1) return picked[0];
  if (choice.lstm !== undefined)
    throw new ModelError(
      `There is no LSTM "${choice.lstm}" in the file; it has ${groups.length ? groups.map(describeGroup).join(', ') : 'none'}.`,
    );
  if (picked.length === 0)
    throw new ModelError(
      `No LSTM weights found: expected PyTorch keys (weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0) or Keras keys (kernel, recurrent_kernel, bias). The file has ${file.tensors.size} tensor${file.tensors.size === 1 ? '' : 's'}${file.tensors.size ? `: ${listKeys([...file.tensors.keys()])}` : ''}.`,
    );
  const first = prefixName(picked.find((g) => g.prefix)?.prefix ?? '');
  throw new ModelError(
    `The file holds ${picked.length} recurrent networks: ${picked.map(describeGroup).join(', ')}. Pick one by its prefix, e.g. load "…" lstm "${first}".`,
  );
}

function chooseHead(candidates: HeadCandidate[], choice: Choice): HeadCandidate | undefined {
  if (choice.head === null) return undefined;
  if (choice.head !== undefined) {
    const named = candidates.find((c) => c.name === choice.head);
    if (named) return named;
    throw new ModelError(
      `There is no head "${choice.head}" (a 2-D weight with H columns and its bias); ${candidates.length ? `the file has ${candidates.map((c) => `"${c.name}"`).join(', ')}` : 'the file has none'}.`,
    );
  }
  if (candidates.length <= 1) return candidates[0];
  throw new ModelError(
    `The file holds ${candidates.length} layers that could be the head after the LSTM: ${candidates.map((c) => `"${c.name}" [${c.weight.tensor.shape.join(', ')}]`).join(', ')}. Pick one, e.g. load "…" head "${candidates[0].name}", or none with head none.`,
  );
}

export function interpret(file: TensorFile, choice: Choice = {}): LoadedModel {
  const { recurrent } = groupKeys(file.tensors);
  const group = chooseLstm(recurrent, choice, file);
  const used: Named[] = [];
  const { layers, hidden } =
    group.layout === 'PyTorch'
      ? torchLayers(group, used)
      : kerasLayer(group, group.recurrent ?? fail('Keras layout needs both kernel and recurrent_kernel.'), used);
  const candidates = headCandidates(file.tensors, new Set(group.keys), hidden);
  const head = chooseHead(candidates, choice);
  let dense: LoadedModel['dense'];
  if (head) {
    const [a, b] = head.weight.tensor.shape;
    const Y = head.transposed ? b : a;
    const data = values(head.weight, head.transposed ? [hidden, Y] : [Y, hidden], `the head's weight`, used);
    const w = head.transposed
      ? Array.from({ length: Y }, (_, r) => Array.from({ length: hidden }, (_, k) => data[k * Y + r]))
      : rows(data, 0, Y, hidden);
    const bias = head.bias
      ? Array.from(values(head.bias, [Y], `the head's bias (${Y} values)`, used))
      : new Array<number>(Y).fill(0);
    dense = { w, b: bias };
  }
  const usedKeys = new Set(used.map((n) => n.key));
  const dtypes = [...new Set(used.map((n) => n.tensor.dtype))];
  return {
    layers,
    hidden,
    dense,
    summary: {
      format: file.format,
      layout: group.layout,
      lstm: prefixName(group.prefix),
      layers: layers.length,
      input: layers[0].input,
      hidden,
      head: head && dense ? { name: head.name, outputs: dense.w.length } : undefined,
      dtypes,
      unused: [...file.tensors.keys()].filter((k) => !usedKeys.has(k)),
    },
  };
}
