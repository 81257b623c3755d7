// Names and plain-words explanations of every quantity in the equations and the diagram.
// Fixed text only: the one place the renderer's vocabulary lives (walkthrough words and symbols).
import type { GateSymbol } from '../core/types';

export type TermId =
  | 'x'
  | 'h_prev'
  | 'c_prev'
  | 'concat'
  | 'W'
  | 'b'
  | 'z'
  | 'sigma'
  | 'tanh'
  | 'odot'
  | 'f'
  | 'i'
  | 'g'
  | 'o'
  | 'fc'
  | 'ig'
  | 'c'
  | 'tanh_c'
  | 'h'
  | 'W_y'
  | 'b_y'
  | 'y';

/** A term; W, b and z belong to one gate. */
export interface Term {
  id: TermId;
  gate?: GateSymbol;
}

export interface TermText {
  /** Plain-text symbol, `_` starting a subscript (chips draw it lowered): "h_t-1". */
  symbol: string;
  /** TeX of the symbol: "h_{t-1}". */
  tex: string;
  /** The walkthroughs' name: "short-term memory". */
  words: string;
  /** One or two sentences for a tooltip. */
  explain: string;
}

interface GateText {
  words: string;
  /** Subscript used in W and b: f, i, C, o. */
  sub: string;
  role: string;
}

const GATE_TEXT: Record<GateSymbol, GateText> = {
  f: { words: 'forget gate', sub: 'f', role: 'decides how much of the long-term memory to keep' },
  i: { words: 'input gate', sub: 'i', role: 'decides how much of the potential memory to add' },
  g: { words: 'potential memory', sub: 'C', role: 'proposes new values for the long-term memory' },
  o: { words: 'output gate', sub: 'o', role: 'decides how much of the long-term memory becomes short-term memory' },
};

export function gateWords(gate: GateSymbol): string {
  return GATE_TEXT[gate].words;
}

/** The subscript letter of a gate's weights in TeX: W_f, W_i, W_C, W_o. */
export function gateSubscript(gate: GateSymbol): string {
  return GATE_TEXT[gate].sub;
}

export function describe(term: Term): TermText {
  const gate = term.gate ?? 'f';
  const text = GATE_TEXT[gate];
  const sub = text.sub;
  switch (term.id) {
    case 'x':
      return {
        symbol: 'x_t',
        tex: 'x_t',
        words: 'input',
        explain: 'The input: the new information fed to the LSTM at this step.',
      };
    case 'h_prev':
      return {
        symbol: 'h_t-1',
        tex: 'h_{t-1}',
        words: 'short-term memory',
        explain: 'The short-term memory (hidden state) left by the previous step.',
      };
    case 'c_prev':
      return {
        symbol: 'C_t-1',
        tex: 'C_{t-1}',
        words: 'long-term memory',
        explain: 'The long-term memory (cell state) carried over from the previous step.',
      };
    case 'concat':
      return {
        symbol: '[h_t-1, x_t]',
        tex: '[h_{t-1}, x_t]',
        words: 'short-term memory and input',
        explain: 'The short-term memory stacked on top of the input: one column that every gate reads.',
      };
    case 'W':
      return {
        symbol: `W_${sub}`,
        tex: `W_${sub}`,
        words: `${text.words} weights`,
        explain: `Weights of the ${text.words}: each is multiplied by the short-term memory or the input it faces.`,
      };
    case 'b':
      return {
        symbol: `b_${sub}`,
        tex: `b_${sub}`,
        words: `${text.words} bias`,
        explain: `Bias of the ${text.words}: a number added after the weighted sum.`,
      };
    case 'z':
      return {
        symbol: `z_${sub}`,
        tex: `z_${sub}`,
        words: `${text.words} sum`,
        explain: `The weighted sum plus bias of the ${text.words}, before its activation function.`,
      };
    case 'sigma':
      return {
        symbol: 'σ',
        tex: '\\sigma',
        words: 'sigmoid',
        explain:
          'Sigmoid: squashes any number into 0…1, a percentage. Large positive → almost 1, large negative → almost 0.',
      };
    case 'tanh':
      return {
        symbol: 'tanh',
        tex: '\\tanh',
        words: 'tanh',
        explain: 'Hyperbolic tangent: squashes any number into −1…1, keeping its sign.',
      };
    case 'odot':
      return {
        symbol: '⊙',
        tex: '\\odot',
        words: 'times',
        explain: 'Element-wise product: each element multiplies the element at the same position.',
      };
    case 'f':
    case 'i':
    case 'g':
    case 'o':
      return gateOutput(term.id);
    case 'fc':
      return {
        symbol: 'f_t ⊙ C_t-1',
        tex: 'f_t \\odot C_{t-1}',
        words: 'long-term memory kept',
        explain: 'What the forget gate keeps of the long-term memory.',
      };
    case 'ig':
      return {
        symbol: 'i_t ⊙ C̃_t',
        tex: 'i_t \\odot \\tilde{C}_t',
        words: 'potential memory added',
        explain: 'What the input gate lets through of the potential memory; it is added to the long-term memory.',
      };
    case 'c':
      return {
        symbol: 'C_t',
        tex: 'C_t',
        words: 'new long-term memory',
        explain: 'The new long-term memory (cell state): what was kept plus what was added.',
      };
    case 'tanh_c':
      return {
        symbol: 'tanh(C_t)',
        tex: '\\tanh(C_t)',
        words: 'squashed long-term memory',
        explain: 'The new long-term memory squashed into −1…1 before the output gate scales it.',
      };
    case 'h':
      return {
        symbol: 'h_t',
        tex: 'h_t',
        words: 'new short-term memory',
        explain: 'The new short-term memory (hidden state): the output gate times tanh of the long-term memory.',
      };
    case 'W_y':
      return {
        symbol: 'W_y',
        tex: 'W_y',
        words: 'dense weights',
        explain: 'Weights of the dense layer that turns the short-term memory into a prediction.',
      };
    case 'b_y':
      return {
        symbol: 'b_y',
        tex: 'b_y',
        words: 'dense bias',
        explain: 'Bias of the dense layer.',
      };
    case 'y':
      return {
        symbol: 'y_t',
        tex: 'y_t',
        words: 'prediction',
        explain: 'The prediction: the dense layer applied to the new short-term memory.',
      };
  }
}

function gateOutput(gate: GateSymbol): TermText {
  const text = GATE_TEXT[gate];
  if (gate === 'g') {
    return {
      symbol: 'C̃_t',
      tex: '\\tilde{C}_t',
      words: text.words,
      explain: `The potential memory (candidate, −1…1): ${text.role}.`,
    };
  }
  return {
    symbol: `${gate}_t`,
    tex: `${gate}_t`,
    words: text.words,
    explain: `The ${text.words} (0…1): ${text.role}.`,
  };
}
