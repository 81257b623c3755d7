// Reading notebooks and the files they `load`, for every CLI verb: size-checked, UTF-8 only, and
// failures told in words (never an errno code), as a UsageError that main turns into exit code 2.
import { readFileSync, statSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../core/limits';

export class UsageError extends Error {}

/** The errno code of a file system error (ENOENT …), if it is one. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** A file system error in a learner's words: no ENOENT. */
export function reason(error: unknown): string {
  const code = errorCode(error);
  if (code === 'ENOENT') return 'there is no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'you do not have permission to read it';
  if (code === 'ENOTDIR') return 'a part of its path is a file, not a folder';
  if (code === 'ELOOP') return 'its links go round in a loop';
  return error instanceof TypeError ? 'it is not UTF-8 text' : String(error);
}

export function readText(path: string): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${reason(error)}`);
  }
  if (size > MAX_FILE_BYTES)
    throw new UsageError(`${path} is ${size} bytes; the largest file read is ${MAX_FILE_BYTES} bytes (MAX_FILE_BYTES)`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${reason(error)}`);
  }
}

/** `load` reads bytes, links resolved (./weightFiles). */
export { loaderFor } from './weightFiles';
