// Runs every code cell of a notebook in order and reports per cell, with file line numbers.
import { parseNotebook } from '../core/notebook';
import { Session, type SessionOptions } from '../core/session';
import type { SessionState } from '../core/snapshot';
import type { CellResult, LoadSummary, Problem, StepTrace } from '../core/types';

/** A problem as --json prints it: a 1-based file line, column and length. */
export interface Located {
  line: number;
  column: number;
  length: number;
  message: string;
}

export interface CellReport {
  index: number;
  line: number;
  ok: boolean;
  steps: StepTrace[];
  expects: { line: number; text: string; pass: boolean; actual: number[] | null; hint?: string }[];
  errors: Located[];
  /** What the cell's `load` read, when it ran one. */
  loaded?: LoadSummary;
  /** Not in --json: the full result, for the readable summary. */
  result: CellResult;
  /** Not in --json: the session's state before the cell ran, so an exported output can re-run it. */
  before: SessionState;
}

export interface FileReport {
  file: string;
  ok: boolean;
  cells: CellReport[];
  /** File-level warnings such as an unclosed fence or a fence that looks like code but is markdown. */
  warnings: Problem[];
  /** Why the file could not be read, in a learner's words; nothing ran then. */
  unreadable?: string;
}

/** A problem's cell-relative line made a file line: the cell's first code line is `cellLine`. */
const fileLine = (cellLine: number, line: number) => cellLine + line - 1;

const located = (problem: Problem, line: number): Located => ({
  line,
  column: problem.column,
  length: problem.length,
  message: problem.message,
});

const NO_CODE: Problem = {
  line: 1,
  column: 1,
  length: 1,
  severity: 'warning',
  message: 'This notebook has no code cells (```lstm fences), so nothing ran and nothing was checked.',
};

export function runNotebook(file: string, text: string, options: SessionOptions): FileReport {
  const doc = parseNotebook(text);
  const session = new Session(options);
  const cells: CellReport[] = [];
  doc.cells.forEach((cell, index) => {
    if (cell.kind !== 'code') return;
    const before = session.snapshot();
    const result = session.run(cell.source);
    cells.push({
      index,
      line: cell.line,
      ok: result.ok,
      steps: result.steps,
      expects: result.expects.map((e) => ({
        line: fileLine(cell.line, e.line),
        text: e.text,
        pass: e.pass,
        actual: e.actual,
        ...(e.hint ? { hint: e.hint } : {}),
      })),
      errors: result.errors.map((e) => located(e, fileLine(cell.line, e.line))),
      ...(result.loaded ? { loaded: result.loaded } : {}),
      result,
      before,
    });
  });
  // A notebook whose cells never ran must not pass a check.
  const warnings = cells.length ? doc.problems : [...doc.problems, NO_CODE];
  return { file, ok: cells.length > 0 && cells.every((c) => c.ok), cells, warnings };
}

/** The report of a file that could not be read. */
export function unreadable(file: string, why: string): FileReport {
  return { file, ok: false, cells: [], warnings: [], unreadable: why };
}

/** The object --json prints for one file: exactly the documented keys. */
export function toJson(report: FileReport): object {
  if (report.unreadable !== undefined) return { file: report.file, ok: false, error: report.unreadable, cells: [] };
  return {
    file: report.file,
    ok: report.ok,
    warnings: report.warnings.map((w) => located(w, w.line)),
    cells: report.cells.map(({ index, line, ok, steps, expects, errors, loaded }) => ({
      index,
      line,
      ok,
      ...(loaded ? { loaded } : {}),
      steps,
      expects,
      errors,
    })),
  };
}
