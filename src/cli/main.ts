// lstm-notebook run|check [--json] FILE…: runs notebooks headless. Exit 0 ok, 1 failed, 2 usage or unreadable file.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MAX_FILE_BYTES } from '../core/limits';
import { runNotebook, toJson, unreadable, type FileReport } from './runFile';
import { summarize } from './summary';

const USAGE = 'usage: lstm-notebook run|check [--json] FILE…';

class UsageError extends Error {}

/** A file system error in a learner's words: no ENOENT. */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'there is no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'you do not have permission to read it';
  if (code === 'ENOTDIR') return 'a part of its path is a file, not a folder';
  return error instanceof TypeError ? 'it is not UTF-8 text' : String(error);
}

function readText(path: string): string {
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

/** `load` paths are read relative to the notebook, through the same size check. */
function loaderFor(notebook: string) {
  return (path: string) => {
    try {
      return { text: readText(resolve(dirname(notebook), path)) };
    } catch (error) {
      return { error: (error as Error).message.replace(/^cannot read [^:]*: /, '') };
    }
  };
}

function main(args: string[]): number {
  const [command, ...rest] = args;
  if (command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (command !== 'run' && command !== 'check') throw new UsageError(USAGE);
  const json = rest.includes('--json');
  const files = rest.filter((a) => a !== '--json');
  const unknown = files.find((f) => f.startsWith('--'));
  if (unknown) throw new UsageError(`unknown option ${unknown}; ${USAGE}`);
  if (!files.length) throw new UsageError(USAGE);
  // An unreadable file is reported (and makes the exit code 2) without hiding the others' results.
  const reports: FileReport[] = files.map((file) => {
    try {
      return runNotebook(file, readText(file), { readFile: loaderFor(file) });
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      console.error(`lstm-notebook: ${error.message}`);
      return unreadable(file, error.message.replace(/^cannot read [^:]*: /, ''));
    }
  });
  if (json) {
    const objects = reports.map(toJson);
    console.log(JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2));
  } else {
    console.log(reports.map((r) => summarize(r, command === 'run')).join('\n\n'));
  }
  if (reports.some((r) => r.unreadable)) return 2;
  return reports.every((r) => r.ok) ? 0 : 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`lstm-notebook: ${error.message}`);
  process.exitCode = 2;
}
