// The members of a zip archive (.pt, .npz), read from its central directory. Stored members are views of the
// file's bytes (no copy); deflated ones are inflated by fflate (pure JS, runs in the browser, well kept) in
// chunks, counting the output, so a member that inflates past the limit stops the load early whatever its
// headers claim (fflate's unzipSync grows its buffer past a lying size).
import { Inflate } from 'fflate';
import { messageOf, ModelError } from './modelError';

export interface ZipMember {
  name: string;
  /** The member's bytes, inflated on first use. */
  read(): Uint8Array;
  size: number;
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 2 ** 32;

export const isZip = (bytes: Uint8Array) => bytes.length >= 4 && u32(bytes, 0) === 0x04034b50;

/** The end-of-central-directory record: the last 22 bytes, or up to 64 KiB earlier with a comment. */
function findEnd(bytes: Uint8Array): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--)
    if (u32(bytes, at) === 0x06054b50) return at;
  throw new ModelError('it looks like a zip archive but its table of contents is missing (the file is cut short?).');
}

/** Zip64 sizes and offset from a central-directory extra field, for the fields that hold 0xFFFFFFFF. */
function zip64(bytes: Uint8Array, extra: number, end: number, fields: number[]): number[] {
  for (let at = extra; at + 4 <= end; at += 4 + u16(bytes, at + 2)) {
    if (u16(bytes, at) !== 1) continue;
    let p = at + 4;
    return fields.map((value) => {
      if (value !== 0xffffffff) return value;
      const wide = u64(bytes, p);
      p += 8;
      return wide;
    });
  }
  return fields;
}

export function readZip(bytes: Uint8Array, limit: number, limitName: string): Map<string, ZipMember> {
  const end = findEnd(bytes);
  let count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (u32(bytes, end - 20) === 0x07064b50) {
    const record = u64(bytes, end - 12);
    if (record + 56 <= bytes.length && u32(bytes, record) === 0x06064b50) {
      count = u64(bytes, record + 32);
      at = u64(bytes, record + 48);
    }
  }
  const members = new Map<string, ZipMember>();
  let total = 0;
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50)
      throw new ModelError('its zip table of contents is damaged.');
    const method = u16(bytes, at + 10);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const extra = at + 46 + nameLength;
    const [size, packed, local] = zip64(bytes, extra, extra + extraLength, [
      u32(bytes, at + 24),
      u32(bytes, at + 20),
      u32(bytes, at + 42),
    ]);
    at = extra + extraLength + u16(bytes, at + 32);
    total += size;
    if (size > limit || total > limit)
      throw new ModelError(
        `its zip member "${name}" would inflate to ${size} bytes${total > size ? ` (${total} in all)` : ''}; load reads at most ${limit} bytes (${limitName}).`,
      );
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50)
      throw new ModelError(`its zip member "${name}" points outside the file.`);
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + packed > bytes.length) throw new ModelError(`its zip member "${name}" runs past the end of the file.`);
    const data = bytes.subarray(start, start + packed);
    if (method !== 0 && method !== 8)
      throw new ModelError(
        `its zip member "${name}" uses compression method ${method}; only stored and deflated are read.`,
      );
    let inflated: Uint8Array | undefined;
    members.set(name, {
      name,
      size,
      read: () => (inflated ??= method === 0 ? data : inflate(data, size, name, limit, limitName)),
    });
  }
  return members;
}

/** Inflates in 16 KiB input chunks (at most about 16 MiB out per chunk), stopping once past `size`. */
function inflate(data: Uint8Array, size: number, name: string, limit: number, limitName: string): Uint8Array {
  const out = new Uint8Array(size);
  let written = 0;
  let over = false;
  const stream = new Inflate((chunk) => {
    if (written + chunk.length > size) over = true;
    else out.set(chunk, written);
    written += chunk.length;
  });
  const CHUNK = 16 * 1024;
  try {
    for (let at = 0; at < data.length && !over; at += CHUNK)
      stream.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length);
  } catch (error) {
    throw new ModelError(`its zip member "${name}" is not valid deflate data (${messageOf(error)}).`);
  }
  if (over)
    throw new ModelError(
      `its zip member "${name}" inflates past the ${size} bytes its header declares (a zip bomb?); stopped after ${written} bytes. load reads at most ${limit} bytes (${limitName}).`,
    );
  if (written !== size)
    throw new ModelError(`its zip member "${name}" inflates to ${written} bytes, not the ${size} its header declares.`);
  return out;
}
