// Reads the tokens of one statement, collecting errors at their place instead of throwing.
import { problemAt, type Token } from './lexer';
import type { Problem } from './types';

/** Where something is in the cell: 1-based line and column, length in characters. */
export interface Span {
  line: number;
  column: number;
  length: number;
}

export const spanOf = (token: Token): Span => ({ line: token.line, column: token.column, length: token.text.length });

export class LineReader {
  position = 0;
  constructor(
    readonly tokens: Token[],
    readonly problems: Problem[],
    /** Lines whose tokenizer problems an error of the parser already explains. */
    readonly quietLines: Set<number>,
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
