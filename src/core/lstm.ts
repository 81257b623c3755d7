// The LSTM cell, one equation per function, over flat Float64Arrays so a step allocates nothing.
//   f_t = σ(W_f·[h_{t−1}, x_t] + b_f)      i_t = σ(W_i·[h_{t−1}, x_t] + b_i)
//   C̃_t = tanh(W_c·[h_{t−1}, x_t] + b_c)   o_t = σ(W_o·[h_{t−1}, x_t] + b_o)
//   c_t = f_t ⊙ c_{t−1} + i_t ⊙ C̃_t        h_t = o_t ⊙ tanh(c_t)        y_t = W_y·h_t + b_y
// The gates' affine map, W·[h, x] + b, is the hot loop: it runs in WebAssembly SIMD when available
// (./wasmAffine) and the model is large enough for it to pay, else in scalar JS.

import { affineJs as affine, createWasmAffine, type WasmAffine } from './wasmAffine';

/** σ(z) = 1 / (1 + e^(−z)), written so e^(−z) never overflows: σ(±1e5) is exactly 1 or 0. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** tanh(z); Math.tanh already gives exactly ±1 for large |z|. */
const tanh = Math.tanh;

export { GATE_ORDER } from './vocabulary';

export interface LstmParams {
  hidden: number; // H
  input: number; // X
  /** 4H rows (f, i, g, o blocks of H rows), each H + X columns: [h_{t−1}, x_t]. Row-major. */
  weights: Float64Array;
  bias: Float64Array; // 4H
  dense?: { outputs: number; weights: Float64Array; bias: Float64Array }; // Y×H, Y
}

/**
 * The fewest weights (4H·(H+X)) for which a workspace runs the affine map in WebAssembly. Below it the
 * scalar loop: setting up a WebAssembly memory costs more than SIMD saves (measured in Node, H = X = 16:
 * 46 µs to create against 15 µs, 3.5 µs a step against 8.3; in Chromium 160–180 µs to create, and
 * over 1 ms in some frames with the memories' garbage collection: a drag's re-run of a lesson cell
 * paid it every frame, for a step of about 1 µs).
 */
export const MIN_WASM_WEIGHTS = 2048;

/** Buffers one step writes into, reused across steps. */
export class LstmWorkspace {
  readonly concat: Float64Array; // [h_{t−1}, x_t]
  readonly z: Float64Array; // 4H pre-activations
  readonly gates: Float64Array; // 4H activations: f, i, g(=C̃), o
  readonly c: Float64Array;
  readonly tanhC: Float64Array;
  readonly h: Float64Array;
  readonly y: Float64Array;
  /** The weights and bias copied once into WebAssembly memory, `concat` and `z` being views into it; undefined without SIMD. */
  readonly wasm: WasmAffine | undefined;

  constructor(readonly params: LstmParams) {
    const { hidden: H, input: X } = params;
    this.wasm = 4 * H * (H + X) >= MIN_WASM_WEIGHTS ? createWasmAffine(4 * H, H + X) : undefined;
    if (this.wasm) {
      this.wasm.weights.set(params.weights);
      this.wasm.bias.set(params.bias);
    }
    this.concat = this.wasm?.v ?? new Float64Array(H + X);
    this.z = this.wasm?.out ?? new Float64Array(4 * H);
    this.gates = new Float64Array(4 * H);
    this.c = new Float64Array(H);
    this.tanhC = new Float64Array(H);
    this.h = new Float64Array(H);
    this.y = new Float64Array(params.dense?.outputs ?? 0);
  }
}

/**
 * One time step. Reads x_t, h_{t−1}, c_{t−1}; writes z, the gates, c_t, tanh(c_t), h_t and y_t into `ws`.
 * `hPrev`/`cPrev` may be `ws.h`/`ws.c` themselves: they are copied into `ws.concat` before being overwritten.
 */
export function lstmStep(
  ws: LstmWorkspace,
  x: ArrayLike<number>,
  hPrev: ArrayLike<number>,
  cPrev: ArrayLike<number>,
): void {
  const { hidden: H, input: X, weights, bias, dense } = ws.params;
  const { concat, z, gates, c, tanhC, h } = ws;
  for (let k = 0; k < H; k++) concat[k] = hPrev[k];
  for (let k = 0; k < X; k++) concat[H + k] = x[k];
  if (ws.wasm) ws.wasm.run();
  else affine(weights, bias, concat, z);
  for (let k = 0; k < H; k++) {
    const f = sigmoid(z[k]);
    const i = sigmoid(z[H + k]);
    const g = tanh(z[2 * H + k]);
    const o = sigmoid(z[3 * H + k]);
    gates[k] = f;
    gates[H + k] = i;
    gates[2 * H + k] = g;
    gates[3 * H + k] = o;
    const cNew = f * cPrev[k] + i * g; // c_t = f_t ⊙ c_{t−1} + i_t ⊙ C̃_t
    c[k] = cNew;
    tanhC[k] = tanh(cNew);
    h[k] = o * tanhC[k]; // h_t = o_t ⊙ tanh(c_t)
  }
  if (dense) affine(dense.weights, dense.bias, h, ws.y);
}

/** Runs a whole sequence (T×X, row-major) from h0, c0 without recording a trace; returns the final h, c. */
export function lstmForward(
  params: LstmParams,
  xs: Float64Array,
  h0: Float64Array,
  c0: Float64Array,
): { h: Float64Array; c: Float64Array } {
  const ws = new LstmWorkspace(params);
  const X = params.input;
  const steps = xs.length / X;
  ws.h.set(h0);
  ws.c.set(c0);
  for (let t = 0; t < steps; t++) lstmStep(ws, xs.subarray(t * X, (t + 1) * X), ws.h, ws.c);
  return { h: ws.h, c: ws.c };
}
