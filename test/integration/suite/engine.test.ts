// The LSTM core in this extension host, whichever it is (Node, or the browser's web worker): the
// WebAssembly SIMD kernel compiles here, and a sequence of steps with it and with its scalar fallback
// both match a textbook LSTM written out below.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import { LstmWorkspace, lstmStep, type LstmParams } from '../../../src/core/lstm';
import { setWasmAffineEnabled, wasmAffineAvailable } from '../../../src/core/wasmAffine';
import { rng } from '../../support/rng';
import { TEST_HOST } from '../helpers';

const H = 16; // 4H·(H+X) = 2048 weights: MIN_WASM_WEIGHTS, so the SIMD kernel is used
const X = 16;
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** One step as the textbook writes it: z = W·[h, x] + b, gates f, i, g, o (PyTorch's i, f, g, o order aside). */
function textbookStep({ weights, bias }: LstmParams, x: number[], h: number[], c: number[]) {
  const v = [...h, ...x];
  const z = Array.from(
    { length: 4 * H },
    (_, r) => bias[r] + v.reduce((sum, vk, k) => sum + weights[r * (H + X) + k] * vk, 0),
  );
  const cNext = c.map((ck, k) => sigmoid(z[k]) * ck + sigmoid(z[H + k]) * Math.tanh(z[2 * H + k]));
  const hNext = cNext.map((ck, k) => sigmoid(z[3 * H + k]) * Math.tanh(ck));
  return { h: hNext, c: cNext };
}

suite(`the LSTM core in the ${TEST_HOST === 'web' ? 'web worker' : 'Node'} extension host`, () => {
  teardown(() => setWasmAffineEnabled(true));

  test('WebAssembly SIMD is there, and steps with it and with the scalar fallback match the textbook', () => {
    assert.equal(wasmAffineAvailable(), true, 'the WebAssembly SIMD kernel does not compile in this host');
    const random = rng(14);
    const u = () => random() * 4 - 2;
    const params: LstmParams = {
      hidden: H,
      input: X,
      weights: Float64Array.from({ length: 4 * H * (H + X) }, u),
      bias: Float64Array.from({ length: 4 * H }, u),
    };
    const simd = new LstmWorkspace(params);
    setWasmAffineEnabled(false);
    const scalar = new LstmWorkspace(params);
    assert.ok(simd.wasm, 'the SIMD kernel was not used');
    assert.equal(scalar.wasm, undefined, 'the scalar fallback was not used');
    let expected = { h: new Array<number>(H).fill(0), c: new Array<number>(H).fill(0) };
    for (let t = 0; t < 30; t++) {
      const x = Array.from({ length: X }, u);
      expected = textbookStep(params, x, expected.h, expected.c);
      for (const ws of [simd, scalar]) {
        lstmStep(ws, x, ws.h, ws.c);
        for (let k = 0; k < H; k++) {
          assert.ok(Math.abs(ws.h[k] - expected.h[k]) <= 1e-14, `step ${t}: h[${k}] ${ws.h[k]} ≠ ${expected.h[k]}`);
          assert.ok(Math.abs(ws.c[k] - expected.c[k]) <= 1e-14, `step ${t}: c[${k}] ${ws.c[k]} ≠ ${expected.c[k]}`);
        }
      }
    }
  });
});
