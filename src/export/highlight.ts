// A code cell as highlighted HTML, from the core's own tokens, classed as the TextMate grammar
// (syntaxes/lstm.tmLanguage.json) scopes them. Every character goes out escaped; text between tokens
// (spaces, characters the lexer refuses) is kept as it is.
import { tokenize, type Token } from '../core/lexer';
import { GATE_KEYS, DENSE_KEYS, NOTATIONS, STATE_ALIASES, STATEMENT_WORDS, VALUE_NAMES } from '../core/vocabulary';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const GATES = new Set(['forget', 'input', 'candidate', 'output', 'dense']);
const STATEMENTS = new Set<string>(STATEMENT_WORDS);
const KEYS = new Set<string>([...GATE_KEYS, ...DENSE_KEYS]);
const VALUES = new Set(Object.keys(VALUE_NAMES));
const WORDS = new Set<string>([...NOTATIONS, 'within']);

/** The grammar's class for one token: `next` is the token after it, `first` whether it starts its line. */
function classOf(token: Token, next: Token | undefined, first: boolean): string | undefined {
  if (token.kind === 'comment') return 'comment';
  if (token.kind === 'string') return 'string';
  if (token.kind === 'number') return 'number';
  if (token.kind === 'punct') return token.text === '=' ? 'operator' : 'punctuation';
  if (token.kind !== 'word') return undefined;
  const word = token.text;
  const assigned = next?.text === '=';
  if (first && GATES.has(word)) return 'gate';
  if (first && word in STATE_ALIASES && assigned) return 'state';
  if (first && STATEMENTS.has(word)) return 'keyword';
  if (KEYS.has(word) && assigned) return 'key';
  if (WORDS.has(word)) return 'constant';
  if (VALUES.has(word)) return 'value';
  return undefined;
}

export function highlightLstm(source: string): string {
  const { tokens } = tokenize(source);
  let html = '';
  let at = 0;
  let first = true;
  tokens.forEach((token, k) => {
    html += escapeHtml(source.slice(at, token.offset));
    const type = classOf(token, tokens[k + 1], first);
    const text = escapeHtml(token.text);
    html += type ? `<span class="tok-${type}">${text}</span>` : text;
    at = token.offset + token.text.length;
    first = token.kind === 'newline';
  });
  return html + escapeHtml(source.slice(at));
}
