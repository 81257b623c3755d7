// Random inputs for the kernel fuzz test (fuzz.test.ts): token soup from the language's own vocabulary,
// numbers of every shape, brackets and garbage; valid programs and their mutations; statements reshuffled;
// random bytes decoded as UTF-8; and notebooks made of such cells.
import { DENSE_KEYS, GATE_KEYS, NOTATIONS, STATEMENT_WORDS, VALUE_NAMES } from '../../../src/core/vocabulary';
import { SEED_SETUP } from '../../support/seedCell';
export type Random = () => number;
export const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)];

/** The language's own words (from the vocabulary), near misses and words that look like numbers. */
const WORDS = [
  ...STATEMENT_WORDS,
  ...NOTATIONS,
  'within',
  ...GATE_KEYS,
  ...DENSE_KEYS,
  ...Object.keys(VALUE_NAMES),
  'forgt',
  'stpe',
  'inf',
  'nan',
  'NaN',
  'Infinity',
  'e',
  'E',
  '_',
];
/** Numbers every statement may meet, written in each way the lexer reads. */
const PLAIN_NUMBERS = ['0', '1', '-1', '2', '0.5', '-0.5', '.5', '5.', '+3', '1e3', '1E-3'];
const NUMBERS = [
  ...PLAIN_NUMBERS,
  '1e999',
  '-1e999',
  '1e-999',
  '1e308',
  '-1e308',
  '1e300',
  '1.7976931348623157e308',
  '5e-324',
  '1e5',
  '-1e5',
  '100000',
  '0x10',
  '1_000',
  '00012',
  '1.2.3',
  '1e',
  '1e+',
  '--1',
  '+-1',
  '99999999999999999999999',
  '0.1',
  '5.62',
  '0.998',
  '-0.0',
];
const PUNCT = ['[', ']', '[', ']', ',', ',', '=', '=', '(', ')', '[[', ']]', '[[[[', ']]]]'];
const STRINGS = [
  '"w.json"',
  '"bad.json"',
  '"missing.json"',
  '"../up.json"',
  '"/abs.json"',
  "'w.json'",
  '"unclosed',
  '""',
  '"dense.json"',
];
const GARBAGE = [
  '@',
  '$',
  '%',
  '^',
  '&',
  '*',
  '{',
  '}',
  ';',
  ':',
  '\\',
  '|',
  '?',
  '!',
  '`',
  '~',
  '<',
  '>',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u200b',
  '\u202e',
  '\u2066',
  '\u2028',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udc00',
  '😀',
  'é',
  'ß',
  '中',
  '\t',
  '\f',
  '\v',
];
const NEWLINES = ['\n', '\n', '\n', '\r\n', '\r'];

function soupToken(r: Random): string {
  const roll = r();
  if (roll < 0.3) return pick(r, WORDS);
  if (roll < 0.5) return pick(r, NUMBERS);
  if (roll < 0.65) return pick(r, PUNCT);
  if (roll < 0.72) return pick(r, STRINGS);
  if (roll < 0.8) return pick(r, NEWLINES);
  if (roll < 0.84) return '# ' + pick(r, WORDS);
  if (roll < 0.92) return pick(r, GARBAGE);
  return String((r() - 0.5) * 10 ** Math.floor(r() * 12 - 6));
}

export function soup(r: Random, tokens: number): string {
  let out = '';
  for (let k = 0; k < tokens; k++) out += soupToken(r) + (r() < 0.8 ? ' ' : '');
  return out;
}

export const VALID_CELLS = [
  `${SEED_SETUP}
step
expect c = 5.62
expect y = 2.99 within 0.01
show h
notation symbols`,
  `h = [0, 0]
forget W = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]] b = [0, 0]
input W = [[1, 0, 1], [0, 1, 1]]
candidate wx = [[1], [2]] wh = [[0, 0], [0, 0]] b = [0.5, -0.5]
output wx = [1, 1] wh = [[1, 0], [0, 1]]
run x = [0, 0.5, 1]
expect h = [0.1, 0.2] within 1
step x = 2
reset`,
  `load "w.json"
run x = [[1, 0], [0, 1], [0.5, 0.5]]
expect h = [0, 0, 0] within 10
show f`,
  `load "dense.json"
step x = [1, 2]
expect y = 0 within 100
long = [1, 2, 3]
short = [0, 0, 0]
step`,
];

/** A valid cell with a few tokens replaced, deleted or inserted. */
export function mutate(r: Random, source: string): string {
  const parts = source.split(/(\s+)/);
  const edits = 1 + Math.floor(r() * 4);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(r() * parts.length);
    const roll = r();
    if (roll < 0.4) parts[at] = soupToken(r);
    else if (roll < 0.6) parts.splice(at, 1);
    else if (roll < 0.9) parts.splice(at, 0, ' ', soupToken(r), ' ');
    else parts.splice(at, 0, ...source.split(/(\s+)/).slice(0, Math.floor(r() * 20)));
  }
  return parts.join('');
}

/** Statements that parse, in random order and number, with random (finite) numbers: this reaches execution. */
const STATEMENTS = [
  ...VALID_CELLS.flatMap((cell) => cell.split('\n')),
  'h = [0, 0, 0]',
  'c = 1',
  'c = [1, 2]',
  'x = [1, 2]',
  'x = [[1], [2]]',
  'h = [[1, 2], [3, 4]]',
  'dense w = [[1, 2]] b = 0',
  'dense b = [1, 2]',
  'dense W = [[1], [2]]',
  'forget b = [1, 2]',
  'forget b = [[1, 2], [3, 4]]',
  'input wh = 1e200',
  'output wx = 1e300 wh = 1e300',
  'load "bad.json"',
  'load "missing.json"',
  'load "../up.json"',
  'run x = [[1, 2, 3]]',
  'run x = 1',
  'step x = 1e300',
  'expect z_f = 1',
  'expect tanh_c = 0 within 1',
  'expect fc = [0, 0]',
  'expect ig = 0 within 0',
  'expect x = [[1, 2], [3, 4]]',
  'forget W = [[1, 2, 3]]',
  'candidate W = [[1, 2], [3, 4]]',
  'reset',
  'show y',
  'notation words',
];
const FINITE = [...PLAIN_NUMBERS, '1e308', '-1e308', '1e300', '5e-324', '1e5', '-1e5', '0.1', '5.62', '-0.0', '1e-999'];

const SETUPS = [
  VALID_CELLS[0].split('\n').slice(0, 8).join('\n'),
  VALID_CELLS[1].split('\n').slice(0, 5).join('\n'),
  'load "w.json"',
  'load "dense.json"',
];
const MOVES = [
  'step',
  'step x = 1',
  'step x = [1, 2]',
  'run x = [0, 0.5, 1]',
  'run x = [[1, 0], [0, 1]]',
  'run x = [[1, 2, 3]]',
  'x = 1',
  'x = [0.5, -0.5]',
];

export function reshuffled(r: Random): string[] {
  const cells: string[] = [];
  const count = 1 + Math.floor(r() * 3);
  for (let k = 0; k < count; k++) {
    const lines = Array.from({ length: 1 + Math.floor(r() * 10) }, () => pick(r, r() < 0.4 ? MOVES : STATEMENTS));
    if (k === 0 && r() < 0.8) lines.unshift(pick(r, SETUPS));
    cells.push(lines.join('\n').replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/g, (n) => (r() < 0.15 ? pick(r, FINITE) : n)));
  }
  return cells;
}

export function randomBytesText(r: Random, length: number): string {
  const bytes = new Uint8Array(length);
  for (let k = 0; k < length; k++) bytes[k] = r() < 0.5 ? Math.floor(r() * 128) : Math.floor(r() * 256);
  return new TextDecoder('utf-8').decode(bytes);
}

export const FILES: Record<string, string> = {
  'w.json': JSON.stringify({
    kernel: [
      [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2],
      [1, 0, -1, 0, 1, 0, -1, 0, 1, 0, -1, 0],
    ],
    recurrent_kernel: [
      [0.1, 0, 0, 0.2, 0, 0, 0.3, 0, 0, 0.4, 0, 0],
      [0, 0.1, 0, 0, 0.2, 0, 0, 0.3, 0, 0, 0.4, 0],
      [0, 0, 0.1, 0, 0, 0.2, 0, 0, 0.3, 0, 0, 0.4],
    ],
    bias: new Array(12).fill(0.1),
  }),
  'dense.json': JSON.stringify({
    weight_ih_l0: Array.from({ length: 12 }, (_, k) => [k / 10, -k / 10]),
    weight_hh_l0: Array.from({ length: 12 }, () => [0.1, 0.2, 0.3]),
    bias_ih_l0: new Array(12).fill(0.5),
    bias_hh_l0: new Array(12).fill(-0.25),
    'dense.weight': [[1, 2, 3]],
    'dense.bias': [0.5],
  }),
  'bad.json': '{"kernel": [[1, 2], [3',
};

/** A random notebook around random cells: markdown, ```lstm fences (sometimes unclosed), CR/LF mixes. */
export function notebook(r: Random, cells: string[]): string {
  const eol = pick(r, ['\n', '\r\n', '\r']);
  let text = r() < 0.1 ? '\uFEFF' : '';
  for (const [k, cell] of cells.entries()) {
    if (r() < 0.5) text += `Some prose ${k}${eol}${eol}`;
    const unclosed = k === cells.length - 1 && r() < 0.1;
    text += `\`\`\`lstm${eol}${cell}${eol}${unclosed ? '' : '```' + eol}`;
  }
  return text;
}
