// `load "file"`: which files a cell may read, and the model read from one (or why not, at the path).
import { fail } from './cellError';
import { readModel } from './load';
import type { LoadedModel } from './model/stateDict';
import type { Statement } from './parser';
import type { RecordedLoad } from './types';

export interface SessionOptions {
  /**
   * Reads a file named by `load`, relative to the notebook: its bytes (or, for JSON, its text) or an error
   * message. The edges (CLI, extension) read the file; the core recognises its format by content.
   */
  readFile?: (path: string) => { bytes: Uint8Array } | { text: string } | { error: string };
  /** When false, `load` is refused (untrusted workspace). Default true. */
  allowLoad?: boolean;
  /**
   * A replay of a cell that ran before (an output whose numbers are dragged): the models its load
   * statements read then, in order, read in place of the files.
   */
  recorded?: readonly RecordedLoad[];
}

/** The whole model the statement names; a file we cannot run exactly stops the cell at its path. */
export function loadModel(s: Extract<Statement, { type: 'load' }>, options: SessionOptions): LoadedModel {
  const { path, pathSpan: span } = s;
  if (options.allowLoad === false)
    fail(span, 'load is turned off in an untrusted workspace: trust the workspace to read weight files.');
  if (!options.readFile) fail(span, 'load is not available here: nothing can read files.');
  if (/^([a-zA-Z]:)?[\\/]/.test(path) || path.split(/[\\/]/).includes('..')) {
    fail(span, `load reads files beside the notebook or in folders below it; "${path}" points elsewhere.`);
  }
  const file = options.readFile(path);
  if ('error' in file) return fail(span, `Could not read "${path}": ${file.error}`);
  const bytes = 'bytes' in file ? file.bytes : new TextEncoder().encode(file.text);
  const model = readModel(bytes, { lstm: s.lstm, head: s.head });
  if ('error' in model) return fail(span, `"${path}": ${model.error}`);
  return model;
}

/** The model the cell's `index`-th load read when it ran; the statement must name the same file. */
export function replayedLoad(
  s: Extract<Statement, { type: 'load' }>,
  recorded: readonly RecordedLoad[],
  index: number,
): LoadedModel {
  const load = recorded[index];
  if (load?.path !== s.path)
    fail(s.pathSpan, `This output cannot re-run this load: "${s.path}" is not the file it read.`);
  return load.model;
}
