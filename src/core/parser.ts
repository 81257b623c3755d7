// Reads a code cell's tokens into statements. Errors are collected, never thrown.
import { problemAt, tokenizeInSlices, type Token } from './lexer';
import { LineReader, spanOf, type Span } from './lineReader';
import { reportComma, unquotedPath } from './mistakes';
import { impliedTolerance, literalValue } from './numbers';
import { StatementSplitter, tooLong } from './statementSplitter';
import { outerLength, readValue, type Value } from './values';
import { closest, didYouMean } from './suggest';
import type { GateSymbol, Problem } from './types';
import {
  DENSE_KEYS,
  GATE_KEYS,
  GATE_WORDS,
  isKeyOf,
  isStatementWord,
  NOTATIONS,
  STATE_ALIASES,
  STATEMENT_WORDS,
  VALUE_NAMES,
  type ValueName,
} from './vocabulary';

export type { Span } from './lineReader';
export type { Value } from './values';

interface Setting<Key extends string> {
  key: Key;
  keySpan: Span;
  value: Value;
}

/** `layer N …` before a gate, h, c, expect or show: which layer of a stacked model it is about (0 reads x). */
export interface LayerRef {
  layer?: { index: number; span: Span };
}

export type Statement = { span: Span } & LayerRef &
  (
    | { type: 'assign'; target: 'x' | 'h' | 'c'; value: Value }
    | { type: 'gate'; gate: GateSymbol; settings: Setting<(typeof GATE_KEYS)[number]>[] }
    | { type: 'dense'; settings: Setting<(typeof DENSE_KEYS)[number]>[] }
    | { type: 'step'; x?: Value }
    | { type: 'run'; xs: Value }
    | { type: 'expect'; name: ValueName; value: Value; tolerances: number[]; text: string }
    | { type: 'load'; path: string; pathSpan: Span; lstm?: string; head?: string | null }
    | { type: 'reset' }
    | { type: 'show'; what: ValueName }
    | { type: 'notation'; which: 'words' | 'symbols' }
  );

/** How many steps a statement runs: 1 for step, one per element (or row) of run's inputs, else 0. */
export const stepsOf = (s: Statement): number => (s.type === 'step' ? 1 : s.type === 'run' ? outerLength(s.xs) : 0);

export interface ParsedCell {
  statements: Statement[];
  problems: Problem[];
  tokens: Token[];
}

/** Whether two keys of one line set the same weights: the same key, or W with a part of it (or dense's w). */
function overlaps(a: string, b: string): boolean {
  if (a === b) return true;
  const pair = [a, b].sort().join(' ');
  return pair === 'W wh' || pair === 'W wx' || pair === 'W w';
}

/** "forget wx = 0.5 wh = 0.5" for the owner "The forget gate". */
function exampleSettings(owner: string, keys: readonly string[]): string {
  const word = owner.split(' ')[1];
  return `${word} ${keys
    .slice(0, 2)
    .map((k) => `${k} = 0.5`)
    .join(' ')}`;
}

/** key = value pairs after `forget` … or `dense`. */
function readSettings<Key extends string>(
  reader: LineReader,
  keys: readonly Key[],
  owner: string,
): Setting<Key>[] | undefined {
  const settings: Setting<Key>[] = [];
  if (reader.done)
    return reader.fail(
      reader.last,
      `Give ${owner.replace(/^The /, 'the ')} something to set, e.g. ${exampleSettings(owner, keys)}.`,
    );
  for (let key = reader.next(); key; key = reader.next()) {
    if (key.text === ',' && settings.length)
      return reader.fail(key, `Separate the keys with spaces, not commas, e.g. ${exampleSettings(owner, keys)}.`);
    const known = key.kind === 'word' ? keys.find((k) => k === key.text) : undefined;
    if (!known) {
      const suggestion = key.kind === 'word' ? closest(key.text, keys) : undefined;
      return reader.fail(
        key,
        `${owner} has no "${key.text}"; it takes ${keys.join(', ')}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        suggestion,
      );
    }
    const clash = settings.find((s) => overlaps(s.key, key.text));
    if (clash)
      return reader.fail(
        key,
        clash.key === key.text
          ? `${key.text} is set twice on this line; keep one (the second would silently replace the first).`
          : `${clash.key} and ${key.text} set the same weights; keep one of them on this line.`,
      );
    if (!reader.expectPunct('=', `"=" after ${key.text}`)) return undefined;
    const value = readValue(reader, `a value for ${key.text}`);
    if (!value) return undefined;
    settings.push({ key: known, keySpan: spanOf(key), value });
  }
  return settings;
}

function readName(reader: LineReader, statement: string): ValueName | undefined {
  const token = reader.next();
  const names = Object.keys(VALUE_NAMES);
  if (!token) return reader.fail(undefined, `${statement} needs a name: one of ${names.join(', ')}.`);
  if (token.kind === 'word' && isKeyOf(VALUE_NAMES, token.text)) return token.text;
  const suggestion = token.kind === 'word' ? closest(token.text, names) : undefined;
  return reader.fail(
    token,
    `${statement} can't read "${token.text}"; it reads ${names.join(', ')}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
    suggestion,
  );
}

function statementSpan(tokens: Token[]): Span {
  const first = tokens[0];
  let lastOnLine = first;
  for (const token of tokens) if (token.line === first.line) lastOnLine = token;
  return { line: first.line, column: first.column, length: lastOnLine.column + lastOnLine.text.length - first.column };
}

function readStatement(reader: LineReader, source: string): Statement | undefined {
  const head = reader.next();
  if (!head) return undefined; // the splitter gives no empty statements
  const span = statementSpan(reader.tokens);
  const word = head.text;
  if (head.kind !== 'word' || !isStatementWord(word)) {
    const suggestion = head.kind === 'word' ? closest(word, STATEMENT_WORDS) : undefined;
    const hint = suggestion
      ? ` Did you mean "${suggestion}"?`
      : ' A line starts with x, h, c, a gate (forget, input, candidate, output), dense, step, run, expect or load.';
    return reader.fail(head, `Unknown word "${word}".${hint}`, suggestion);
  }
  if (isKeyOf(STATE_ALIASES, word)) {
    if (!reader.expectPunct('=', `"=" after ${word}`)) return undefined;
    const value = readValue(reader, `a value for ${word}`);
    return value && { type: 'assign', target: STATE_ALIASES[word], value, span };
  }
  if (isKeyOf(GATE_WORDS, word)) {
    const settings = readSettings(reader, GATE_KEYS, `The ${word} gate`);
    return settings && { type: 'gate', gate: GATE_WORDS[word], settings, span };
  }
  switch (word) {
    case 'layer':
      return readLayered(reader, source, head);
    case 'dense': {
      const settings = readSettings(reader, [...DENSE_KEYS, 'W' as const], 'The dense layer');
      return (
        settings && { type: 'dense', settings: settings.map((s) => ({ ...s, key: s.key === 'W' ? 'w' : s.key })), span }
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
      const layer = optionalLayer(reader);
      if (layer === false) return undefined;
      const name = readName(reader, 'expect');
      if (!name || !reader.expectPunct('=', `"=" after ${name}`)) return undefined;
      const valueStart = reader.position;
      const value = readValue(reader, `the value you expect for ${name}`);
      if (!value) return undefined;
      const literals = reader.tokens.slice(valueStart, reader.position).filter((t) => t.kind === 'number');
      // Each element is proven to the digits written for it, unless `within` says otherwise.
      let tolerances = literals.map((t) => impliedTolerance(t.text));
      const unbounded = literals.find((t) => !Number.isFinite(impliedTolerance(t.text)));
      const within = reader.next();
      if (within) {
        if (within.text !== 'within')
          return reader.fail(
            within,
            `Expected "within" and a tolerance after the value but found "${within.text}".${didYouMean(within.text, ['within'])}`,
            closest(within.text, ['within']),
          );
        const tol = reader.next();
        if (!tol || tol.kind !== 'number' || !(literalValue(tol.text) >= 0) || !Number.isFinite(literalValue(tol.text)))
          return reader.fail(tol, 'The tolerance after "within" must be a number ≥ 0, e.g. within 0.01.');
        tolerances = literals.map(() => literalValue(tol.text));
      } else if (unbounded) {
        return reader.fail(
          unbounded,
          `${unbounded.text} is written to no digit expect can check (its last digit is worth more than float64 holds): give a tolerance, e.g. within 0.01.`,
        );
      }
      // The statement as written, from its tokens: comments and line breaks never reach the text.
      const last = reader.tokens[reader.tokens.length - 1];
      const text = source.slice(head.offset, last.offset + last.text.length).replace(/\s+/g, ' ');
      return { type: 'expect', name, value, tolerances, text, span, ...(layer ? { layer } : {}) };
    }
    case 'load': {
      const path = reader.next();
      if (path && path.kind !== 'string') return unquotedPath(reader, source);
      if (!path) return reader.fail(path, 'load needs a file name in quotes, e.g. load "weights.json".');
      return readLoadChoice(reader, { type: 'load', path: path.text.slice(1, -1), pathSpan: spanOf(path), span });
    }
    case 'reset':
      return { type: 'reset', span };
    case 'show': {
      const layer = optionalLayer(reader);
      if (layer === false) return undefined;
      const what = readName(reader, 'show');
      return what && { type: 'show', what, span, ...(layer ? { layer } : {}) };
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
}

/** `layer N` (0 the bottom layer, which reads x): the layer a statement is about. */
function readLayerNumber(reader: LineReader, head: Token): LayerRef['layer'] {
  const number = reader.next();
  if (!number || number.kind !== 'number' || !/^\d+$/.test(number.text))
    return reader.fail(
      number,
      'layer needs a layer number, 0 for the bottom one (it reads x), e.g. expect layer 0 h = 0.5.',
    );
  return {
    index: Number(number.text),
    span: { ...spanOf(head), length: number.column + number.text.length - head.column },
  };
}

/** `layer N` before a gate, h or c: `layer 1 forget b = 0.5`, `layer 0 h = [0, 0]`. */
function readLayered(reader: LineReader, source: string, head: Token): Statement | undefined {
  const layer = readLayerNumber(reader, head);
  if (!layer) return undefined;
  const next = reader.peek();
  if (!next)
    return reader.fail(undefined, `Say what about layer ${layer.index}, e.g. layer ${layer.index} forget b = 0.5.`);
  if (next.text === 'expect' || next.text === 'show')
    return reader.fail(next, `Write the layer after ${next.text}: ${next.text} layer ${layer.index} h …`);
  const statement = readStatement(reader, source);
  if (!statement) return undefined;
  if (statement.type === 'gate' || (statement.type === 'assign' && statement.target !== 'x'))
    return { ...statement, layer };
  return reader.fail(head, `layer ${layer.index} goes before a gate, h or c; not before ${next.text}.`);
}

/** An optional `layer N` after expect or show. */
function optionalLayer(reader: LineReader): LayerRef['layer'] | undefined | false {
  const word = reader.peek();
  if (word?.text !== 'layer') return undefined;
  reader.next();
  return readLayerNumber(reader, word) ?? false;
}

/** `load "f"` may pick an LSTM by its keys' prefix and a head by name: `lstm "encoder" head "fc"`, `head none`. */
function readLoadChoice(reader: LineReader, load: Extract<Statement, { type: 'load' }>): Statement | undefined {
  for (let option = reader.next(); option; option = reader.next()) {
    const value = reader.next();
    if (option.text === 'lstm' && value?.kind === 'string') load.lstm = value.text.slice(1, -1);
    else if (option.text === 'head' && value?.kind === 'string') load.head = value.text.slice(1, -1);
    else if (option.text === 'head' && value?.text === 'none') load.head = null;
    else
      return reader.fail(
        option,
        `After the file name, load takes lstm "prefix" (which LSTM) and head "name" or head none, e.g. load "model.pt" lstm "encoder" head "fc".`,
      );
  }
  return load;
}

/** `x = value` after step or run. */
function readInputSetting(reader: LineReader, statement: string): Value | undefined {
  const key = reader.next();
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
  const quietLines = new Set<number>();
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
        problems.push(problemAt(first.line, first.column, first.text.length, tooLong(first, line.length + overflow)));
        continue;
      }
      const reader = new LineReader(line, problems, quietLines);
      const statement = readStatement(reader, source);
      if (!statement) continue;
      const extra = reader.peek();
      if (extra) {
        if (extra.text === ',') reportComma(reader, extra);
        else
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
  const heard = lexerProblems.filter((problem) => !quietLines.has(problem.line));
  return { statements, problems: [...heard, ...problems], tokens };
}
