// The one vocabulary: every gate and quantity of the LSTM with its words, symbols and plain-words
// explanation, and the words of the cell language. Hovers, completion, the renderer's glossary, chips,
// equation titles and diagram labels, the markdown fallback, the CLI and the core's own messages all
// read it here, so a renamed term changes everywhere at once.
//
// C̃ (the gate the language calls `candidate`, traces `g`) is the "potential memory" in words and
// C̃_t in symbols, everywhere.
import type { GateName, GateSymbol } from './types';

/** The gates in the order of the weight rows (PyTorch's) and of every display. */
export const GATE_ORDER = ['f', 'i', 'g', 'o'] as const satisfies readonly GateSymbol[];

/** Whether `id` names a gate by its symbol (f, i, g, o). */
export const isGateSymbol = (id: string): id is GateSymbol => GATE_ORDER.some((gate) => gate === id);

/** A record with one entry per gate, each made in GATE_ORDER (the keys below are that order). */
export function perGate<T>(make: (gate: GateSymbol) => T): Record<GateSymbol, T> {
  return { f: make('f'), i: make('i'), g: make('g'), o: make('o') };
}

export interface GateFacts {
  /** The cell language's word: `forget wx = …`. */
  word: GateName;
  /** The walkthroughs' name (notation words): "forget gate". */
  name: string;
  /** Plain-text symbol, `_` starting a subscript: "f_t", "C̃_t". */
  symbol: string;
  /** The symbol in Unicode for hovers (no TeX there): "f_t", "C̃_t". */
  unicode: string;
  /** The symbol in TeX: "f_t", "\\tilde{C}_t". */
  tex: string;
  /** Subscript of its weights, bias and sum: W_f, b_f, z_f; W_C for the potential memory. */
  sub: string;
  /** Its activation function, as written in Unicode and in TeX. */
  activation: 'σ' | 'tanh';
  activationTex: '\\sigma' | '\\tanh';
  /** The range of its value: "0…1" or "−1…1". */
  range: string;
  /** What it does, as a clause: "decides how much of the long-term memory to keep". */
  role: string;
  /** The question its equation answers, for titles: "how much long-term memory to keep". */
  question: string;
  /** One to three plain sentences for a hover or tooltip. */
  explain: string;
}

export const GATES: Record<GateSymbol, GateFacts> = {
  f: {
    word: 'forget',
    name: 'forget gate',
    symbol: 'f_t',
    unicode: 'f_t',
    tex: 'f_t',
    sub: 'f',
    activation: 'σ',
    activationTex: '\\sigma',
    range: '0…1',
    role: 'decides how much of the long-term memory to keep',
    question: 'how much long-term memory to keep',
    explain:
      'Decides how much of the long-term memory to keep: 1 keeps all of it, 0 forgets it. ' +
      'Its sigmoid turns the weighted sum of the short-term memory and the input into a percentage.',
  },
  i: {
    word: 'input',
    name: 'input gate',
    symbol: 'i_t',
    unicode: 'i_t',
    tex: 'i_t',
    sub: 'i',
    activation: 'σ',
    activationTex: '\\sigma',
    range: '0…1',
    role: 'decides how much of the potential memory to add',
    question: 'how much potential memory to add',
    explain: 'Decides how much of the potential memory is added to the long-term memory, as a percentage (0…1).',
  },
  g: {
    word: 'candidate',
    name: 'potential memory',
    symbol: 'C̃_t',
    unicode: 'C̃_t',
    tex: '\\tilde{C}_t',
    sub: 'C',
    activation: 'tanh',
    activationTex: '\\tanh',
    range: '−1…1',
    role: 'proposes new values for the long-term memory',
    question: 'what could be added',
    explain:
      'Proposes new values for the long-term memory. Its tanh keeps them between −1 and 1; ' +
      'the input gate then decides how much of them is added.',
  },
  o: {
    word: 'output',
    name: 'output gate',
    symbol: 'o_t',
    unicode: 'o_t',
    tex: 'o_t',
    sub: 'o',
    activation: 'σ',
    activationTex: '\\sigma',
    range: '0…1',
    role: 'decides how much of the long-term memory becomes short-term memory',
    question: 'how much long-term memory to show',
    explain: 'Decides how much of the squashed long-term memory tanh(C_t) becomes the new short-term memory (0…1).',
  },
};

/** A gate's equation in Unicode: "f_t = σ(W_f·[h_{t−1}, x_t] + b_f)". */
export const gateEquation = (gate: GateSymbol): string => {
  const { unicode, activation, sub } = GATES[gate];
  return `${unicode} = ${activation}(W_${sub}·[h_{t−1}, x_t] + b_${sub})`;
};

/** A gate's pre-activation in Unicode: "z_f = W_f·[h_{t−1}, x_t] + b_f". */
export const preActivationEquation = (gate: GateSymbol): string => {
  const { sub } = GATES[gate];
  return `z_${sub} = W_${sub}·[h_{t−1}, x_t] + b_${sub}`;
};

/** The quantities around the gates. */
export type QuantityId = 'x' | 'h_prev' | 'c_prev' | 'fc' | 'ig' | 'c' | 'tanh_c' | 'h' | 'y';

export interface QuantityFacts {
  /** The walkthroughs' name: "long-term memory". */
  name: string;
  /** Plain-text symbol, `_` starting a subscript: "C_t-1". */
  symbol: string;
  /** Unicode, for hovers: "C_{t−1}". */
  unicode: string;
  tex: string;
  /** The equation that makes it, in Unicode, if any. */
  equation?: string;
  explain: string;
}

export const QUANTITIES: Record<QuantityId, QuantityFacts> = {
  x: {
    name: 'input',
    symbol: 'x_t',
    unicode: 'x_t',
    tex: 'x_t',
    explain: 'The input: the new information fed to the LSTM at this step.',
  },
  h_prev: {
    name: 'short-term memory',
    symbol: 'h_t-1',
    unicode: 'h_{t−1}',
    tex: 'h_{t-1}',
    explain: 'The short-term memory (hidden state) left by the previous step.',
  },
  c_prev: {
    name: 'long-term memory',
    symbol: 'C_t-1',
    unicode: 'C_{t−1}',
    tex: 'C_{t-1}',
    explain: 'The long-term memory (cell state) carried over from the previous step.',
  },
  fc: {
    name: 'long-term memory kept',
    symbol: 'f_t ⊙ C_t-1',
    unicode: 'f_t ⊙ C_{t−1}',
    tex: 'f_t \\odot C_{t-1}',
    explain: 'What the forget gate keeps of the long-term memory.',
  },
  ig: {
    name: 'potential memory added',
    symbol: 'i_t ⊙ C̃_t',
    unicode: 'i_t ⊙ C̃_t',
    tex: 'i_t \\odot \\tilde{C}_t',
    explain: 'What the input gate lets through of the potential memory; it is added to the long-term memory.',
  },
  c: {
    name: 'long-term memory',
    symbol: 'C_t',
    unicode: 'C_t',
    tex: 'C_t',
    equation: 'C_t = f_t ⊙ C_{t−1} + i_t ⊙ C̃_t',
    explain: 'The new long-term memory (cell state): what was kept plus what was added.',
  },
  tanh_c: {
    name: 'squashed long-term memory',
    symbol: 'tanh(C_t)',
    unicode: 'tanh(C_t)',
    tex: '\\tanh(C_t)',
    explain: 'The new long-term memory squashed into −1…1 before the output gate scales it.',
  },
  h: {
    name: 'short-term memory',
    symbol: 'h_t',
    unicode: 'h_t',
    tex: 'h_t',
    equation: 'h_t = o_t ⊙ tanh(C_t)',
    explain: 'The new short-term memory (hidden state): the output gate times tanh of the long-term memory.',
  },
  y: {
    name: 'prediction',
    symbol: 'y_t',
    unicode: 'y_t',
    tex: 'y_t',
    equation: 'y_t = W_y·h_t + b_y',
    explain: 'The prediction: the dense layer applied to the new short-term memory.',
  },
};

/** The cell language's gate words and the trace symbols they stand for. */
// The cast stays: Object.fromEntries forgets the keys, and GATE_ORDER names every gate, so every GateName is one.
export const GATE_WORDS = Object.fromEntries(GATE_ORDER.map((gate) => [GATES[gate].word, gate])) as Record<
  GateName,
  GateSymbol
>;

const GATE_BY_NAME: Record<string, GateSymbol> = { ...GATE_WORDS, f: 'f', i: 'i', g: 'g', o: 'o' };

/** A gate named by its word (`forget`) or its symbol (`f`), or undefined. */
export function gateNamed(word: string | undefined): GateSymbol | undefined {
  return word !== undefined && Object.hasOwn(GATE_BY_NAME, word) ? GATE_BY_NAME[word] : undefined;
}
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
  'layer',
] as const;

export const STATE_ALIASES = { x: 'x', h: 'h', c: 'c', short: 'h', long: 'c' } as const;

/** Names `expect` and `show` accept, each with what it reads. */
export const VALUE_NAMES = {
  x: 'the current input x_t',
  h: 'the short-term memory (hidden state) h',
  c: 'the long-term memory (cell state) c',
  short: 'the short-term memory h',
  long: 'the long-term memory c',
  f: 'the forget gate f_t of the last step',
  i: 'the input gate i_t of the last step',
  g: 'the potential memory C̃_t of the last step',
  o: 'the output gate o_t of the last step',
  y: 'the dense layer’s prediction y_t of the last step',
  z_f: 'the forget gate’s pre-activation of the last step',
  z_i: 'the input gate’s pre-activation of the last step',
  z_g: 'the potential memory’s pre-activation of the last step',
  z_o: 'the output gate’s pre-activation of the last step',
  fc: 'f_t ⊙ c_{t−1}: the long-term memory kept by the forget gate in the last step',
  ig: 'i_t ⊙ C̃_t: what the input gate added in the last step',
  tanh_c: 'tanh(c_t) of the last step',
} as const;

export type ValueName = keyof typeof VALUE_NAMES;
export type StatementWord = (typeof STATEMENT_WORDS)[number];

/** Whether `word` is one of the record's own keys ("constructor" is not), as that key. */
export const isKeyOf = <T extends object>(record: T, word: string): word is Extract<keyof T, string> =>
  Object.hasOwn(record, word);

export const isStatementWord = (word: string): word is StatementWord => STATEMENT_WORDS.some((w) => w === word);
export const NOTATIONS = ['words', 'symbols'] as const;
