// The engine against an independent LSTM: TensorFlow.js's Keras-compatible tf.layers.lstm on its CPU
// backend (recurrentActivation 'sigmoid', unitForgetBias false). Every hidden state of ≥ 50-step
// sequences must agree within float32 tolerance, whichever way the weights reach the engine:
//   1. converted here from tfjs's Keras layout and handed to lstmStep / lstmForward directly,
//   2. written as a Keras JSON file and read with `load` in a Session,
//   3. re-stacked into PyTorch's layout (gate order i, f, g, o; two biases that only sum right) and `load`ed,
//   4. (small sizes) typed into a cell with `forget W = [[..]] b = [..]` (columns [h, x]).
// Weights and inputs are float32-representable, so float64 (engine) and float32 (tfjs) see the same numbers.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LstmWorkspace, lstmForward, lstmStep, type LstmParams } from '../../../src/core/lstm';
import { formatNumber } from '../../../src/core/numbers';
import { Session } from '../../../src/core/session';
import { rng } from '../../support/rng';

const TOL = 1e-4;

const f32 = Math.fround;

/** Keras layout as tfjs holds it: kernel X×4H, recurrent_kernel H×4H, bias 4H; column blocks i, f, c, o. */
interface Keras {
  H: number;
  X: number;
  kernel: number[][];
  recurrent: number[][];
  bias: number[];
}

function randomKeras(
  H: number,
  X: number,
  seed: number,
  biasShift: Partial<Record<'i' | 'f' | 'c' | 'o', number>> = {},
): Keras {
  const random = rng(seed);
  const u = (scale: number) => f32((random() * 2 - 1) * scale);
  const scale = 1.5 / Math.sqrt(H + X);
  const kernel = Array.from({ length: X }, () => Array.from({ length: 4 * H }, () => u(scale)));
  const recurrent = Array.from({ length: H }, () => Array.from({ length: 4 * H }, () => u(scale)));
  const order = ['i', 'f', 'c', 'o'] as const;
  const bias = Array.from({ length: 4 * H }, (_, k) => f32(u(0.5) + (biasShift[order[Math.floor(k / H)]] ?? 0)));
  return { H, X, kernel, recurrent, bias };
}

function randomInputs(T: number, X: number, seed: number): number[][] {
  const random = rng(seed);
  return Array.from({ length: T }, () => Array.from({ length: X }, () => f32(random() * 2 - 1)));
}

/** Runs tfjs's LSTM over xs; returns every hidden state (T×H) and, with a dense layer, every y (T×Y). */
function tfjsRun(
  k: Keras,
  xs: number[][],
  dense?: { w: number[][]; b: number[] },
): { hs: number[][]; ys?: number[][] } {
  return tf.tidy(() => {
    const T = xs.length;
    const lstm = tf.layers.lstm({
      units: k.H,
      returnSequences: true,
      recurrentActivation: 'sigmoid',
      activation: 'tanh',
      unitForgetBias: false,
      inputShape: [T, k.X],
      // setWeights replaces them; tfjs's default orthogonal initializer takes seconds at H = 128.
      kernelInitializer: 'zeros',
      recurrentInitializer: 'zeros',
    });
    const model = tf.sequential({ layers: [lstm] });
    lstm.setWeights([tf.tensor2d(k.kernel), tf.tensor2d(k.recurrent), tf.tensor1d(k.bias)]);
    const out = model.predict(tf.tensor3d([xs])) as tf.Tensor;
    const hs = (out.arraySync() as number[][][])[0];
    if (!dense) return { hs };
    const layer = tf.layers.dense({ units: dense.w.length, inputShape: [k.H] });
    // Keras's dense kernel is H×Y, the transpose of nn.Linear's Y×H.
    const seq = tf.sequential({ layers: [layer] });
    layer.setWeights([tf.tensor2d(dense.w).transpose(), tf.tensor1d(dense.b)]);
    const ys = (seq.predict(tf.tensor2d(hs)) as tf.Tensor).arraySync() as number[][];
    return { hs, ys };
  });
}

/** The engine's stacked layout, built here from the Keras layout: blocks f, i, g, o; columns [h, x]. */
function kerasToParams(k: Keras): LstmParams {
  const { H, X } = k;
  const kerasBlock = { f: 1, i: 0, g: 2, o: 3 }; // Keras blocks are i, f, c(=g), o
  const stride = H + X;
  const weights = new Float64Array(4 * H * stride);
  const bias = new Float64Array(4 * H);
  (['f', 'i', 'g', 'o'] as const).forEach((gate, block) => {
    const col0 = kerasBlock[gate] * H;
    for (let r = 0; r < H; r++) {
      const row = (block * H + r) * stride;
      for (let j = 0; j < H; j++) weights[row + j] = k.recurrent[j][col0 + r];
      for (let j = 0; j < X; j++) weights[row + H + j] = k.kernel[j][col0 + r];
      bias[block * H + r] = k.bias[col0 + r];
    }
  });
  return { hidden: H, input: X, weights, bias };
}

/** The same weights in PyTorch's state_dict layout; the bias is split at random into two parts. */
function kerasToPyTorch(k: Keras, seed: number) {
  const { H } = k;
  const random = rng(seed);
  const column = (m: number[][], c: number) => m.map((row) => row[c]);
  // PyTorch rows are Keras columns; both stack i, f, g(=c), o, so the block order carries over.
  const weight_ih_l0 = Array.from({ length: 4 * H }, (_, r) => column(k.kernel, r));
  const weight_hh_l0 = Array.from({ length: 4 * H }, (_, r) => column(k.recurrent, r));
  const bias_ih_l0 = k.bias.map(() => (random() * 2 - 1) * 3);
  const bias_hh_l0 = k.bias.map((b, r) => b - bias_ih_l0[r]);
  return { weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0 };
}

function kerasJson(k: Keras) {
  return { kernel: k.kernel, recurrent_kernel: k.recurrent, bias: k.bias };
}

/** Every hidden state the engine's step function produces from zero memory. */
function engineRun(params: LstmParams, xs: number[][]): number[][] {
  const ws = new LstmWorkspace(params);
  const hs: number[][] = [];
  for (const x of xs) {
    lstmStep(ws, x, ws.h, ws.c);
    hs.push(Array.from(ws.h));
  }
  return hs;
}

function literal(v: number[] | number[][]): string {
  return Array.isArray(v[0])
    ? `[${(v as number[][]).map((row) => `[${row.map(formatNumber).join(', ')}]`).join(', ')}]`
    : `[${(v as number[]).map(formatNumber).join(', ')}]`;
}

/** Runs `load "w.json"` then the sequence in a Session that reads `json` for w.json. */
function sessionRun(json: object, xs: number[][]): { hs: number[][]; ys: number[][]; errors: string[] } {
  const text = JSON.stringify(json);
  const session = new Session({ readFile: (path) => (path === 'w.json' ? { text } : { error: 'no such file' }) });
  const result = session.run(`load "w.json"\nrun x = ${literal(xs)}`);
  return {
    hs: result.steps.map((s) => s.h),
    ys: result.steps.map((s) => s.y ?? []),
    errors: result.errors.map((e) => e.message),
  };
}

function maxDiff(a: number[][], b: number[][]): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  a.forEach((row, t) => {
    expect(row.length).toBe(b[t].length);
    row.forEach((v, j) => {
      worst = Math.max(worst, Math.abs(v - b[t][j]));
    });
  });
  return worst;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});
afterAll(() => tf.disposeVariables());

const SIZES: [number, number][] = [
  [1, 1],
  [2, 3],
  [8, 5],
  [32, 16],
  [128, 128],
];
const T = 60;

describe.each(SIZES)(`H = %i, X = %i, ${T} steps`, (H, X) => {
  const seed = 1000 * H + X;
  const k = randomKeras(H, X, seed);
  const xs = randomInputs(T, X, seed + 1);
  let reference: number[][];

  beforeAll(() => {
    reference = tfjsRun(k, xs).hs;
    // The sequence must actually move: a test that compares zeros proves nothing.
    const spread = Math.max(...reference.flat()) - Math.min(...reference.flat());
    expect(spread).toBeGreaterThan(0.05);
  });

  it('lstmStep with weights converted from Keras agrees with tfjs at every step', () => {
    expect(maxDiff(engineRun(kerasToParams(k), xs), reference)).toBeLessThan(TOL);
  });

  it('lstmForward ends in the same h as tfjs', () => {
    const { h } = lstmForward(kerasToParams(k), Float64Array.from(xs.flat()), new Float64Array(H), new Float64Array(H));
    expect(maxDiff([Array.from(h)], [reference[T - 1]])).toBeLessThan(TOL);
  });

  it('load of a Keras JSON file in a Session agrees with tfjs', () => {
    const run = sessionRun(kerasJson(k), xs);
    expect(run.errors).toEqual([]);
    expect(maxDiff(run.hs, reference)).toBeLessThan(TOL);
  });

  it('load of a PyTorch JSON file (i, f, g, o rows; bias split in two) agrees with tfjs', () => {
    const run = sessionRun(kerasToPyTorch(k, seed + 2), xs);
    expect(run.errors).toEqual([]);
    expect(maxDiff(run.hs, reference)).toBeLessThan(TOL);
  });
});

describe('weights typed into a cell', () => {
  it.each([
    [1, 1],
    [2, 3],
  ])('forget W = [[..]] b = [..] (columns [h, x]) agrees with tfjs for H = %i, X = %i', (H, X) => {
    const k = randomKeras(H, X, 77 + H);
    const xs = randomInputs(T, X, 78 + H);
    const p = kerasToParams(k);
    const lines = (['forget', 'input', 'candidate', 'output'] as const).map((word, block) => {
      const W = Array.from({ length: H }, (_, r) =>
        Array.from(p.weights.subarray((block * H + r) * (H + X), (block * H + r + 1) * (H + X))),
      );
      const b = Array.from(p.bias.subarray(block * H, (block + 1) * H));
      return `${word} W = ${literal(W)} b = ${literal(b)}`;
    });
    const result = new Session().run(
      `${lines.join('\n')}\nh = ${literal(new Array(H).fill(0))}\nrun x = ${literal(xs)}`,
    );
    expect(result.errors).toEqual([]);
    expect(
      maxDiff(
        result.steps.map((s) => s.h),
        tfjsRun(k, xs).hs,
      ),
    ).toBeLessThan(TOL);
  });
});

describe('a dense layer on top', () => {
  it('dense.weight / dense.bias in a PyTorch file give the same y as a tfjs Dense layer at every step', () => {
    const k = randomKeras(8, 5, 4242);
    const xs = randomInputs(T, 5, 4243);
    const random = rng(4244);
    const dense = {
      w: Array.from({ length: 3 }, () => Array.from({ length: 8 }, () => f32(random() * 2 - 1))),
      b: [0.5, -1, 2].map(f32),
    };
    const reference = tfjsRun(k, xs, dense);
    const run = sessionRun({ ...kerasToPyTorch(k, 4245), 'dense.weight': dense.w, 'dense.bias': dense.b }, xs);
    expect(run.errors).toEqual([]);
    expect(maxDiff(run.hs, reference.hs)).toBeLessThan(TOL);
    expect(maxDiff(run.ys, reference.ys ?? [])).toBeLessThan(TOL);
  });
});

describe('gate-order traps', () => {
  // Input and forget gates pulled far apart (i ≈ σ(+3), f ≈ σ(−3)); candidate and output too.
  const H = 4;
  const X = 3;
  const k = randomKeras(H, X, 9001, { i: 3, f: -3, c: 1.5, o: -1.5 });
  const xs = randomInputs(T, X, 9002);
  let reference: number[][];
  beforeAll(() => {
    reference = tfjsRun(k, xs).hs;
  });

  /** The Keras weights with two column blocks exchanged, as a loader with the wrong gate order would read them. */
  function swapped(a: number, b: number): Keras {
    const swap = (row: number[]) =>
      row.map((_, c) => {
        const blockOf = Math.floor(c / H);
        const other = blockOf === a ? b : blockOf === b ? a : blockOf;
        return row[other * H + (c % H)];
      });
    return { H, X, kernel: k.kernel.map(swap), recurrent: k.recurrent.map(swap), bias: swap(k.bias) };
  }

  it('swapping the input and forget gates would change h visibly, and the Keras and PyTorch loads do not', () => {
    const wrong = sessionRun(kerasJson(swapped(0, 1)), xs);
    expect(maxDiff(wrong.hs, reference)).toBeGreaterThan(0.05);
    expect(maxDiff(sessionRun(kerasJson(k), xs).hs, reference)).toBeLessThan(TOL);
    expect(maxDiff(sessionRun(kerasToPyTorch(k, 9003), xs).hs, reference)).toBeLessThan(TOL);
  });

  it('swapping the candidate and output blocks would change h visibly too', () => {
    const wrong = sessionRun(kerasJson(swapped(2, 3)), xs);
    expect(maxDiff(wrong.hs, reference)).toBeGreaterThan(0.05);
  });

  it("reading only one of PyTorch's two biases would change h visibly (the split is not trivial)", () => {
    const { bias_hh_l0: _dropped, ...oneBias } = kerasToPyTorch(k, 9004);
    expect(maxDiff(sessionRun(oneBias, xs).hs, reference)).toBeGreaterThan(0.05);
    expect(maxDiff(sessionRun(kerasToPyTorch(k, 9004), xs).hs, reference)).toBeLessThan(TOL);
  });

  it("the forget gate the Session reports is Keras's second block, the input gate its first", () => {
    const text = JSON.stringify(kerasJson(k));
    const result = new Session({ readFile: () => ({ text }) }).run(`load "w.json"\nstep x = ${literal(xs[0])}`);
    expect(result.errors).toEqual([]);
    const step = result.steps[0];
    // From zero memory, z of each gate is x·kernel[:, block] + bias[block]; computed here from the Keras arrays.
    const z = (block: number) =>
      Array.from({ length: H }, (_, r) =>
        xs[0].reduce((s, v, j) => s + v * k.kernel[j][block * H + r], k.bias[block * H + r]),
      );
    expect(maxDiff([step.z.i, step.z.f, step.z.g, step.z.o], [z(0), z(1), z(2), z(3)])).toBeLessThan(1e-12);
    expect(Math.min(...step.i)).toBeGreaterThan(Math.max(...step.f)); // i ≈ σ(+3) beats f ≈ σ(−3)
  });
});
