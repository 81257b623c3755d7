// A tensor as read from a weight file: its dtype, shape and a reader that converts it to float64 on demand,
// so keys the LSTM does not use are never converted.
import { bfloat16ToNumber, halfToNumber } from './halfFloat';
import { ModelError } from './modelError';

export type DType =
  'float64' | 'float32' | 'float16' | 'bfloat16' | 'int64' | 'int32' | 'int16' | 'int8' | 'uint8' | 'bool';

export const DTYPE_BYTES: Record<DType, number> = {
  float64: 8,
  float32: 4,
  float16: 2,
  bfloat16: 2,
  int64: 8,
  int32: 4,
  int16: 2,
  int8: 1,
  uint8: 1,
  bool: 1,
};

export interface Tensor {
  dtype: DType;
  shape: number[];
  /** Why this is not a usable tensor (a ragged JSON list…), reported only if the LSTM needs it. */
  problem?: string;
  /** The values in row-major order, as float64. */
  values(): Float64Array;
}

export const elementCount = (shape: readonly number[]) => shape.reduce((n, d) => n * d, 1);

/**
 * A strided view of raw little- or big-endian bytes, as torch stores it: element k of the result is the one at
 * storage offset + Σ index·stride. Contiguous tensors are the common case and take one pass.
 */
export function rawTensor(
  bytes: Uint8Array,
  dtype: DType,
  shape: number[],
  options: { offset?: number; strides?: number[]; littleEndian?: boolean; name: string },
): Tensor {
  const size = DTYPE_BYTES[dtype];
  const strides = options.strides ?? contiguousStrides(shape);
  const offset = options.offset ?? 0;
  const count = elementCount(shape);
  if (count > 0) {
    const last = offset + shape.reduce((sum, d, k) => sum + (d - 1) * strides[k], 0);
    if (offset < 0 || strides.some((s) => s < 0) || (last + 1) * size > bytes.length)
      throw new ModelError(
        `${options.name}: shape [${shape.join(', ')}] needs more data than its storage holds (${bytes.length} bytes).`,
      );
  }
  const read = elementReader(bytes, dtype, options.littleEndian ?? true);
  return {
    dtype,
    shape,
    values() {
      const fast = contiguousFloats(bytes, dtype, offset, count, options.littleEndian ?? true);
      if (fast && sameAsContiguous(shape, strides)) return new Float64Array(fast); // not Float64Array.from: 100× slower
      const out = new Float64Array(count);
      if (sameAsContiguous(shape, strides)) for (let k = 0; k < count; k++) out[k] = read(offset + k);
      else {
        const index = new Array<number>(shape.length).fill(0);
        for (let k = 0; k < count; k++) {
          let at = offset;
          for (let d = 0; d < shape.length; d++) at += index[d] * strides[d];
          out[k] = read(at);
          for (let d = shape.length - 1; d >= 0 && ++index[d] === shape[d]; d--) index[d] = 0;
        }
      }
      return out;
    },
  };
}

export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let step = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = step;
    step *= shape[d];
  }
  return strides;
}

function sameAsContiguous(shape: readonly number[], strides: readonly number[]): boolean {
  const expected = contiguousStrides(shape);
  return shape.every((d, k) => d === 1 || strides[k] === expected[k]);
}

/** A typed-array view over aligned little-endian floats: ten times faster than a DataView per element. */
function contiguousFloats(bytes: Uint8Array, dtype: DType, offset: number, count: number, little: boolean) {
  if (!little || (dtype !== 'float32' && dtype !== 'float64')) return undefined;
  const size = DTYPE_BYTES[dtype];
  const start = bytes.byteOffset + offset * size;
  if (start % size !== 0) return undefined;
  return dtype === 'float32'
    ? new Float32Array(bytes.buffer, start, count)
    : new Float64Array(bytes.buffer, start, count);
}

function elementReader(bytes: Uint8Array, dtype: DType, little: boolean): (index: number) => number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (dtype) {
    case 'float64':
      return (k) => view.getFloat64(k * 8, little);
    case 'float32':
      return (k) => view.getFloat32(k * 4, little);
    case 'float16':
      return (k) => halfToNumber(view.getUint16(k * 2, little));
    case 'bfloat16':
      return (k) => bfloat16ToNumber(view.getUint16(k * 2, little));
    case 'int64':
      return (k) => Number(view.getBigInt64(k * 8, little));
    case 'int32':
      return (k) => view.getInt32(k * 4, little);
    case 'int16':
      return (k) => view.getInt16(k * 2, little);
    case 'int8':
      return (k) => view.getInt8(k);
    case 'uint8':
    case 'bool':
      return (k) => view.getUint8(k);
  }
}
