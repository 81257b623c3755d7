// How a statement stops its cell: `fail` throws a CellError carrying the problem, which the session
// catches and reports at that statement. It never leaves the core.
import { problemAt } from './lexer';
import type { Span } from './lineReader';
import type { Problem } from './types';

export class CellError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

/** A declared function (not an arrow), so that TypeScript narrows after a call to it. */
export function fail(span: Span, message: string, suggestion?: string): never {
  throw new CellError(problemAt(span.line, span.column, span.length, message, suggestion));
}
