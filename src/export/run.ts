// The one "run the notebook" step every exporter starts from: every code cell in order, as
// `lstm-notebook run` does (src/cli/runFile.ts), with the markdown cells kept in place between them.
import { runNotebook, type CellReport } from '../cli/runFile';
import { parseNotebook } from '../core/notebook';
import type { SessionOptions } from '../core/session';
import type { SessionState } from '../core/snapshot';
import type { CellResult } from '../core/types';

export type ExportCell =
  | { kind: 'markdown'; source: string }
  | {
      kind: 'code';
      source: string;
      /** 1, 2, … in run order, like Jupyter's execution count. */ count: number;
      result: CellResult;
      /** The session's state before the cell ran: an exported output re-runs the cell from it as a number is dragged. */
      before: SessionState;
    };

export interface RanNotebook {
  /** The file's name without its folder or extension, for titles. */
  name: string;
  cells: ExportCell[];
  ok: boolean;
}

/** What an exporter is given: the notebook's text and how `load` reads files (already read, or refused). */
export interface ExportInput extends SessionOptions {
  /** The file name or path, for the title and default names only. */
  file: string;
  text: string;
}

export function runForExport(input: ExportInput): RanNotebook {
  const { file, text, ...options } = input;
  const doc = parseNotebook(text);
  const report = runNotebook(file, text, options);
  const byIndex = new Map<number, CellReport>(report.cells.map((cell) => [cell.index, cell]));
  let count = 0;
  const cells = doc.cells.map((cell, index): ExportCell => {
    if (cell.kind === 'markdown') return { kind: 'markdown', source: cell.source };
    const ran = byIndex.get(index);
    if (!ran) throw new Error(`code cell ${index} did not run`); // runNotebook runs every code cell
    return { kind: 'code', source: cell.source, count: ++count, result: ran.result, before: ran.before };
  });
  return { name: baseName(file), cells, ok: report.ok };
}

function baseName(file: string): string {
  const last = file.split(/[\\/]/).pop() ?? file;
  return last.replace(/\.lstm$/i, '') || 'notebook';
}
