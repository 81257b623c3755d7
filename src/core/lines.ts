// Line bookkeeping shared by the notebook format and the cell language.

export interface SourceLine {
  /** The line without its terminator. */
  text: string;
  /** '\n', '\r\n', '\r' or '' for the last line. */
  eol: string;
  /** Offset of the line's first character in the whole text. */
  start: number;
}

/** Splits text into lines, keeping each terminator, so joining text + eol gives the input back. */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  const pattern = /\r\n|\r|\n/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push({ text: text.slice(start, match.index), eol: match[0], start });
    start = match.index + match[0].length;
  }
  if (start < text.length || lines.length === 0) lines.push({ text: text.slice(start), eol: '', start });
  return lines;
}

/** The line ending used most, '\n' when there is none. */
export function dominantEol(lines: readonly SourceLine[]): string {
  const counts = new Map<string, number>();
  for (const line of lines) if (line.eol) counts.set(line.eol, (counts.get(line.eol) ?? 0) + 1);
  let best = '\n';
  let bestCount = 0;
  for (const [eol, count] of counts) if (count > bestCount) [best, bestCount] = [eol, count];
  return best;
}

export function normalizeEol(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
