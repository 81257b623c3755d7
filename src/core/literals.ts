// The numbers a cell sets (inputs, memories, weights, biases, the dense layer), each with its place in
// the cell's text and a name in words, so an output can turn them into controls and write them back.
import { formatNumber } from './numbers';
import { parseCell, type Statement, type Value } from './parser';
import type { Token } from './lexer';
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
}

const OWNER_WORDS: Record<LiteralOwner, string> = {
  x: 'input x',
  h: 'short-term memory h',
  c: 'long-term memory c',
  f: 'forget gate',
  i: 'input gate',
  g: 'potential memory',
  o: 'output gate',
  dense: 'dense layer',
};

const KEY_WORDS: Record<string, string> = {
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
  const add = (value: Value, owner: LiteralOwner, key: string, name: (index: number[]) => string): void => {
    const first = at.get(`${value.span.line}:${value.span.column}`);
    if (first === undefined) return;
    for (const [token, index] of numbersOf(parsed.tokens, first)) {
      const { line, column, offset, text } = token;
      literals.push({
        line,
        column,
        offset,
        text,
        length: text.length,
        value: Number(text),
        owner,
        key,
        label: name(index),
      });
    }
  };
  for (const statement of parsed.statements) {
    time = literalsOf(statement, time, add);
  }
  return literals;
}

type Add = (value: Value, owner: LiteralOwner, key: string, name: (index: number[]) => string) => void;

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
      if (s.x) add(s.x, 'x', 'value', (index) => `input x${element(index)} at step ${time + 1}`);
      return time + 1;
    case 'run': {
      // One step per element (X = 1) or per row (X > 1).
      const perRow = s.xs.depth === 2;
      add(s.xs, 'x', 'value', ([row = 0, col]) =>
        perRow ? `input x [${col + 1}] at step ${time + row + 1}` : `input x at step ${time + row + 1}`,
      );
      return time + (s.xs.depth === 0 ? 1 : (s.xs.data as unknown[]).length);
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
