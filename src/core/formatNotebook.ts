// Formats every code cell of a .lstm file in place in its text: only the lines of code cells change, each
// keeping its own line end, so fences, markdown, a byte order mark and CRLF or mixed line ends stay as they were.
import { canFormat, formatCell } from './formatCell';
import { splitLines } from './lines';
import { parseNotebook } from './notebook';

export interface FormattedNotebook {
  text: string;
  /** 1-based file lines of the code cells left as they were because they have errors. */
  skipped: number[];
}

export function formatNotebook(text: string): FormattedNotebook {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const lines = splitLines(text.slice(bom.length));
  const skipped: number[] = [];
  for (const cell of parseNotebook(text).cells) {
    if (cell.kind !== 'code' || cell.source === '') continue;
    const from = cell.line - 1;
    const count = cell.source.split('\n').length;
    if (!canFormat(cell.source)) {
      skipped.push(cell.line);
      continue;
    }
    const formatted = formatCell(cell.source).split('\n');
    // The formatter keeps every line where it is; anything else would be a bug, so nothing is written then.
    if (formatted.length !== count)
      throw new Error(`formatCell changed the line count of the cell at line ${cell.line}`);
    formatted.forEach((line, k) => (lines[from + k] = { ...lines[from + k], text: line }));
  }
  return { text: bom + lines.map((line) => line.text + line.eol).join(''), skipped };
}
