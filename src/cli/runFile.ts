// Runs every code cell of a notebook in order and reports per cell, with file line numbers.
import { parseNotebook } from '../core/notebook';
import { Session, type SessionOptions } from '../core/session';
import type { CellResult, Problem, StepTrace } from '../core/types';

export interface CellReport {
  index: number;
  line: number;
  ok: boolean;
  steps: Omit<StepTrace, 'fc' | 'ig' | 'tanh_c'>[];
  expects: { line: number; text: string; pass: boolean; actual: number[] | null }[];
  errors: { line: number; column: number; message: string }[];
  /** Not in --json: the full result, for the readable summary. */
  result: CellResult;
}

export interface FileReport {
  file: string;
  ok: boolean;
  cells: CellReport[];
  /** Not in --json: file-level warnings such as an unclosed fence. */
  warnings: Problem[];
}

/** A problem's cell-relative line made a file line: the cell's first code line is `cellLine`. */
const fileLine = (cellLine: number, line: number) => cellLine + line - 1;

export function runNotebook(file: string, text: string, options: SessionOptions): FileReport {
  const doc = parseNotebook(text);
  const session = new Session(options);
  const cells: CellReport[] = [];
  doc.cells.forEach((cell, index) => {
    if (cell.kind !== 'code') return;
    const result = session.run(cell.source);
    cells.push({
      index,
      line: cell.line,
      ok: result.ok,
      steps: result.steps.map(({ fc: _fc, ig: _ig, tanh_c: _tanh, ...step }) => step),
      expects: result.expects.map((e) => ({
        line: fileLine(cell.line, e.line),
        text: e.text,
        pass: e.pass,
        actual: e.actual,
      })),
      errors: result.errors.map((e) => ({ line: fileLine(cell.line, e.line), column: e.column, message: e.message })),
      result,
    });
  });
  return { file, ok: cells.every((c) => c.ok), cells, warnings: doc.problems };
}

/** The object --json prints for one file: exactly the documented keys. */
export function toJson(report: FileReport): object {
  return {
    file: report.file,
    ok: report.ok,
    cells: report.cells.map(({ index, line, ok, steps, expects, errors }) => ({
      index,
      line,
      ok,
      steps,
      expects,
      errors,
    })),
  };
}
