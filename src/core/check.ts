// Problems found without running a cell, for diagnostics while typing.
import { MAX_CELL_CHARS } from './limits';
import { parseCell } from './parser';
import type { Token } from './lexer';
import type { Problem } from './types';

export interface CellAnalysis {
  /** Tokens for hovers and completion (none for a cell too large for the kernel). */
  tokens: Token[];
  /** What is wrong with the cell without running it. */
  problems: Problem[];
}

export function checkCell(source: string): Problem[] {
  return analyzeCell(source).problems;
}

/** One parse for editor features: the tokens (for hovers and completion) and the problems. */
export function analyzeCell(source: string): CellAnalysis {
  if (source.length > MAX_CELL_CHARS) {
    const problem: Problem = {
      line: 1,
      column: 1,
      length: 1,
      severity: 'error',
      message: `This cell has ${source.length} characters; the kernel reads at most ${MAX_CELL_CHARS} (MAX_CELL_CHARS).`,
    };
    return { tokens: [], problems: [problem] };
  }
  const { tokens, problems } = parseCell(source);
  return { tokens, problems };
}
