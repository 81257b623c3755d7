// The words of the cell language, in one place for the parser, completion and hovers.
import type { GateName, GateSymbol } from './types';

export const GATE_WORDS: Record<GateName, GateSymbol> = { forget: 'f', input: 'i', candidate: 'g', output: 'o' };
export const GATE_KEYS = ['wx', 'wh', 'b', 'W'] as const;
export const DENSE_KEYS = ['w', 'b'] as const;

/** Words that may start a statement. `short`/`long` are the walkthroughs' names for h and c. */
export const STATEMENT_WORDS = [
  'x',
  'h',
  'c',
  'short',
  'long',
  'forget',
  'input',
  'candidate',
  'output',
  'dense',
  'step',
  'run',
  'expect',
  'load',
  'reset',
  'show',
  'notation',
] as const;

export const STATE_ALIASES: Record<string, 'x' | 'h' | 'c'> = { x: 'x', h: 'h', c: 'c', short: 'h', long: 'c' };

/** Names `expect` and `show` accept, each with what it reads. */
export const VALUE_NAMES = {
  x: 'the current input x_t',
  h: 'the short-term memory (hidden state) h',
  c: 'the long-term memory (cell state) c',
  short: 'the short-term memory h',
  long: 'the long-term memory c',
  f: 'the forget gate f_t of the last step',
  i: 'the input gate i_t of the last step',
  g: 'the candidate memory C̃_t of the last step',
  o: 'the output gate o_t of the last step',
  y: 'the dense layer’s prediction y_t of the last step',
  z_f: 'the forget gate’s pre-activation of the last step',
  z_i: 'the input gate’s pre-activation of the last step',
  z_g: 'the candidate memory’s pre-activation of the last step',
  z_o: 'the output gate’s pre-activation of the last step',
  fc: 'f_t ⊙ c_{t−1}: the long-term memory kept by the forget gate in the last step',
  ig: 'i_t ⊙ C̃_t: what the input gate added in the last step',
  tanh_c: 'tanh(c_t) of the last step',
} as const;

export type ValueName = keyof typeof VALUE_NAMES;
export const NOTATIONS = ['words', 'symbols'] as const;
