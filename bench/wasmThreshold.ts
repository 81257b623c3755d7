// Where WebAssembly starts to pay for the gates' affine map: set-up and one product, and each product
// after it, in WebAssembly SIMD and in the scalar loop, around MIN_WASM_WEIGHTS (src/core/lstm.ts).
// A drag in an explorable output re-runs its cell from scratch every frame: the set-up is paid each time.
import { MIN_WASM_WEIGHTS } from '../src/core/lstm';
import { affineJs, createWasmAffine } from '../src/core/wasmAffine';

const SIZES = [2, 8, 16, 32]; // H = X

/** Mean seconds of `fn` over `runs` calls, after as many warm-up calls. */
function mean(fn: () => void, runs: number): number {
  for (let k = 0; k < runs; k++) fn();
  const start = process.hrtime.bigint();
  for (let k = 0; k < runs; k++) fn();
  return Number(process.hrtime.bigint() - start) / 1e9 / runs;
}

const micro = (s: number) => `${(s * 1e6).toFixed(2)} µs`;

export function benchWasmThreshold(): void {
  console.log(`\naffine map W·[h, x] + b (4H rows, H + X columns); WebAssembly from ${MIN_WASM_WEIGHTS} weights on`);
  for (const size of SIZES) {
    const [rows, n] = [4 * size, 2 * size];
    const w = Float64Array.from({ length: rows * n }, (_, k) => Math.sin(k));
    const b = Float64Array.from({ length: rows }, (_, k) => Math.cos(k));
    const v = Float64Array.from({ length: n }, (_, k) => Math.sin(3 * k));
    const out = new Float64Array(rows);
    const setUp = () => {
      const wasm = createWasmAffine(rows, n);
      if (!wasm) throw new Error('no WebAssembly SIMD here');
      wasm.weights.set(w);
      wasm.bias.set(b);
      wasm.run(); // v = 0 here: the time of a product does not depend on its numbers
      return wasm;
    };
    const wasm = setUp();
    wasm.v.set(v);
    const wasmFirst = mean(setUp, 200);
    const wasmEach = mean(() => wasm.run(), 20_000);
    const jsEach = mean(() => affineJs(w, b, v, out), 20_000);
    const pays = wasmEach < jsEach ? Math.ceil(wasmFirst / (jsEach - wasmEach)) : Infinity;
    console.log(
      `  H = X = ${size} (${rows * n} weights): set-up and one product ${micro(wasmFirst)}; then each ${micro(wasmEach)} in WebAssembly, ${micro(jsEach)} in JS: pays after ${pays} products`,
    );
  }
}
