// How the CLI reads the files `load` names: relative to the notebook, links resolved, and a target outside
// the notebook's folder refused like a `..` path. The core gets the bytes and recognises the format.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { MAX_WEIGHT_FILE_BYTES } from '../core/limits';
import type { SessionOptions } from '../core/session';
import { reason } from './files';

export function loaderFor(notebook: string): NonNullable<SessionOptions['readFile']> {
  return (path) => {
    try {
      const folder = realpathSync(dirname(resolve(notebook)));
      const target = realpathSync(resolve(dirname(notebook), path));
      if (target !== folder && !target.startsWith(folder.endsWith(sep) ? folder : folder + sep))
        return {
          error: `it leads to ${target}, outside the notebook's folder ${folder} (through a link); load only reads files inside it.`,
        };
      const stat = statSync(target);
      if (stat.isDirectory()) return { error: 'it is a folder, not a file' };
      const size = stat.size;
      if (size > MAX_WEIGHT_FILE_BYTES)
        return {
          error: `it is ${size} bytes; load reads weight files up to ${MAX_WEIGHT_FILE_BYTES} bytes (MAX_WEIGHT_FILE_BYTES, 512 MiB).`,
        };
      return { bytes: new Uint8Array(readFileSync(target)) };
    } catch (error) {
      return { error: reason(error) };
    }
  };
}
