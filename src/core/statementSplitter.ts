// Cuts a cell's tokens into statements, each within its token limit.
import type { Token } from './lexer';
import { MAX_DIMENSION, MAX_STATEMENT_TOKENS, MAX_WEIGHT_STATEMENT_TOKENS } from './limits';
import { GATE_WORDS } from './vocabulary';

/** A logical line: the tokens of one statement, or how many there were when too many to keep. */
export type LogicalLine = { tokens: Token[]; overflow: number };

/** Whether a statement's first word makes it set weights, whose one matrix may be as large as MAX_DIMENSION allows. */
const setsWeights = (head: Token) => Object.hasOwn(GATE_WORDS, head.text) || head.text === 'dense';

/** The most tokens the statement starting with `head` may hold. */
const tokenLimit = (head: Token) => (setsWeights(head) ? MAX_WEIGHT_STATEMENT_TOKENS : MAX_STATEMENT_TOKENS);

/**
 * Splits tokens into statements as the tokenizer reads them: a statement ends at a line break outside
 * brackets, so a matrix may span lines. Beyond its token limit a statement's tokens are only counted,
 * so a hostile cell costs the memory of one statement at most, not of all its tokens.
 */
export class StatementSplitter {
  private current: Token[] = [];
  private limit = MAX_STATEMENT_TOKENS;
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
    if (!this.current.length) this.limit = tokenLimit(token);
    if (this.current.length < this.limit) this.current.push(token);
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

/** Why a statement of `count` tokens is refused, naming the limit and what to do instead. */
export function tooLong(head: Token, count: number): string {
  if (setsWeights(head))
    return `This statement has ${count} tokens; a line setting weights holds at most ${MAX_WEIGHT_STATEMENT_TOKENS} (MAX_WEIGHT_STATEMENT_TOKENS), room for the largest matrix H and X allow (${MAX_DIMENSION}×${2 * MAX_DIMENSION}, MAX_DIMENSION = ${MAX_DIMENSION}). Check the matrix's size.`;
  const advice =
    head.text === 'run'
      ? 'Split the run into several run lines.'
      : `A vector holds at most ${MAX_DIMENSION} values (MAX_DIMENSION).`;
  return `This statement has ${count} tokens; one statement holds at most ${MAX_STATEMENT_TOKENS} (MAX_STATEMENT_TOKENS, about ${MAX_STATEMENT_TOKENS / 2} numbers). ${advice}`;
}
