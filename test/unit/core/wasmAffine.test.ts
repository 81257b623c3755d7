// The WebAssembly SIMD affine map (z = W·v + b) against a plain scalar dot product, for shapes with odd
// row and column counts (every tail of its 2-row, 4-column blocking), and the JS fallback used without SIMD.
import { afterEach, describe, expect, it } from 'vitest';
import { LstmWorkspace, lstmStep, MIN_WASM_WEIGHTS, type LstmParams } from '../../../src/core/lstm';
import { affineJs, createWasmAffine, setWasmAffineEnabled, wasmAffineAvailable } from '../../../src/core/wasmAffine';
import { rng } from '../../support/rng';

/** out[r] = b[r] + Σ_k W[r, k]·v[k], summed left to right. */
function reference(w: Float64Array, b: Float64Array, v: Float64Array, rows: number, n: number): Float64Array {
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += w[r * n + k] * v[k];
    out[r] = b[r] + s;
  }
  return out;
}

const SHAPES: [number, number][] = [
  [1, 1],
  [1, 2],
  [2, 1],
  [1, 4],
  [3, 5],
  [4, 6],
  [5, 7],
  [2, 8],
  [7, 129],
  [8, 130],
  [9, 131],
  [16, 256],
];

function randomCase(rows: number, n: number, seed: number) {
  const random = rng(seed);
  const u = () => random() * 2 - 1;
  return {
    w: Float64Array.from({ length: rows * n }, u),
    b: Float64Array.from({ length: rows }, u),
    v: Float64Array.from({ length: n }, u),
  };
}

function expectClose(actual: Float64Array, expected: Float64Array, n: number) {
  expect(actual.length).toBe(expected.length);
  for (let r = 0; r < expected.length; r++)
    expect(Math.abs(actual[r] - expected[r])).toBeLessThanOrEqual(1e-15 * (n + 1));
}

afterEach(() => setWasmAffineEnabled(true));

describe('wasm affine', () => {
  it('is available in Node (WebAssembly SIMD)', () => {
    expect(wasmAffineAvailable()).toBe(true);
  });

  for (const [rows, n] of SHAPES) {
    it(`matches a scalar dot product, ${rows}×${n}`, () => {
      const { w, b, v } = randomCase(rows, n, rows * 1000 + n);
      const wasm = createWasmAffine(rows, n);
      if (!wasm) throw new Error('no WebAssembly SIMD here');
      wasm.weights.set(w);
      wasm.bias.set(b);
      wasm.v.set(v);
      wasm.run();
      const expected = reference(w, b, v, rows, n);
      expectClose(wasm.out, expected, n);
      // Running again with a new v reuses the same instance and views.
      const v2 = v.map((x) => -2 * x);
      wasm.v.set(v2);
      wasm.run();
      expectClose(wasm.out, reference(w, b, v2, rows, n), n);
      // Exact on integers: no rounding anywhere.
      wasm.weights.set(w.map((x) => Math.round(8 * x)));
      wasm.bias.set(b.map((x) => Math.round(8 * x)));
      wasm.v.set(v.map((x) => Math.round(8 * x)));
      wasm.run();
      expect(Array.from(wasm.out)).toEqual(Array.from(reference(wasm.weights, wasm.bias, wasm.v, rows, n)));
    });
  }

  it('the JS fallback matches the scalar dot product', () => {
    for (const [rows, n] of SHAPES) {
      const { w, b, v } = randomCase(rows, n, 7 + rows + n);
      const out = new Float64Array(rows);
      affineJs(w, b, v, out);
      expectClose(out, reference(w, b, v, rows, n), n);
    }
  });

  it('is used for a model large enough for it to pay, and the scalar loop for a lesson-sized one', () => {
    const workspace = (H: number, X: number) => {
      const { w, b } = randomCase(4 * H, H + X, H);
      return new LstmWorkspace({ hidden: H, input: X, weights: w, bias: b });
    };
    expect(4 * 24 * (24 + 3)).toBeGreaterThanOrEqual(MIN_WASM_WEIGHTS);
    expect(workspace(24, 3).wasm).toBeDefined();
    expect(workspace(2, 3).wasm).toBeUndefined();
    expect(workspace(1, 1).wasm).toBeUndefined();
  });

  it('is not used once disabled, and LSTM steps agree either way', () => {
    const H = 24,
      X = 3;
    const { w, b } = randomCase(4 * H, H + X, 42);
    const params: LstmParams = { hidden: H, input: X, weights: w, bias: b };
    setWasmAffineEnabled(false);
    expect(wasmAffineAvailable()).toBe(false);
    expect(createWasmAffine(2, 2)).toBeUndefined();
    const js = new LstmWorkspace(params);
    expect(js.wasm).toBeUndefined();
    setWasmAffineEnabled(true);
    const simd = new LstmWorkspace(params);
    expect(simd.wasm).toBeDefined();
    const random = rng(3);
    for (let t = 0; t < 20; t++) {
      const x = Float64Array.from({ length: X }, () => random() * 2 - 1);
      lstmStep(js, x, js.h, js.c);
      lstmStep(simd, x, simd.h, simd.c);
      for (let k = 0; k < 4 * H; k++) expect(Math.abs(js.z[k] - simd.z[k])).toBeLessThanOrEqual(1e-14);
      for (let k = 0; k < H; k++) expect(Math.abs(js.h[k] - simd.h[k])).toBeLessThanOrEqual(1e-14);
    }
  });
});
