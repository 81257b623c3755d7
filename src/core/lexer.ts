// Splits a code cell into tokens with exact positions, for the parser and for editor features.
import { NUMBER_PATTERN } from './numbers';
import type { Problem } from './types';

type TokenKind = 'number' | 'word' | 'string' | 'punct' | 'comment' | 'newline';

export interface Token {
  kind: TokenKind;
  text: string;
  /** 1-based line and column within the cell. */
  line: number;
  column: number;
  /** Offset in the cell's source. */
  offset: number;
}

// Sticky patterns read in place, so a long cell is tokenized in linear time.
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = new RegExp(NUMBER_PATTERN.source.slice(1), 'y');

function match(pattern: RegExp, source: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(source)?.[0];
}

function lineEndFrom(source: string, at: number): number {
  for (let k = at; k < source.length; k++) if (source[k] === '\n' || source[k] === '\r') return k;
  return source.length;
}
const PUNCT = '[](),=';

export interface Tokens {
  tokens: Token[];
  problems: Problem[];
}

export function tokenize(source: string): Tokens {
  const scanner = tokenizeInSlices(source, Infinity);
  for (let step = scanner.next(); ; step = scanner.next()) if (step.done) return step.value;
}

/**
 * Tokenizes about `sliceChars` characters between yields, so a huge cell never blocks for long. With a
 * `sink`, each token goes there as it is read instead of into the returned list.
 */
export function* tokenizeInSlices(
  source: string,
  sliceChars = 65536,
  sink?: (token: Token) => void,
): Generator<void, Tokens> {
  const tokens: Token[] = [];
  const problems: Problem[] = [];
  const emit = sink ?? ((token: Token) => void tokens.push(token));
  let line = 1;
  let lineStart = 0;
  let i = 0;
  let sliceEnd = sliceChars;
  const push = (kind: TokenKind, text: string) => {
    emit({ kind, text, line, column: i - lineStart + 1, offset: i });
    i += text.length;
  };
  while (i < source.length) {
    if (i >= sliceEnd) {
      yield;
      sliceEnd = i + sliceChars;
    }
    const ch = source[i];
    if (ch === '\n' || ch === '\r') {
      const text = ch === '\r' && source[i + 1] === '\n' ? '\r\n' : ch;
      push('newline', text);
      line++;
      lineStart = i;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\f' || ch === '\v' || ch === '\u00a0' || ch === '\ufeff') {
      i++;
      continue;
    }
    if (ch === '#') {
      push('comment', source.slice(i, lineEndFrom(source, i)));
      continue;
    }
    if (ch === '"' || ch === "'") {
      const lineEnd = lineEndFrom(source, i + 1);
      const end = source.indexOf(ch, i + 1);
      if (end < 0 || end > lineEnd) {
        problems.push(problemAt(line, i - lineStart + 1, lineEnd - i, 'This string has no closing quote on its line.'));
        push('string', source.slice(i, lineEnd));
      } else {
        push('string', source.slice(i, end + 1));
      }
      continue;
    }
    const number = match(NUMBER, source, i);
    if (number) {
      push('number', number);
      continue;
    }
    const word = match(WORD, source, i);
    if (word) {
      push('word', word);
      continue;
    }
    if (PUNCT.includes(ch)) {
      push('punct', ch);
      continue;
    }
    const code = ch.codePointAt(0) ?? 0;
    const char = String.fromCodePoint(code);
    const shown =
      code < 32 ||
      (code >= 0x7f && code < 0xa0) ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069)
        ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
        : `"${char}"`;
    problems.push(problemAt(line, i - lineStart + 1, char.length, `Unexpected character ${shown}.`));
    i += char.length;
  }
  return { tokens, problems };
}

export function problemAt(line: number, column: number, length: number, message: string, suggestion?: string): Problem {
  return {
    line,
    column,
    length: Math.max(1, length),
    message,
    severity: 'error',
    ...(suggestion ? { suggestion } : {}),
  };
}

/** The word, number or other token covering a 1-based line and column, for hovers. */
export function tokenAt(tokens: readonly Token[], line: number, column: number): Token | undefined {
  return tokens.find(
    (t) => t.line === line && t.kind !== 'newline' && column >= t.column && column < t.column + t.text.length,
  );
}
