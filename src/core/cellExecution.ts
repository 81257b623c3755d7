// A cell run in slices, so a long run can yield to the host and be interrupted between time steps.
import { CellError } from './cellError';
import { problemAt } from './lexer';
import type { CellResult, Problem } from './types';

/** A cell being executed in slices so long runs can yield and be interrupted. */
export interface CellExecution {
  /** Runs until done or until `budgetMs` has passed; returns true when the cell has finished. */
  advance(budgetMs: number): boolean;
  /** Stops the cell; the result then reports an "interrupted" error. */
  cancel(): void;
  /** The result so far (final once advance returned true). */
  readonly result: CellResult;
}

/**
 * Drives `work` (one yield per time step) until it ends, throws or is cancelled; then `finish` completes
 * `result` once, with the problem that stopped the cell, if any.
 */
export function sliced(work: Generator<void>, result: CellResult, finish: (problem?: Problem) => void): CellExecution {
  let finished = false;
  const end = (problem?: Problem) => {
    if (finished) return;
    finished = true;
    finish(problem);
  };
  return {
    result,
    cancel: () => end(problemAt(1, 1, 1, 'Interrupted: the cell was stopped before it finished.')),
    advance: (budgetMs: number) => {
      if (finished) return true;
      const deadline = Date.now() + budgetMs;
      try {
        for (;;) {
          if (work.next().done) break;
          if (Date.now() >= deadline) return false;
        }
        end();
      } catch (error) {
        end(
          error instanceof CellError
            ? error.problem
            : problemAt(1, 1, 1, `Internal error, please report it: ${String(error)}`),
        );
      }
      return true;
    },
  };
}
