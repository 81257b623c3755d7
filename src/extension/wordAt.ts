// The word under the cursor and the word that starts its statement, for hovers. Pure (no `vscode`).
import { tokenAt, type Token } from '../core/lexer';

export interface WordAt {
  word: string;
  /** The first word of the statement the word is in (the word itself when it starts the statement). */
  statement?: string;
  /** 1-based line and column of the word, and its length. */
  line: number;
  column: number;
  length: number;
}

/** Words a comment may mention that still deserve a hover. */
const WORDS_IN_COMMENTS = new Set(['sigmoid', 'tanh', 'σ']);

/** The first token of the statement `token` belongs to: statements end at line breaks outside brackets. */
function statementHead(tokens: readonly Token[], token: Token): Token | undefined {
  let head: Token | undefined;
  let depth = 0;
  for (const current of tokens) {
    if (current.kind === 'comment') continue;
    if (current.kind === 'newline') {
      if (depth === 0) head = undefined;
      continue;
    }
    head ??= current;
    if (current === token) return head;
    if (current.text === '[') depth++;
    if (current.text === ']') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

function wordInComment(comment: Token, column: number): WordAt | undefined {
  const at = column - comment.column;
  for (const match of comment.text.matchAll(/[A-Za-z_σ][A-Za-z0-9_]*/g)) {
    const start = match.index ?? 0;
    if (at >= start && at < start + match[0].length && WORDS_IN_COMMENTS.has(match[0])) {
      return { word: match[0], line: comment.line, column: comment.column + start, length: match[0].length };
    }
  }
  return undefined;
}

export function wordAt(tokens: readonly Token[], line: number, column: number): WordAt | undefined {
  const token = tokenAt(tokens, line, column);
  if (!token) return undefined;
  if (token.kind === 'comment') return wordInComment(token, column);
  if (token.kind !== 'word') return undefined;
  const head = statementHead(tokens, token);
  return {
    word: token.text,
    statement: head?.kind === 'word' ? head.text : undefined,
    line: token.line,
    column: token.column,
    length: token.text.length,
  };
}
