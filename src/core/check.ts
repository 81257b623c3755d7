// Problems found without running a cell, for diagnostics while typing.
import { MAX_CELL_CHARS } from './limits';
import { parseCell } from './parser';
import type { Problem } from './types';

export function checkCell(source: string): Problem[] {
  if (source.length > MAX_CELL_CHARS) {
    return [{ line: 1, column: 1, length: 1, severity: 'error', message: `This cell has ${source.length} characters; the kernel reads at most ${MAX_CELL_CHARS} (MAX_CELL_CHARS).` }];
  }
  return parseCell(source).problems;
}
