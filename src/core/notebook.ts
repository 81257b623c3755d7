// The `.lstm` file format: CommonMark text in which each top-level ```lstm fence is a code cell and the
// text between code cells is markdown. See docs/format.md. print(parse(text)) === text for every input.
import { dominantEol, normalizeEol, splitLines, type SourceLine } from './lines';
import type { Problem } from './types';

export type CellKind = 'markdown' | 'code';

/** Where a cell came from, so an unedited cell is written back byte for byte. Plain JSON. */
export interface CellLayout {
  /** The exact slice of the file the cell was read from. */
  text: string;
  /** The source the slice produced; if the cell still has it, `text` is written back. */
  source: string;
  kind: CellKind;
  /** Kind of the cell before it in the file ('none' for the first), since a slice only fits that context. */
  previous: CellKind | 'none';
}

export interface NotebookCell {
  kind: CellKind;
  /** What the user edits: '\n' line ends, no fences, no surrounding blank lines. */
  source: string;
  /** 1-based file line of the source's first line (0 for cells not read from a file). */
  line: number;
  layout?: CellLayout;
}

export interface NotebookDoc {
  cells: NotebookCell[];
  /** '\uFEFF' when the file started with a byte order mark. */
  bom: string;
  /** Line ending for newly written text: the file's most used one. */
  eol: string;
  /** Text that belongs to no cell: a file of blank lines only. */
  trailing: string;
  problems: Problem[];
}

/** A line `<!-- cell -->` separates two markdown cells; markdown viewers show nothing for it. */
const CELL_SEPARATOR = '<!-- cell -->';

interface Fence {
  char: '`' | '~';
  length: number;
  info: string;
  indent: number;
}

function openingFence(line: string): Fence | undefined {
  // [\s\S]: a line here never holds \n or \r, but may hold U+2028/U+2029, which "." does not match.
  const match = /^( {0,3})(`{3,}|~{3,})([\s\S]*)$/.exec(line);
  if (!match) return undefined;
  const char = match[2].startsWith('~') ? '~' : '`';
  const info = match[3].trim();
  if (char === '`' && info.includes('`')) return undefined;
  return { char, length: match[2].length, info, indent: match[1].length };
}

function closesFence(line: string, fence: Fence): boolean {
  const match = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
  return !!match && match[1][0] === fence.char && match[1].length >= fence.length;
}

/** A code cell opens at the line start with the info string lstm, in any case (```LSTM runs too). */
function isCodeCellFence(fence: Fence | undefined): fence is Fence {
  return !!fence && fence.indent === 0 && fence.info.toLowerCase() === 'lstm';
}

/**
 * Why a fence that looks like a code cell is markdown, or undefined when it does not look like one:
 * indented (the way a markdown cell shows a code example), or with more after lstm.
 */
function lookalikeWarning(fence: Fence): string | undefined {
  const words = fence.info.split(/\s+/);
  if (words[0].toLowerCase() !== 'lstm') return undefined;
  const opened = fence.char.repeat(fence.length) + fence.info;
  if (fence.indent > 0)
    return `This ${opened} fence is indented, so it is markdown and never runs. Start it at the beginning of the line to make it a code cell.`;
  if (words.length > 1)
    return `This ${opened} fence has more than "lstm" after it, so it is markdown and never runs. Write just ${fence.char.repeat(fence.length)}lstm to make it a code cell.`;
  return undefined;
}

function isSeparator(line: string): boolean {
  return line.trimEnd() === CELL_SEPARATOR;
}

/** Line range [from, to) of a cell's own lines (fences included for code). */
type Segment = { from: number; to: number } & ({ kind: 'markdown' } | { kind: 'code'; fence: Fence; closed: boolean });

/** Finds code cells and markdown runs, the way a CommonMark reader would see the fences. */
function segment(lines: readonly SourceLine[], problems: Problem[]): Segment[] {
  const segments: Segment[] = [];
  let markdownFrom = 0;
  let openMarkdownFence: Fence | undefined;
  const flushMarkdown = (to: number) => {
    if (to > markdownFrom) segments.push({ kind: 'markdown', from: markdownFrom, to });
  };
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    if (openMarkdownFence) {
      if (closesFence(text, openMarkdownFence)) openMarkdownFence = undefined;
      continue;
    }
    const fence = openingFence(text);
    if (isCodeCellFence(fence)) {
      let close = i + 1;
      while (close < lines.length && !closesFence(lines[close].text, fence)) close++;
      flushMarkdown(i);
      const closed = close < lines.length;
      segments.push({ kind: 'code', fence, from: i, to: closed ? close + 1 : lines.length, closed });
      i = close;
      markdownFrom = close + 1;
    } else if (fence) {
      openMarkdownFence = fence;
      const warning = lookalikeWarning(fence);
      if (warning)
        problems.push({ line: i + 1, column: 1, length: text.length, severity: 'warning', message: warning });
    } else if (isSeparator(text) && i > markdownFrom) {
      flushMarkdown(i);
      markdownFrom = i;
    }
  }
  flushMarkdown(lines.length);
  return segments;
}

const isBlank = (line: SourceLine) => line.text.trim() === '';

function joinLines(lines: readonly SourceLine[], from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i++) text += lines[i].text + lines[i].eol;
  return text;
}

/** Source lines of a slice: without a final line end, with '\n' line ends. */
function sourceOf(lines: readonly SourceLine[], from: number, to: number): string {
  const parts: string[] = [];
  for (let i = from; i < to; i++) parts.push(lines[i].text);
  return normalizeEol(parts.join('\n'));
}

export function parseNotebook(text: string): NotebookDoc {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const lines = splitLines(text.slice(bom.length));
  const doc: NotebookDoc = { cells: [], bom, eol: dominantEol(lines), trailing: '', problems: [] };
  let pending = ''; // blank text waiting for the next cell to own it
  for (const seg of segment(lines, doc.problems)) {
    const slice = joinLines(lines, seg.from, seg.to);
    if (seg.kind === 'markdown') {
      let from = seg.from;
      const separated = isSeparator(lines[from].text);
      if (separated) from++;
      let to = seg.to;
      while (from < to && isBlank(lines[from])) from++;
      while (to > from && isBlank(lines[to - 1])) to--;
      if (from === to && !separated) {
        pending += slice;
        continue;
      }
      addCell(doc, 'markdown', sourceOf(lines, from, to), from + 1, pending + slice);
    } else {
      const fence = seg.fence;
      const bodyTo = seg.closed ? seg.to - 1 : seg.to;
      addCell(doc, 'code', sourceOf(lines, seg.from + 1, bodyTo), seg.from + 2, pending + slice);
      if (!seg.closed) {
        doc.problems.push({
          line: seg.from + 1,
          column: 1,
          length: lines[seg.from].text.length,
          severity: 'warning',
          message: `This code cell's fence ${fence.char.repeat(fence.length)}${fence.info} is never closed, so the cell runs to the end of the file.`,
        });
      }
    }
    pending = '';
  }
  const last = doc.cells.at(-1);
  if (last?.layout) last.layout.text += pending;
  else doc.trailing = pending;
  return doc;
}

function addCell(doc: NotebookDoc, kind: CellKind, source: string, line: number, text: string) {
  const previous = doc.cells.at(-1)?.kind ?? 'none';
  doc.cells.push({ kind, source, line, layout: { text, source, kind, previous } });
}

/** A fence longer than any backtick run that starts a line of the source, so the source can't close it. */
function fenceFor(source: string): string {
  let longest = 2;
  for (const match of source.matchAll(/^ {0,3}(`{3,})/gm)) longest = Math.max(longest, match[1].length);
  return '`'.repeat(longest + 1);
}

/** Markdown lines that would start a code cell or a new markdown cell get one space, which CommonMark ignores. */
function protectMarkdown(source: string): string {
  let open: Fence | undefined;
  const lines = source.split('\n').map((line) => {
    if (open) {
      if (closesFence(line, open)) open = undefined;
      return line;
    }
    const fence = openingFence(line);
    if (isSeparator(line)) return ' ' + line;
    if (fence) open = fence; // indented by one space, an lstm fence is still a CommonMark fence
    return isCodeCellFence(fence) ? ' ' + line : line;
  });
  // A fence left open would swallow the cells after it.
  if (open) lines.push(open.char.repeat(open.length));
  return lines.join('\n');
}

function withEol(source: string, eol: string): string {
  return source.replace(/\n/g, eol);
}

/** Writes a cell that has no usable original text, in the canonical layout. */
function freshText(cell: NotebookCell, previous: CellKind | 'none', eol: string, afterBlankLine: boolean): string {
  const gap = previous === 'none' || afterBlankLine ? '' : eol;
  if (cell.kind === 'code') {
    const fence = fenceFor(cell.source);
    const body = cell.source === '' ? '' : withEol(cell.source, eol) + eol;
    return `${gap}${fence}lstm${eol}${body}${fence}${eol}`;
  }
  // Two markdown cells in a row, or an empty one, need the separator line to exist on their own.
  const blank = cell.source.trim() === '';
  // A first cell starting with U+FEFF would be read back as a byte order mark: the separator line goes first.
  const leadingBom = previous === 'none' && cell.source.startsWith('\uFEFF');
  const separator = previous === 'markdown' || blank || leadingBom ? CELL_SEPARATOR + eol : '';
  const body = blank ? '' : withEol(protectMarkdown(cell.source), eol) + eol;
  return `${previous === 'code' ? gap : ''}${separator}${body}`;
}

/** Whether the text ends with a blank line (so a fresh cell needs no gap line of its own). */
function endsWithBlankLine(text: string): boolean {
  const beforeLastEol = text.replace(/(\r\n|\r|\n)$/, '');
  return beforeLastEol !== text && /(^|\r\n|\r|\n)[ \t]*$/.test(beforeLastEol);
}

export function printNotebook(doc: NotebookDoc): string {
  // Parts joined once at the end, and only the last part looked at: testing the whole output with a
  // regex after every cell flattened it each time, quadratic in its size (14 s for a 10 MB notebook).
  // Every part starts at a line start, so the last one tells whether the output ends a line or a blank line.
  const parts: string[] = [doc.bom];
  let last = '';
  let previous: CellKind | 'none' = 'none';
  for (const cell of doc.cells) {
    const layout = cell.layout;
    const atLineStart = parts.length === 1 || /[\r\n]$/.test(last);
    const reusable =
      layout &&
      layout.kind === cell.kind &&
      layout.source === cell.source &&
      layout.previous === previous &&
      atLineStart;
    if (reusable) {
      last = layout.text;
    } else {
      const gap = atLineStart ? '' : doc.eol;
      last = gap + freshText(cell, previous, doc.eol, endsWithBlankLine(last + gap));
    }
    parts.push(last);
    previous = cell.kind;
  }
  parts.push(doc.trailing);
  return parts.join('');
}
