// Reading the model fixtures written by scripts/make-model-fixtures.py (real torch.save, np.savez, safetensors).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'fflate';
import { Session } from '../../../src/core/session';

export const MODELS = join(__dirname, '../../fixtures/models');

/** A fixture's bytes; `.gz` ones (the large hostile files, KBs in the repository) gunzipped. */
export function fixture(name: string): Uint8Array {
  const bytes = new Uint8Array(readFileSync(join(MODELS, name)));
  return name.endsWith('.gz') ? gunzipSync(bytes) : bytes;
}

export interface Expected {
  X: number;
  H: number;
  Y?: number;
  layers: number;
  dtype?: string;
  inputs: number[][];
  /** torch's own outputs, per step: h and c of every layer (bottom first), y of the head. */
  steps: { h: number[][]; c: number[][]; y?: number[] }[];
}

export const expected = (name: string): Expected =>
  JSON.parse(readFileSync(join(MODELS, `${name}.expected.json`), 'utf8')) as Expected;

/** A session whose `load` reads fixtures by name, as bytes, the way the CLI and the extension hand them over. */
export function sessionWith(files: Record<string, string> = {}): Session {
  return new Session({
    readFile: (path) => {
      try {
        return { bytes: fixture(files[path] ?? path) };
      } catch {
        return { error: 'there is no such file' };
      }
    },
  });
}

export const errorsOf = (result: { errors: { message: string }[] }) => result.errors.map((e) => e.message);

export function maxDifference(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return Infinity;
  return a.reduce((most, v, k) => Math.max(most, Math.abs(v - b[k])), 0);
}

/** The value, which the test needs to be there (a failed expectation otherwise, not a TypeError). */
export function defined<T>(value: T | undefined, what = 'the value'): T {
  if (value === undefined) throw new Error(`${what} is missing`);
  return value;
}
