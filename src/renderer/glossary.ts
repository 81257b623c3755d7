// Names and plain-words explanations of every quantity in the equations and the diagram, as terms
// for chips and tooltips: a view of the one vocabulary in src/core/vocabulary.ts.
import type { GateSymbol } from '../core/types';
import { GATES, QUANTITIES, type QuantityId } from '../core/vocabulary';

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

export function gateWords(gate: GateSymbol): string {
  return GATES[gate].name;
}

/** The subscript letter of a gate's weights in TeX: W_f, W_i, W_C, W_o. */
export function gateSubscript(gate: GateSymbol): string {
  return GATES[gate].sub;
}

/** A quantity of the vocabulary as a term: its symbol, TeX, name and explanation. */
const quantity = (id: QuantityId, words = QUANTITIES[id].name): TermText => {
  const { symbol, tex, explain } = QUANTITIES[id];
  return { symbol, tex, words, explain };
};

/** The terms that belong to no gate. */
const TERMS: Record<Exclude<TermId, 'W' | 'b' | 'z' | GateSymbol>, TermText> = {
  x: quantity('x'),
  h_prev: quantity('h_prev'),
  c_prev: quantity('c_prev'),
  concat: {
    symbol: '[h_t-1, x_t]',
    tex: '[h_{t-1}, x_t]',
    words: `${QUANTITIES.h_prev.name} and ${QUANTITIES.x.name}`,
    explain: 'The short-term memory stacked on top of the input: one column that every gate reads.',
  },
  sigma: {
    symbol: 'σ',
    tex: '\\sigma',
    words: 'sigmoid',
    explain:
      'Sigmoid: squashes any number into 0…1, a percentage. Large positive → almost 1, large negative → almost 0.',
  },
  tanh: {
    symbol: 'tanh',
    tex: '\\tanh',
    words: 'tanh',
    explain: 'Hyperbolic tangent: squashes any number into −1…1, keeping its sign.',
  },
  odot: {
    symbol: '⊙',
    tex: '\\odot',
    words: 'times',
    explain: 'Element-wise product: each element multiplies the element at the same position.',
  },
  fc: quantity('fc'),
  ig: quantity('ig'),
  c: quantity('c', `new ${QUANTITIES.c.name}`),
  tanh_c: quantity('tanh_c'),
  h: quantity('h', `new ${QUANTITIES.h.name}`),
  W_y: {
    symbol: 'W_y',
    tex: 'W_y',
    words: 'dense weights',
    explain: 'Weights of the dense layer that turns the short-term memory into a prediction.',
  },
  b_y: { symbol: 'b_y', tex: 'b_y', words: 'dense bias', explain: 'Bias of the dense layer.' },
  y: quantity('y'),
};

/** A gate's own terms: its weights, bias and sum. */
function gateTerm(id: 'W' | 'b' | 'z', gate: GateSymbol): TermText {
  const { name, sub } = GATES[gate];
  switch (id) {
    case 'W':
      return {
        symbol: `W_${sub}`,
        tex: `W_${sub}`,
        words: `${name} weights`,
        explain: `Weights of the ${name}: each is multiplied by the short-term memory or the input it faces.`,
      };
    case 'b':
      return {
        symbol: `b_${sub}`,
        tex: `b_${sub}`,
        words: `${name} bias`,
        explain: `Bias of the ${name}: a number added after the weighted sum.`,
      };
    case 'z':
      return {
        symbol: `z_${sub}`,
        tex: `z_${sub}`,
        words: `${name} sum`,
        explain: `The weighted sum plus bias of the ${name}, before its activation function.`,
      };
  }
}

/** A gate's value: f_t, i_t, C̃_t, o_t. */
function gateOutput(gate: GateSymbol): TermText {
  const { symbol, tex, name, range, role } = GATES[gate];
  return { symbol, tex, words: name, explain: `The ${name} (${range}): ${role}.` };
}

export function describe(term: Term): TermText {
  const { id } = term;
  if (id === 'W' || id === 'b' || id === 'z') return gateTerm(id, term.gate ?? 'f');
  if (id === 'f' || id === 'i' || id === 'g' || id === 'o') return gateOutput(id);
  return TERMS[id];
}
