// Runs a corpus file the way the extension does: bytes decoded by the serializer's decodeFile (UTF-8,
// else Latin-1), cells found by parseNotebook, every code cell run in order by one core Session in
// slices (advance(SLICE_MS), as the kernel does), and each result turned into what the kernel would
// send: the renderer's payload (buildPayload) and markdown summary when it shows them, the error text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StepPayload } from '../../src/common/payload';
import { parseNotebook, type NotebookDoc } from '../../src/core/notebook';
import { Session } from '../../src/core/session';
import type { CellResult } from '../../src/core/types';
import { decodeFile, type FileEncoding } from '../../src/extension/encoding';
import { buildPayload, errorText, hasErrors, markdownSummary } from '../../src/common/output';
import { FIXTURES, type CorpusFile } from './corpus';

/** The kernel's slice (src/extension/kernel.ts SLICE_MS). */
export const SLICE_MS = 20;

export interface CellRun {
  /** Index of the cell in the notebook, and its first source line in the file. */
  index: number;
  line: number;
  result: CellResult;
  /** The renderer's payload, when the kernel would show one (no error, or steps ran). */
  payload?: StepPayload;
  markdown?: string;
  /** The error output's message, when the cell failed. */
  error?: string;
  /** How many advance() calls the cell took. */
  slices: number;
}

export interface FileRun {
  name: string;
  text: string;
  encoding: FileEncoding;
  doc: NotebookDoc;
  cells: CellRun[];
  /** Every path the session asked readFile for. */
  loads: string[];
}

export interface RunOptions {
  /** Folder `load` reads from (plain names only); the hostile fixtures by default. */
  folder?: string;
  allowLoad?: boolean;
  sliceMs?: number;
  /** Stop a cell after this many slices (a test of cancel); never by default. */
  cancelAfter?: number;
}

export function runFile(file: CorpusFile, options: RunOptions = {}): FileRun {
  const { text, encoding } = decodeFile(file.bytes);
  const doc = parseNotebook(text);
  const loads: string[] = [];
  const folder = options.folder ?? FIXTURES;
  const session = new Session({
    allowLoad: options.allowLoad ?? true,
    readFile: (path) => {
      loads.push(path);
      // The fake workspace: a plain file name in one folder, nothing else (the session must never ask for more).
      if (!/^[\w.-]+$/.test(path) || path.startsWith('..')) return { error: `the test workspace refuses "${path}"` };
      try {
        return { text: readFileSync(join(folder, path), 'utf8') };
      } catch {
        return { error: 'there is no such file' };
      }
    },
  });
  const cells: CellRun[] = [];
  doc.cells.forEach((cell, index) => {
    if (cell.kind !== 'code') return;
    const execution = session.start(cell.source);
    let slices = 0;
    for (;;) {
      slices++;
      if (execution.advance(options.sliceMs ?? SLICE_MS)) break;
      if (options.cancelAfter !== undefined && slices >= options.cancelAfter) execution.cancel();
    }
    const result = execution.result;
    const failed = hasErrors(result);
    const shown = !failed || result.steps.length > 0;
    cells.push({
      index,
      line: cell.line,
      result,
      slices,
      ...(shown ? { payload: buildPayload(result), markdown: markdownSummary(result) } : {}),
      ...(failed ? { error: errorText(result) } : {}),
    });
  });
  return { name: file.name, text, encoding, doc, cells, loads };
}

/** Every number in a JSON-like value, with its path. */
export function* numbersIn(value: unknown, path = '$'): Generator<[string, number]> {
  if (typeof value === 'number') yield [path, value];
  else if (Array.isArray(value)) for (let k = 0; k < value.length; k++) yield* numbersIn(value[k], `${path}[${k}]`);
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) yield* numbersIn(child, `${path}.${key}`);
}

/** Every string in a JSON-like value, with its path. */
export function* stringsIn(value: unknown, path = '$'): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (let k = 0; k < value.length; k++) yield* stringsIn(value[k], `${path}[${k}]`);
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) yield* stringsIn(child, `${path}.${key}`);
}
