// The formatter behind Format Document / Format Cell and `lstm-notebook format`: re-spaces a code cell the
// way the lessons write it. It only moves spaces between tokens: every token keeps its text and its line,
// so numbers, strings, comments and what the kernel computes stay the same. A cell that does not parse is
// given back untouched.
import { tokenize, type Token } from './lexer';
import { parseCell } from './parser';
import { GATE_WORDS } from './vocabulary';

/** Gate and dense words are padded to the width of "candidate" and two spaces: forget     wx = … */
const WORD_COLUMN = 'candidate'.length + 2;
/** Spaces between the columns of a gate table, and before a key after a value on gate lines. */
const GAP = 2;
/** Extra space between the h columns and the x columns of a W written one row a line. */
const HX_GAP = 1;
/** Fewest spaces before a comment after code. */
const COMMENT_GAP = 2;

const isTableWord = (token: Token) => Object.hasOwn(GATE_WORDS, token.text) || token.text === 'dense';

/** One statement's tokens (no comments), and whether it sets weights. */
interface Statement {
  tokens: Token[];
  table: boolean;
}

/** Whether the formatter will touch the cell: only a cell without errors is formatted. */
export function canFormat(source: string): boolean {
  return parseCell(source).problems.length === 0;
}

/** The formatted cell; the input itself when it has a problem or is already formatted. */
export function formatCell(source: string): string {
  if (!canFormat(source)) return source;
  const { tokens } = tokenize(source);
  const parts = source.split(/(\r\n|\r|\n)/); // text, eol, text, eol, …, text
  const original = parts.filter((_, k) => k % 2 === 0);
  const comments = new Map<number, Token>();
  for (const token of tokens) if (token.kind === 'comment') comments.set(token.line, token);
  const code = renderCode(statementsOf(tokens));
  const lines = original.map((text, k) => {
    const line = k + 1;
    return code.get(line) ?? (comments.has(line) ? text.trimEnd() : '');
  });
  placeComments(lines, code, comments);
  return lines.map((text, k) => text + (parts[2 * k + 1] ?? '')).join('');
}

/** Statements as the parser splits them: a line break outside brackets ends one. */
function statementsOf(tokens: readonly Token[]): Statement[] {
  const statements: Statement[] = [];
  let current: Token[] = [];
  let depth = 0;
  const flush = () => {
    if (current.length) statements.push({ tokens: current, table: isTableWord(current[0]) });
    current = [];
  };
  for (const token of tokens) {
    if (token.kind === 'comment') continue;
    if (token.kind === 'newline') {
      if (depth === 0) flush();
      continue;
    }
    if (token.text === '[') depth++;
    if (token.text === ']') depth--;
    current.push(token);
  }
  flush();
  return statements;
}

/** The code text of every line that holds code, keyed by 1-based line. */
function renderCode(statements: readonly Statement[]): Map<number, string> {
  const code = new Map<number, string>();
  // Runs of gate lines on consecutive lines, one-line ones and ones holding a matrix written over lines.
  let block: Statement[] = [];
  let spread: Statement[] = [];
  const flush = () => {
    for (const [line, text] of [...gateTable(block), ...spreadGates(spread)]) code.set(line, text);
    block = [];
    spread = [];
  };
  for (const statement of statements) {
    const { tokens } = statement;
    const first = tokens[0].line;
    const last = tokens[tokens.length - 1].line;
    const previous = (first === last ? block : spread).at(-1)?.tokens;
    if (!statement.table || (previous && previous[previous.length - 1].line !== first - 1)) flush();
    if (statement.table) (first === last ? block : spread).push(statement);
    else for (const [line, text] of layout(tokens, '', 1, false)) code.set(line, text);
  }
  flush();
  return code;
}

/**
 * Gate lines whose matrix is written over several lines: the matrix rows aligned, and the settings after
 * it (usually b) starting in one column on every gate of the run, as lesson 5 writes them.
 */
function spreadGates(run: readonly Statement[]): Map<number, string> {
  const out = new Map<number, string>();
  const laid = run.map(({ tokens }) => {
    const settings = settingsOf(tokens.slice(1));
    let split = settings.length;
    while (split > 0 && settings[split - 1][0].line === settings[split - 1][settings[split - 1].length - 1].line)
      split--;
    const head = layout(settings.slice(0, split).flat(), tokens[0].text.padEnd(WORD_COLUMN), GAP, true);
    const tail = settings.slice(split).map((setting) => layout(setting, '', GAP, true).get(setting[0].line) ?? '');
    return { head, tail: tail.join(' '.repeat(GAP)), last: tokens[tokens.length - 1].line };
  });
  const column = Math.max(0, ...laid.map(({ head, last }) => (head.get(last) ?? '').length + GAP));
  for (const { head, tail, last } of laid) {
    for (const [line, text] of head) out.set(line, text);
    if (tail) out.set(last, (head.get(last) ?? '').padEnd(column) + tail);
  }
  return out;
}

/**
 * Consecutive one-line gate and dense statements as a table, as the lessons write them:
 *   forget     wx = 1.75   wh = 3.25   b = 1.40
 *   output     wx = -0.03  wh = 4.67   b = 0.50
 */
function gateTable(block: readonly Statement[]): Map<number, string> {
  const rows = block.map(({ tokens }) => ({
    line: tokens[0].line,
    word: tokens[0].text,
    cells: settingsOf(tokens.slice(1)).map((setting) => layout(setting, '', GAP, true).get(tokens[0].line) ?? ''),
  }));
  const widths: number[] = [];
  for (const row of rows) row.cells.forEach((cell, k) => (widths[k] = Math.max(widths[k] ?? 0, cell.length)));
  const table = new Map<number, string>();
  for (const row of rows) {
    const cells = row.cells.map((cell, k) => (k === row.cells.length - 1 ? cell : cell.padEnd(widths[k] + GAP)));
    table.set(row.line, row.word.padEnd(WORD_COLUMN) + cells.join(''));
  }
  return table;
}

/** A gate line's settings: each key with its "=" and value. */
function settingsOf(tokens: readonly Token[]): Token[][] {
  const settings: Token[][] = [];
  let depth = 0;
  for (const [k, token] of tokens.entries()) {
    if (depth === 0 && token.kind === 'word' && tokens[k + 1]?.text === '=') settings.push([]);
    if (token.text === '[') depth++;
    if (token.text === ']') depth--;
    settings[settings.length - 1]?.push(token);
  }
  return settings;
}

/**
 * Lays tokens out from `prefix`, keeping each on its line: one space around "=" and after ",", none inside
 * brackets, `keyGap` spaces before a key that follows a value. A line that continues a bracket starts just
 * inside it, and a matrix written one row a line gets its numbers aligned in columns.
 */
function layout(tokens: readonly Token[], prefix: string, keyGap: number, setsWeights: boolean): Map<number, string> {
  const out = new Map<number, string>();
  const pads = alignedMatrixPads(tokens, setsWeights);
  const open: number[] = [];
  let line = tokens[0]?.line ?? 1;
  let text = prefix;
  tokens.forEach((token, k) => {
    const previous = tokens[k - 1];
    if (previous && token.line !== previous.line) {
      out.set(line, text);
      line = token.line;
      const inside = open[open.length - 1] ?? 0;
      text = ' '.repeat(token.text === ']' ? inside : inside + 1);
    } else if (previous) {
      text += ' '.repeat(spaceBetween(previous, token, open.length === 0 ? keyGap : 1));
    }
    text += ' '.repeat(pads.get(k) ?? 0);
    if (token.text === '[') open.push(text.length);
    text += token.text;
    if (token.text === ']') open.pop();
  });
  out.set(line, text);
  return out;
}

function spaceBetween(a: Token, b: Token, keyGap: number): number {
  if (b.text === ',' || b.text === ']' || a.text === '[') return 0;
  if (b.kind === 'word' && (a.kind === 'number' || a.text === ']')) return keyGap;
  return 1;
}

/**
 * Spaces to put before each number of the matrices written one row a line, so columns line up on the
 * right (numpy's layout), with the h and x columns of a W set apart: W = [[0.5, -0.3,   1.0],
 *                                                                         [0.1,  0.8,  -0.5]]
 */
function alignedMatrixPads(tokens: readonly Token[], setsWeights: boolean): Map<number, number> {
  const pads = new Map<number, number>();
  for (let start = 0; start < tokens.length; start++) {
    if (tokens[start].text !== '[' || tokens[start + 1]?.text !== '[') continue;
    const rows = rowsOf(tokens, start);
    if (rows) {
      const isW = setsWeights && tokens[start - 2]?.text === 'W';
      padColumns(tokens, rows, isW && rows[0].length > rows.length ? rows.length : 0, pads);
    }
    start = closing(tokens, start);
  }
  return pads;
}

/** The number indices of each row of the matrix opening at `start`, when every row is a line of its own. */
function rowsOf(tokens: readonly Token[], start: number): number[][] | undefined {
  const rows: number[][] = [];
  let k = start + 1;
  while (tokens[k]?.text === '[') {
    const open = k;
    const end = closing(tokens, open);
    if (tokens[end].line !== tokens[open].line) return undefined;
    if (rows.length && tokens[open - 1].line === tokens[open].line) return undefined;
    const row: number[] = [];
    for (let n = open + 1; n < end; n++) if (tokens[n].kind === 'number') row.push(n);
    rows.push(row);
    k = end + 1;
    if (tokens[k]?.text === ',') k++;
  }
  return rows.length >= 2 ? rows : undefined;
}

function padColumns(tokens: readonly Token[], rows: number[][], hxSplit: number, pads: Map<number, number>): void {
  const widths: number[] = [];
  for (const row of rows) row.forEach((n, col) => (widths[col] = Math.max(widths[col] ?? 0, tokens[n].text.length)));
  for (const row of rows)
    row.forEach((n, col) =>
      pads.set(n, widths[col] - tokens[n].text.length + (col > 0 && col === hxSplit ? HX_GAP : 0)),
    );
}

/** The index of the "]" that closes the "[" at `open` (the parser has checked they balance). */
function closing(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    if (tokens[k].text === '[') depth++;
    if (tokens[k].text === ']' && --depth === 0) return k;
  }
  return tokens.length - 1;
}

/**
 * Comments after code keep their column when the code still fits before it, and move right together
 * with the comments aligned with them on the lines around it when it does not.
 */
function placeComments(lines: string[], code: Map<number, string>, comments: Map<number, Token>): void {
  const trailing = [...comments]
    .flatMap(([line, comment]) => {
      const text = code.get(line);
      return text === undefined ? [] : [{ line, comment, code: text }];
    })
    .sort((a, b) => a.line - b.line);
  for (let k = 0; k < trailing.length;) {
    const { column } = trailing[k].comment;
    let end = k + 1;
    while (
      end < trailing.length &&
      trailing[end].line === trailing[end - 1].line + 1 &&
      trailing[end].comment.column === column
    )
      end++;
    const group = trailing.slice(k, end);
    const at = Math.max(column - 1, ...group.map((item) => item.code.length + COMMENT_GAP));
    for (const item of group) lines[item.line - 1] = item.code.padEnd(at) + item.comment.text.trimEnd();
    k = end;
  }
}
