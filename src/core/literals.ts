// The numbers a cell sets (inputs, memories, weights, biases, the dense layer), each with its place in
// the cell's text and a name in words, so an output can turn them into controls and write them back.
import { formatNumber } from './numbers';
import { parseCell, stepsOf, type Statement, type Value } from './parser';
import { tokenize, type Token } from './lexer';
import type { GateSymbol } from './types';

export type LiteralOwner = 'x' | 'h' | 'c' | GateSymbol | 'dense';

export interface Literal {
  /** 1-based line and column in the cell, length in characters, offset in the cell's text. */
  line: number;
  column: number;
  length: number;
  offset: number;
  text: string;
  value: number;
  owner: LiteralOwner;
  /** The key written: wx, wh, b, W (gates); w, b (dense); or 'value' for x, h, c. */
  key: string;
  /** What the control says: "forget gate, short-term weight wh [1, 2]", "input x at step 3". */
  label: string;
  /** Where in its value, as written: [] for a number, [k] in a vector, [row, column] in a matrix (0-based). */
  index: number[];
  /** For inputs and memories: the steps (t) that read this literal as x_t, h_{t−1} or c_{t−1}. */
  steps: number[];
  /** For inputs and memories: its element in the vector x, h or c. */
  element: number;
}

/** What each owner of a literal is called in words: slider labels and the inputs panel's rows. */
export const OWNER_WORDS: Record<LiteralOwner, string> = {
  x: 'input x',
  h: 'short-term memory h',
  c: 'long-term memory c',
  f: 'forget gate',
  i: 'input gate',
  g: 'potential memory',
  o: 'output gate',
  dense: 'dense layer',
};

export const KEY_WORDS: Record<string, string> = {
  wx: 'input weight wx',
  wh: 'short-term weight wh',
  b: 'bias b',
  W: 'weight W',
  w: 'weight w',
};

/** The settable literals of a cell, in the order written. Empty when the cell does not parse. */
export function cellLiterals(source: string, startTime = 0): Literal[] {
  const parsed = parseCell(source);
  if (parsed.problems.length) return [];
  const at = new Map<string, number>();
  parsed.tokens.forEach((token, index) => at.set(`${token.line}:${token.column}`, index));
  const literals: Literal[] = [];
  let time = startTime;
  /** The literals of the last x, h and c assignments: x feeds every later step until set again; h and c the next one. */
  const pending: Record<'x' | 'h' | 'c', Literal[]> = { x: [], h: [], c: [] };
  /** "layer 0, " while reading a `layer N` statement of a stacked model (whose h and c are not the top's). */
  let layer = '';
  const add: Add = (value, owner, key, name, steps, elementOf) => {
    const first = at.get(`${value.span.line}:${value.span.column}`);
    if (first === undefined) return;
    const added: Literal[] = [];
    for (const [token, index] of numbersOf(parsed.tokens, first)) {
      const { line, column, offset, text } = token;
      const literal = { line, column, offset, text, length: text.length, value: Number(text), owner, key, index };
      const element = elementOf?.(index) ?? added.length;
      added.push({ ...literal, label: layer + name(index), steps: steps?.(index) ?? [], element });
    }
    literals.push(...added);
    if (key === 'value' && !steps && !layer && (owner === 'x' || owner === 'h' || owner === 'c'))
      pending[owner] = added;
  };
  for (const statement of parsed.statements) {
    const start = literals.length;
    layer = statement.layer ? `layer ${statement.layer.index}, ` : '';
    const after = literalsOf(statement, time, add);
    if (statement.type === 'reset') pending.x = pending.h = pending.c = [];
    const given = (statement.type === 'step' && statement.x) || statement.type === 'run';
    for (let t = time + 1; t <= after && statement.type !== 'reset'; t++) {
      for (const literal of [...(given ? [] : pending.x), ...pending.h, ...pending.c]) literal.steps.push(t);
      pending.h = pending.c = [];
    }
    // The input a step or run gave stays x for the steps after it.
    if (given) pending.x = literals.slice(start).filter((literal) => literal.steps.includes(after));
    time = after;
  }
  return literals;
}

type Add = (
  value: Value,
  owner: LiteralOwner,
  key: string,
  name: (index: number[]) => string,
  steps?: (index: number[]) => number[],
  /** Its element in x, h or c; by default its place in the value. */
  elementOf?: (index: number[]) => number,
) => void;

/** Adds a statement's literals; returns the step count after it. */
function literalsOf(s: Statement, time: number, add: Add): number {
  const element = (index: number[]): string => (index.length ? ` [${index.map((k) => k + 1).join(', ')}]` : '');
  switch (s.type) {
    case 'assign':
      add(s.value, s.target, 'value', (index) => `${OWNER_WORDS[s.target]}${element(index)}`);
      return time;
    case 'gate':
    case 'dense': {
      const owner = s.type === 'gate' ? s.gate : 'dense';
      for (const setting of s.settings) {
        const key = s.type === 'dense' && setting.key === 'w' ? 'w' : setting.key;
        add(setting.value, owner, key, (index) => `${OWNER_WORDS[owner]}, ${KEY_WORDS[key] ?? key}${element(index)}`);
      }
      return time;
    }
    case 'step':
      if (s.x)
        add(
          s.x,
          'x',
          'value',
          (index) => `input x${element(index)} at step ${time + 1}`,
          () => [time + 1],
        );
      return time + 1;
    case 'run': {
      // One step per element (X = 1) or per row (X > 1).
      const perRow = s.xs.depth === 2;
      add(
        s.xs,
        'x',
        'value',
        ([row = 0, col]) =>
          perRow ? `input x [${col + 1}] at step ${time + row + 1}` : `input x at step ${time + row + 1}`,
        ([row = 0]) => [time + row + 1],
        ([, col = 0]) => col, // one row (or number) per step
      );
      return time + stepsOf(s);
    }
    case 'reset':
      return 0;
    default:
      return time;
  }
}

/** The number tokens of the value starting at token `first`, with their [row, column] (or [k]) index. */
function* numbersOf(tokens: Token[], first: number): Generator<[Token, number[]]> {
  if (tokens[first].kind === 'number') {
    yield [tokens[first], []];
    return;
  }
  let depth = 0;
  const index: number[] = [];
  for (let k = first; k < tokens.length; k++) {
    const token = tokens[k];
    if (token.text === '[') {
      if (depth > 0 && index.length === depth) index[depth - 1]++;
      depth++;
      index.length = depth;
      index[depth - 1] = -1;
    } else if (token.text === ']') {
      depth--;
      index.length = depth;
      if (depth === 0) return;
    } else if (token.kind === 'number') {
      index[depth - 1]++;
      yield [token, [...index]];
    }
  }
}

/** The cell's text with some literals replaced by new values (written as Python prints them). */
export function withValues(source: string, changes: ReadonlyArray<{ literal: Literal; value: number }>): string {
  const sorted = [...changes].sort((a, b) => b.literal.offset - a.literal.offset);
  let text = source;
  for (const { literal, value } of sorted) {
    text = text.slice(0, literal.offset) + formatNumber(value) + text.slice(literal.offset + literal.length);
  }
  return text;
}

/**
 * The cell's text with every comment turned into spaces: what an output carries to re-run the cell.
 * Comments are free text (a notebook from a stranger may hide markup in them) and change no number or
 * position, so the output never holds them.
 */
export function withoutComments(source: string): string {
  let text = source;
  for (const token of tokenize(source).tokens) {
    if (token.kind !== 'comment') continue;
    text = text.slice(0, token.offset) + ' '.repeat(token.text.length) + text.slice(token.offset + token.text.length);
  }
  return text;
}

/** FNV-1a of the text (32 bits, hex): tells the host whether a cell's text is still the one that ran. */
export function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}
