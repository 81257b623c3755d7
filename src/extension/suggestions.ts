// Which words fit where the cursor is: statement words at the start of a statement, keys after a gate
// or `dense`, value names after `expect`/`show`. Pure (no `vscode`); completion.ts wraps the result.
import type { Token } from '../core/lexer';
import { DENSE_KEYS, GATE_KEYS, GATE_WORDS, NOTATIONS, STATEMENT_WORDS, VALUE_NAMES } from '../core/vocabulary';
import { summary } from './glossary';
import { shapeOf, type Sizes } from './shapes';

export type SuggestionKind = 'statement' | 'key' | 'name' | 'keyword';

export interface Suggestion {
  label: string;
  kind: SuggestionKind;
  detail?: string;
  /** For a key: the shape it needs given the cell's H and X, "H×H = 2×2". */
  shape?: string;
}

/** Tokens of the statement the cursor is in, from its first token up to the cursor. */
function statementBefore(tokens: readonly Token[], offset: number): Token[] {
  let current: Token[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (token.offset >= offset) break;
    if (token.kind === 'newline') {
      if (depth === 0) current = [];
      continue;
    }
    if (token.text === '[') depth++;
    if (token.text === ']') depth = Math.max(0, depth - 1);
    current.push(token);
  }
  return current;
}

const statements = (): Suggestion[] =>
  STATEMENT_WORDS.map((word) => ({ label: word, kind: 'statement', detail: summary(word) }));

const valueNames = (): Suggestion[] =>
  Object.entries(VALUE_NAMES).map(([name, detail]) => ({ label: name, kind: 'name', detail }));

function keys(head: string, used: ReadonlySet<string>, sizes: Sizes): Suggestion[] {
  const all: readonly string[] = head === 'dense' ? DENSE_KEYS : GATE_KEYS;
  return all
    .filter((key) => !used.has(key))
    .map((key) => ({ label: key, kind: 'key', detail: summary(key, head), shape: shapeOf(key, head, sizes) }));
}

/** Suggestions at `offset` in a cell whose tokens are `tokens`; empty when nothing fits. */
export function suggestionsAt(tokens: readonly Token[], offset: number, sizes: Sizes = {}): Suggestion[] {
  const before = statementBefore(tokens, offset);
  const last = before.at(-1);
  if (last && (last.kind === 'comment' || last.kind === 'string')) return [];
  if (last && last.kind !== 'word' && last.offset + last.text.length > offset) return []; // inside a number
  // The word the cursor is in or just after is the one being typed: it is replaced, not part of the context.
  const typing = last?.kind === 'word' && last.offset + last.text.length >= offset;
  const context = typing ? before.slice(0, -1) : before;
  const glued = context.at(-1);
  if (typing && glued && glued.kind === 'number' && glued.offset + glued.text.length === last.offset) return []; // 1e…
  if (context.length === 0) return statements();
  const head = context[0].text;
  const previous = context[context.length - 1];
  if (Object.hasOwn(GATE_WORDS, head) || head === 'dense') {
    if (previous.text === '=' || previous.text === '[' || previous.text === ',') return [];
    if (previous.kind === 'word' && context.length > 1) return []; // a key waiting for its "="
    return keys(
      head,
      new Set(
        context
          .slice(1)
          .filter((token) => token.kind === 'word')
          .map((token) => token.text),
      ),
      sizes,
    );
  }
  if (context.length === 1) {
    switch (head) {
      case 'expect':
      case 'show':
        return valueNames();
      case 'notation':
        return NOTATIONS.map((word) => ({ label: word, kind: 'keyword', detail: summary(word) }));
      case 'step':
      case 'run':
        return [{ label: 'x', kind: 'name', detail: summary('x') }];
    }
    return [];
  }
  const afterValue = previous.kind === 'number' || previous.text === ']';
  if (head === 'expect' && context.length >= 4 && afterValue && !context.some((token) => token.text === 'within')) {
    return [{ label: 'within', kind: 'keyword', detail: summary('within') }];
  }
  return [];
}
