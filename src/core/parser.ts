// Reads a code cell's tokens into statements. Errors are collected, never thrown.
import { problemAt, tokenizeInSlices, type Token } from './lexer';
import { MAX_STATEMENT_TOKENS } from './limits';
import { impliedTolerance } from './numbers';
import { closest, didYouMean } from './suggest';
import type { GateSymbol, Problem } from './types';
import {
  DENSE_KEYS,
  GATE_KEYS,
  GATE_WORDS,
  NOTATIONS,
  STATE_ALIASES,
  STATEMENT_WORDS,
  VALUE_NAMES,
  type ValueName,
} from './vocabulary';

/** Where something is in the cell: 1-based line and column, length in characters. */
export interface Span {
  line: number;
  column: number;
  length: number;
}

export interface Value {
  /** 0: a number, 1: a vector [..], 2: a matrix [[..], ..]. */
  depth: 0 | 1 | 2;
  data: number | number[] | number[][];
  span: Span;
}

export interface Setting {
  key: string;
  keySpan: Span;
  value: Value;
}

export type Statement = { span: Span } & (
  | { type: 'assign'; target: 'x' | 'h' | 'c'; value: Value }
  | { type: 'gate'; gate: GateSymbol; settings: Setting[] }
  | { type: 'dense'; settings: Setting[] }
  | { type: 'step'; x?: Value }
  | { type: 'run'; xs: Value }
  | { type: 'expect'; name: ValueName; value: Value; tolerances: number[]; text: string }
  | { type: 'load'; path: string; pathSpan: Span }
  | { type: 'reset' }
  | { type: 'show'; what: ValueName }
  | { type: 'notation'; which: 'words' | 'symbols' }
);

export interface ParsedCell {
  statements: Statement[];
  problems: Problem[];
  tokens: Token[];
}

const spanOf = (token: Token): Span => ({ line: token.line, column: token.column, length: token.text.length });

/** A logical line: the tokens of one statement, or how many there were when too many to keep. */
type LogicalLine = { tokens: Token[]; overflow: number };

/**
 * Splits tokens into statements as the tokenizer reads them: a statement ends at a line break outside
 * brackets, so a matrix may span lines. Beyond MAX_STATEMENT_TOKENS a statement's tokens are only
 * counted, so a hostile cell costs the memory of one statement at most, not of all its tokens.
 */
class StatementSplitter {
  private current: Token[] = [];
  private overflow = 0;
  private depth = 0;
  private ready: LogicalLine[] = [];

  push(token: Token): void {
    if (token.kind === 'comment') return;
    if (token.kind === 'newline') {
      if (this.depth === 0 && this.current.length) this.flush();
      return;
    }
    if (token.text === '[') this.depth++;
    if (token.text === ']') this.depth = Math.max(0, this.depth - 1);
    if (this.current.length < MAX_STATEMENT_TOKENS) this.current.push(token);
    else this.overflow++;
  }

  end(): void {
    if (this.current.length) this.flush();
  }

  /** The statements completed since the last call. */
  take(): LogicalLine[] {
    const lines = this.ready;
    this.ready = [];
    return lines;
  }

  private flush(): void {
    this.ready.push({ tokens: this.current, overflow: this.overflow });
    this.current = [];
    this.overflow = 0;
  }
}

class LineReader {
  position = 0;
  constructor(
    readonly tokens: Token[],
    readonly problems: Problem[],
  ) {}

  peek(): Token | undefined {
    return this.tokens[this.position];
  }

  next(): Token | undefined {
    return this.tokens[this.position++];
  }

  get done(): boolean {
    return this.position >= this.tokens.length;
  }

  /** The last token read, or the line's last token, for errors about something missing. */
  get last(): Token {
    return this.tokens[Math.min(this.position, this.tokens.length) - 1] ?? this.tokens[0];
  }

  fail(at: Token | Span | undefined, message: string, suggestion?: string): undefined {
    const span = at ? ('text' in at ? spanOf(at) : at) : afterToken(this.last);
    this.problems.push(problemAt(span.line, span.column, span.length, message, suggestion));
    return undefined;
  }

  expectPunct(text: string, what: string): boolean {
    const token = this.peek();
    if (token?.text === text) {
      this.position++;
      return true;
    }
    this.fail(token, token ? `Expected ${what} but found "${token.text}".` : `Expected ${what} here.`);
    return false;
  }
}

function afterToken(token: Token): Span {
  return { line: token.line, column: token.column + token.text.length, length: 1 };
}

const MAX_DEPTH = 2;

/** number | [v, v, ...] | [[..], [..]]. Reports and returns undefined on a malformed value. */
function readValue(reader: LineReader, what: string): Value | undefined {
  const first = reader.peek();
  if (!first)
    return reader.fail(undefined, `Expected ${what} (a number, a vector [..] or a matrix [[..], [..]]) here.`);
  if (first.kind === 'number') {
    reader.next();
    return finiteNumber(reader, first) === undefined
      ? undefined
      : { depth: 0, data: Number(first.text), span: spanOf(first) };
  }
  if (first.text !== '[') {
    const hint =
      first.kind === 'word' && /^(inf|nan|infinity)$/i.test(first.text) ? ' Values must be finite numbers.' : '';
    reader.next();
    return reader.fail(
      first,
      `Expected ${what} (a number, a vector [..] or a matrix [[..], [..]]) but found "${first.text}".${hint}`,
    );
  }
  const data = readBracketed(reader, 1);
  if (data === undefined) return undefined;
  const end = reader.last;
  const span: Span =
    first.line === end.line
      ? { line: first.line, column: first.column, length: end.column + end.text.length - first.column }
      : { line: first.line, column: first.column, length: 1 };
  const depth = Array.isArray(data[0]) ? 2 : 1;
  if (depth === 2) {
    const rows = data as number[][];
    if (rows.some((row) => !Array.isArray(row)))
      return reader.fail(span, 'A matrix must have only rows [..], not numbers beside them.');
    const width = rows[0].length;
    const bad = rows.findIndex((row) => row.length !== width);
    if (bad >= 0)
      return reader.fail(
        span,
        `Every row of a matrix needs the same length: row 1 has ${width} values but row ${bad + 1} has ${rows[bad].length}.`,
      );
  } else if (data.some((item) => Array.isArray(item))) {
    return reader.fail(span, 'A vector must hold only numbers; a matrix must hold only rows.');
  }
  return { depth, data: data as number[] | number[][], span };
}

function finiteNumber(reader: LineReader, token: Token): number | undefined {
  const value = Number(token.text);
  if (!Number.isFinite(value))
    return reader.fail(token, `${token.text} is too large for a float64 (the largest is about 1.8e+308).`);
  return value;
}

/** Reads from just after '[' to the matching ']'. Depth is bounded, so hostile nesting can't recurse deeply. */
function readBracketed(reader: LineReader, depth: number): (number | number[])[] | undefined {
  const open = reader.next() as Token;
  const items: (number | number[])[] = [];
  if (reader.peek()?.text === ']') {
    reader.next();
    return reader.fail(open, 'Empty brackets: a vector needs at least one value.');
  }
  for (;;) {
    const token = reader.peek();
    if (!token) return reader.fail(open, 'This bracket is never closed.');
    if (token.text === '[') {
      if (depth >= MAX_DEPTH) return skipNested(reader, token);
      const row = readBracketed(reader, depth + 1);
      if (row === undefined) return undefined;
      items.push(row as number[]);
    } else if (token.kind === 'number') {
      reader.next();
      const value = finiteNumber(reader, token);
      if (value === undefined) return undefined;
      items.push(value);
    } else {
      return reader.fail(token, `Expected a number inside the brackets but found "${token.text}".`);
    }
    const separator = reader.next();
    if (separator?.text === ']') return items;
    if (separator?.text !== ',')
      return reader.fail(
        separator ?? open,
        separator ? `Expected "," or "]" but found "${separator.text}".` : 'This bracket is never closed.',
      );
    if (reader.peek()?.text === ']') {
      reader.next(); // a trailing comma, as Python allows
      return items;
    }
  }
}

function skipNested(reader: LineReader, at: Token): undefined {
  reader.position = reader.tokens.length;
  return reader.fail(at, 'Brackets nest deeper than a matrix allows (2 levels: [[..], [..]]).');
}

/** key = value pairs after `forget` … or `dense`. */
function readSettings(reader: LineReader, keys: readonly string[], owner: string): Setting[] | undefined {
  const settings: Setting[] = [];
  if (reader.done)
    return reader.fail(
      reader.last,
      `Give ${owner.replace(/^The /, 'the ')} something to set, e.g. ${keys
        .slice(0, 2)
        .map((k) => `${k} = 0.5`)
        .join('  ')}.`,
    );
  while (!reader.done) {
    const key = reader.next() as Token;
    if (key.kind !== 'word' || !keys.includes(key.text)) {
      const suggestion = key.kind === 'word' ? closest(key.text, keys) : undefined;
      return reader.fail(
        key,
        `${owner} has no "${key.text}"; it takes ${keys.join(', ')}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        suggestion,
      );
    }
    if (!reader.expectPunct('=', `"=" after ${key.text}`)) return undefined;
    const value = readValue(reader, `a value for ${key.text}`);
    if (!value) return undefined;
    settings.push({ key: key.text, keySpan: spanOf(key), value });
  }
  return settings;
}

function readName(reader: LineReader, statement: string): ValueName | undefined {
  const token = reader.next();
  const names = Object.keys(VALUE_NAMES);
  if (!token) return reader.fail(undefined, `${statement} needs a name: one of ${names.join(', ')}.`);
  if (token.kind === 'word' && Object.hasOwn(VALUE_NAMES, token.text)) return token.text as ValueName;
  const suggestion = token.kind === 'word' ? closest(token.text, names) : undefined;
  return reader.fail(
    token,
    `${statement} can't read "${token.text}"; it reads ${names.join(', ')}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
    suggestion,
  );
}

function statementSpan(tokens: Token[]): Span {
  const first = tokens[0];
  const lastOnLine = tokens.filter((t) => t.line === first.line).at(-1) as Token;
  return { line: first.line, column: first.column, length: lastOnLine.column + lastOnLine.text.length - first.column };
}

function readStatement(reader: LineReader, source: string): Statement | undefined {
  const head = reader.next() as Token;
  const span = statementSpan(reader.tokens);
  const word = head.text;
  if (head.kind !== 'word' || !(STATEMENT_WORDS as readonly string[]).includes(word)) {
    const suggestion = head.kind === 'word' ? closest(word, STATEMENT_WORDS) : undefined;
    const hint = suggestion
      ? ` Did you mean "${suggestion}"?`
      : ' A line starts with x, h, c, a gate (forget, input, candidate, output), dense, step, run, expect or load.';
    return reader.fail(head, `Unknown word "${word}".${hint}`, suggestion);
  }
  if (Object.hasOwn(STATE_ALIASES, word)) {
    if (!reader.expectPunct('=', `"=" after ${word}`)) return undefined;
    const value = readValue(reader, `a value for ${word}`);
    return value && { type: 'assign', target: STATE_ALIASES[word], value, span };
  }
  if (Object.hasOwn(GATE_WORDS, word)) {
    const settings = readSettings(reader, GATE_KEYS, `The ${word} gate`);
    return settings && { type: 'gate', gate: GATE_WORDS[word as keyof typeof GATE_WORDS], settings, span };
  }
  switch (word) {
    case 'dense': {
      const settings = readSettings(reader, [...DENSE_KEYS, 'W'], 'The dense layer');
      return (
        settings && { type: 'dense', settings: settings.map((s) => (s.key === 'W' ? { ...s, key: 'w' } : s)), span }
      );
    }
    case 'step': {
      if (reader.done) return { type: 'step', span };
      const x = readInputSetting(reader, word);
      return x && { type: 'step', x, span };
    }
    case 'run': {
      const xs = readInputSetting(reader, word);
      return xs && { type: 'run', xs, span };
    }
    case 'expect': {
      const name = readName(reader, 'expect');
      if (!name || !reader.expectPunct('=', `"=" after ${name}`)) return undefined;
      const valueStart = reader.position;
      const value = readValue(reader, `the value you expect for ${name}`);
      if (!value) return undefined;
      const literals = reader.tokens.slice(valueStart, reader.position).filter((t) => t.kind === 'number');
      // Each element is proven to the digits written for it, unless `within` says otherwise.
      let tolerances = literals.map((t) => impliedTolerance(t.text));
      const unbounded = literals.find((t) => !Number.isFinite(impliedTolerance(t.text)));
      if (!reader.done) {
        const within = reader.next() as Token;
        if (within.text !== 'within')
          return reader.fail(
            within,
            `Expected "within" and a tolerance after the value but found "${within.text}".${didYouMean(within.text, ['within'])}`,
            closest(within.text, ['within']),
          );
        const tol = reader.next();
        if (!tol || tol.kind !== 'number' || !(Number(tol.text) >= 0) || !Number.isFinite(Number(tol.text)))
          return reader.fail(tol, 'The tolerance after "within" must be a number ≥ 0, e.g. within 0.01.');
        tolerances = literals.map(() => Number(tol.text));
      } else if (unbounded) {
        return reader.fail(
          unbounded,
          `${unbounded.text} is written to no digit expect can check (its last digit is worth more than float64 holds): give a tolerance, e.g. within 0.01.`,
        );
      }
      // The statement as written, from its tokens: comments and line breaks never reach the text.
      const last = reader.tokens[reader.tokens.length - 1];
      const text = source.slice(head.offset, last.offset + last.text.length).replace(/\s+/g, ' ');
      return { type: 'expect', name, value, tolerances, text, span };
    }
    case 'load': {
      const path = reader.next();
      if (!path || path.kind !== 'string')
        return reader.fail(path, 'load needs a file name in quotes, e.g. load "weights.json".');
      return { type: 'load', path: path.text.slice(1, -1), pathSpan: spanOf(path), span };
    }
    case 'reset':
      return { type: 'reset', span };
    case 'show': {
      const what = readName(reader, 'show');
      return what && { type: 'show', what, span };
    }
    case 'notation': {
      const which = reader.next();
      if (which?.text === 'words' || which?.text === 'symbols') return { type: 'notation', which: which.text, span };
      const suggestion = which?.kind === 'word' ? closest(which.text, NOTATIONS) : undefined;
      return reader.fail(
        which,
        `notation is either "words" (short-term / long-term memory) or "symbols" (h_t, C_t).${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        suggestion,
      );
    }
  }
  return reader.fail(head, `Unknown word "${word}".`);
}

/** `x = value` after step or run. */
function readInputSetting(reader: LineReader, statement: string): Value | undefined {
  const key = reader.next() as Token | undefined;
  if (!key || key.text !== 'x') {
    const suggestion = key?.kind === 'word' ? closest(key.text, ['x']) : undefined;
    return reader.fail(
      key,
      statement === 'run'
        ? 'run needs the inputs, e.g. run x = [0, 0.5, 1].'
        : 'step takes an optional input, e.g. step x = 0.5.',
      suggestion,
    );
  }
  if (!reader.expectPunct('=', '"=" after x')) return undefined;
  return readValue(reader, statement === 'run' ? 'the inputs, one per step' : 'the input');
}

export function parseCell(source: string): ParsedCell {
  const parser = parseCellInSlices(source, Infinity);
  for (let step = parser.next(); ; step = parser.next()) if (step.done) return step.value;
}

export interface ParseOptions {
  /** Keep every token in the result, for editor features (hovers, completion). The kernel needs none. Default true. */
  keepTokens?: boolean;
}

/**
 * Parses with a yield every `sliceTokens` tokens or so, so the kernel can stay responsive on huge cells.
 * Statements are parsed as the tokenizer completes them, so (without keepTokens) a cell's tokens are
 * never all held at once: a 10 MB cell took 860 MB and slices of 480 ms (garbage collection) before.
 */
export function* parseCellInSlices(
  source: string,
  sliceTokens = 20_000,
  options: ParseOptions = {},
): Generator<void, ParsedCell> {
  const keepTokens = options.keepTokens ?? true;
  const tokens: Token[] = [];
  const splitter = new StatementSplitter();
  const scanner = tokenizeInSlices(source, sliceTokens * 4, (token) => {
    if (keepTokens) tokens.push(token);
    splitter.push(token);
  });
  const statements: Statement[] = [];
  const problems: Problem[] = []; // the parser's; the tokenizer's come first, as before
  let lexerProblems: Problem[] | undefined;
  let sinceYield = 0;
  while (!lexerProblems) {
    const scanned = scanner.next();
    if (scanned.done) {
      lexerProblems = scanned.value.problems;
      splitter.end();
    }
    for (const { tokens: line, overflow } of splitter.take()) {
      sinceYield += line.length;
      if (sinceYield >= sliceTokens) {
        yield;
        sinceYield = 0;
      }
      if (overflow) {
        const first = line[0];
        problems.push(
          problemAt(
            first.line,
            first.column,
            first.text.length,
            `This statement has ${line.length + overflow} tokens; one statement holds at most ${MAX_STATEMENT_TOKENS} (MAX_STATEMENT_TOKENS, about ${MAX_STATEMENT_TOKENS / 2} numbers). Split the run into several lines.`,
          ),
        );
        continue;
      }
      const reader = new LineReader(line, problems);
      const statement = readStatement(reader, source);
      if (!statement) continue;
      if (!reader.done) {
        const extra = reader.peek() as Token;
        reader.fail(
          extra,
          `Unexpected "${extra.text}" after the end of the statement. Put each statement on its own line.`,
        );
        continue;
      }
      statements.push(statement);
    }
    if (!lexerProblems) yield;
  }
  return { statements, problems: [...lexerProblems, ...problems], tokens };
}
