// NumPy's .npy (format 1 to 3): a magic string, a Python dict literal {'descr', 'fortran_order', 'shape'},
// then the raw data. Object arrays are refused: reading them needs allow_pickle, that is running code.
import { ModelError } from './modelError';
import { DTYPE_BYTES, contiguousStrides, elementCount, rawTensor, type DType, type Tensor } from './tensor';

const KINDS: Record<string, DType> = {
  f8: 'float64',
  f4: 'float32',
  f2: 'float16',
  i8: 'int64',
  i4: 'int32',
  i2: 'int16',
  i1: 'int8',
  u1: 'uint8',
  b1: 'bool',
};

export const isNpy = (bytes: Uint8Array) =>
  bytes.length >= 10 && bytes[0] === 0x93 && new TextDecoder().decode(bytes.subarray(1, 6)) === 'NUMPY';

export function readNpy(bytes: Uint8Array, name: string): Tensor {
  if (!isNpy(bytes)) throw new ModelError(`"${name}" is not a NumPy .npy array.`);
  const major = bytes[6];
  if (major < 1 || major > 3) throw new ModelError(`"${name}" is .npy format ${major}; load reads formats 1 to 3.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  if (start + headerLength > bytes.length) throw new ModelError(`"${name}" ends inside its .npy header.`);
  const header = new TextDecoder().decode(bytes.subarray(start, start + headerLength));
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    if (/'descr'\s*:\s*[[{]/.test(header))
      throw new ModelError(`"${name}" is a structured array; load reads plain numeric arrays.`);
    throw new ModelError(`"${name}" has a .npy header load cannot read: ${header.trim().slice(0, 80)}`);
  }
  const [, order, kind] = /^([<>|=]?)(.+)$/.exec(descr) ?? [];
  if (kind === 'O')
    throw new ModelError(
      `"${name}" is an object array, which NumPy can only read with allow_pickle (running code from the file); load never does. Save plain numeric arrays.`,
    );
  const dtype = KINDS[kind];
  if (!dtype) throw new ModelError(`"${name}" holds dtype ${descr}, which load does not read.`);
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  if (!shape.every((n) => Number.isSafeInteger(n) && n >= 0)) throw new ModelError(`"${name}" has a malformed shape.`);
  const data = bytes.subarray(start + headerLength);
  if (data.length < elementCount(shape) * DTYPE_BYTES[dtype])
    throw new ModelError(`"${name}" is shorter than its shape [${shape.join(', ')}] needs.`);
  // Fortran order is column-major: the strides of the reversed shape, reversed.
  const strides = fortran === 'True' ? contiguousStrides([...shape].reverse()).reverse() : undefined;
  return rawTensor(data, dtype, shape, { strides, littleEndian: order !== '>', name: `"${name}"` });
}
