// safetensors: an 8-byte little-endian header length, a JSON header {name: {dtype, shape, data_offsets}},
// then the data. Every claim in the header is checked against the file before a byte of data is read.
import { messageOf, ModelError } from './modelError';
import { DTYPE_BYTES, elementCount, rawTensor, type DType, type Tensor } from './tensor';

const DTYPES: Record<string, DType> = {
  F64: 'float64',
  F32: 'float32',
  F16: 'float16',
  BF16: 'bfloat16',
  I64: 'int64',
  I32: 'int32',
  I16: 'int16',
  I8: 'int8',
  U8: 'uint8',
  BOOL: 'bool',
};
/** The safetensors library's own limit on the header. */
const MAX_HEADER_BYTES = 100_000_000;

/** Whether the bytes start like a safetensors file: a plausible length, then "{". */
export function looksLikeSafetensors(bytes: Uint8Array): boolean {
  return bytes.length >= 10 && bytes[8] === 0x7b && bytes[7] === 0;
}

interface Entry {
  name: string;
  dtype: DType;
  shape: number[];
  begin: number;
  end: number;
}

function entryOf(name: string, raw: unknown): Entry {
  const info: { dtype?: unknown; shape?: unknown; data_offsets?: unknown } =
    typeof raw === 'object' && raw !== null ? raw : {};
  const dtype = typeof info.dtype === 'string' ? DTYPES[info.dtype] : undefined;
  if (!dtype)
    throw new ModelError(`its tensor "${name}" has dtype ${JSON.stringify(info.dtype)}, which load does not read.`);
  const shape = info.shape;
  const offsets = info.data_offsets;
  const sizes = (v: unknown): v is number[] =>
    Array.isArray(v) && v.every((n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0);
  if (!sizes(shape)) throw new ModelError(`its tensor "${name}" has a shape that is not a list of sizes.`);
  if (!sizes(offsets) || offsets.length !== 2 || offsets[1] < offsets[0])
    throw new ModelError(`its tensor "${name}" has data_offsets that are not [begin, end].`);
  const bytes = elementCount(shape) * DTYPE_BYTES[dtype];
  if (offsets[1] - offsets[0] !== bytes)
    throw new ModelError(
      `its tensor "${name}" is ${String(info.dtype)} [${shape.join(', ')}], ${bytes} bytes, but its data_offsets span ${offsets[1] - offsets[0]}.`,
    );
  return { name, dtype, shape, begin: offsets[0], end: offsets[1] };
}

export function readSafetensors(bytes: Uint8Array): Map<string, Tensor> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  if (headerLength > bytes.length - 8)
    throw new ModelError(
      `its safetensors header claims ${headerLength} bytes, but the file has only ${bytes.length - 8} after the length.`,
    );
  if (headerLength > MAX_HEADER_BYTES)
    throw new ModelError(`its safetensors header is ${headerLength} bytes; the format allows ${MAX_HEADER_BYTES}.`);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLength)));
  } catch (error) {
    throw new ModelError(`its safetensors header is not valid JSON (${messageOf(error)}).`);
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header))
    throw new ModelError('its safetensors header is not a JSON object.');
  const data = bytes.subarray(8 + headerLength);
  const entries = Object.entries(header)
    .filter(([name]) => name !== '__metadata__')
    .map(([name, raw]) => entryOf(name, raw));
  // Sorted by offset, each tensor must start where the one before it ends (no overlap, no hole) and the
  // last one end at the end of the data: the safetensors library's own rule.
  const byOffset = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let end = 0;
  for (const entry of byOffset) {
    if (entry.begin < end)
      throw new ModelError(
        `its tensor "${entry.name}" overlaps the one before it (data_offsets ${entry.begin} < ${end}).`,
      );
    if (entry.begin > end)
      throw new ModelError(
        `its data has a hole: bytes ${end} to ${entry.begin} belong to no tensor (before "${entry.name}").`,
      );
    if (entry.end > data.length)
      throw new ModelError(
        `its tensor "${entry.name}" ends at byte ${entry.end} of the data, past its end (${data.length} bytes).`,
      );
    end = entry.end;
  }
  if (end !== data.length)
    throw new ModelError(`its data has ${data.length - end} bytes after the last tensor that no tensor claims.`);
  const tensors = new Map<string, Tensor>();
  for (const e of entries)
    tensors.set(e.name, rawTensor(data.subarray(e.begin, e.end), e.dtype, e.shape, { name: e.name }));
  return tensors;
}
