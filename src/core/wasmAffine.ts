// z = W·v + b with WebAssembly SIMD (f64x2), for the LSTM's hot loop. The module's bytes come from
// ./affineModuleBytes; it is compiled synchronously (it is ~300 bytes).
// When WebAssembly or its SIMD proposal is missing, `createWasmAffine` returns undefined and callers keep
// their scalar JS loop (`affineJs`).
import { affineModuleBytes } from './affineModuleBytes';

/** The smallest module using f64x2: (func (result v128) (f64x2.splat (f64.const 0))). */
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, 0x03, 0x02, 0x01, 0x00,
  0x0a, 0x0f, 0x01, 0x0d, 0x00, 0x44, 0, 0, 0, 0, 0, 0, 0, 0, 0xfd, 0x14, 0x0b,
]);

let compiled: WebAssembly.Module | null | undefined;
let disabled = false;

/** The compiled module, or null when WebAssembly SIMD is unavailable (or disabled). */
function wasmModule(): WebAssembly.Module | null {
  if (disabled) return null;
  if (compiled === undefined) {
    try {
      compiled =
        typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE)
          ? new WebAssembly.Module(affineModuleBytes())
          : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** Whether `createWasmAffine` can succeed here. */
export function wasmAffineAvailable(): boolean {
  return wasmModule() !== null;
}

/** Turns the wasm path off (or back on) for workspaces created afterwards; for tests of the fallback. */
export function setWasmAffineEnabled(enabled: boolean): void {
  disabled = !enabled;
}

/**
 * One instance with its own memory holding W (rows × n), b (rows), an input v (n) and an output (rows).
 * `weights`/`bias`/`v`/`out` are Float64Array views into that memory (allocated once, never grown).
 */
export interface WasmAffine {
  readonly weights: Float64Array;
  readonly bias: Float64Array;
  readonly v: Float64Array;
  readonly out: Float64Array;
  /** out = weights·v + bias */
  run(): void;
}

const PAGE = 65536;

export function createWasmAffine(rows: number, n: number): WasmAffine | undefined {
  const module = wasmModule();
  if (!module) return undefined;
  const align = (bytes: number) => Math.ceil(bytes / 16) * 16;
  const wAt = 0;
  const bAt = align(wAt + rows * n * 8);
  const vAt = align(bAt + rows * 8);
  const outAt = align(vAt + n * 8);
  const end = align(outAt + rows * 8) + 16; // slack: no load ever reaches past `end`
  let memory: WebAssembly.Memory;
  let fn: (w: number, b: number, v: number, out: number, rows: number, n: number) => void;
  try {
    memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(end / PAGE)) });
    const instance = new WebAssembly.Instance(module, { env: { memory } });
    // The cast stays: WebAssembly types exports as unknown values; our own module above exports this one.
    fn = instance.exports.affine as typeof fn;
  } catch {
    return undefined; // e.g. out of memory: the JS loop still works
  }
  const buffer = memory.buffer;
  return {
    weights: new Float64Array(buffer, wAt, rows * n),
    bias: new Float64Array(buffer, bAt, rows),
    v: new Float64Array(buffer, vAt, n),
    out: new Float64Array(buffer, outAt, rows),
    run: () => fn(wAt, bAt, vAt, outAt, rows, n),
  };
}

/** out = W·v + b for every row of the row-major W (out.length rows, v.length columns); scalar JS, unrolled by four. */
export function affineJs(weights: Float64Array, bias: Float64Array, v: Float64Array, out: Float64Array): void {
  const n = v.length;
  const rows = out.length;
  const n4 = n - (n % 4);
  for (let r = 0, base = 0; r < rows; r++, base += n) {
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0;
    let k = 0;
    for (; k < n4; k += 4) {
      s0 += weights[base + k] * v[k];
      s1 += weights[base + k + 1] * v[k + 1];
      s2 += weights[base + k + 2] * v[k + 2];
      s3 += weights[base + k + 3] * v[k + 3];
    }
    for (; k < n; k++) s0 += weights[base + k] * v[k];
    out[r] = bias[r] + (s0 + s1 + s2 + s3);
  }
}
