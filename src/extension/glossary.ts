// Plain-words explanations of the cell language's words, with the equation each one stands for.
// Fixed text only, no `vscode`: hovers and completion read it; unit tests look words up directly.
import type { GateSymbol } from '../core/types';
import {
  GATE_ORDER,
  GATE_WORDS,
  GATES,
  gateEquation,
  gateNamed,
  preActivationEquation,
  QUANTITIES,
  type QuantityId,
} from '../core/vocabulary';

export interface GlossaryEntry {
  /** What the word is called in the walkthroughs' words: "forget gate". */
  title: string;
  /** The equation in Unicode (never LaTeX): "f_t = σ(W_f·[h_{t−1}, x_t] + b_f)". */
  equation?: string;
  /** One to three plain sentences. */
  explain: string;
}

/** A gate's hover: its name, equation and explanation, all from the vocabulary. */
const gateEntry = (gate: GateSymbol): GlossaryEntry => ({
  title: GATES[gate].name,
  equation: gateEquation(gate),
  explain: GATES[gate].explain,
});

const preActivationEntry = (gate: GateSymbol): GlossaryEntry => ({
  title: `${GATES[gate].name} pre-activation`,
  equation: preActivationEquation(gate),
  explain: `The weighted sum plus bias of the ${GATES[gate].name}, before its ${GATES[gate].activation === 'σ' ? 'sigmoid' : 'tanh'}.`,
});

const quantityEntry = (id: QuantityId, title: string, explain: string): GlossaryEntry => ({
  title,
  equation: QUANTITIES[id].equation ?? QUANTITIES[id].unicode,
  explain,
});

/** Words whose meaning does not depend on the statement they are in. */
const WORDS: Record<string, GlossaryEntry> = {
  ...Object.fromEntries(
    GATE_ORDER.flatMap((gate) => [
      [GATES[gate].word, gateEntry(gate)],
      [gate, gateEntry(gate)],
    ]),
  ),
  ...Object.fromEntries(GATE_ORDER.map((gate) => [`z_${gate}`, preActivationEntry(gate)])),
  x: {
    title: 'input x_t',
    explain: 'The new information fed to the LSTM at this time step. `x = …` sets it; `step x = …` sets it and steps.',
  },
  h: {
    title: `${QUANTITIES.h.name} (hidden state)`,
    equation: QUANTITIES.h.equation,
    explain:
      'What the LSTM outputs at each step and reads back at the next one as h_{t−1}. ' +
      '`h = …` sets it before a step.',
  },
  c: {
    title: `${QUANTITIES.c.name} (cell state)`,
    equation: QUANTITIES.c.equation,
    explain:
      'The memory carried from step to step: the forget gate keeps part of it and the input gate adds to it. ' +
      '`c = …` sets it before a step.',
  },
  dense: {
    title: 'dense layer',
    equation: QUANTITIES.y.equation,
    explain: 'Turns the short-term memory into a prediction y after each step. Set it with `dense w = …  b = …`.',
  },
  y: {
    title: QUANTITIES.y.name,
    equation: QUANTITIES.y.equation,
    explain: 'The dense layer applied to the new short-term memory.',
  },
  fc: quantityEntry('fc', QUANTITIES.fc.name, 'What the forget gate keeps of the long-term memory in the last step.'),
  ig: quantityEntry('ig', QUANTITIES.ig.name, QUANTITIES.ig.explain),
  tanh_c: {
    title: QUANTITIES.tanh_c.name,
    equation: QUANTITIES.tanh_c.unicode,
    explain:
      'The new long-term memory squashed into −1…1, before the output gate scales it into the short-term memory.',
  },
  sigmoid: {
    title: 'sigmoid σ',
    equation: 'σ(z) = 1 / (1 + e^(−z))',
    explain:
      'Squashes any number into 0…1, read as a percentage: large positive → almost 1, large negative → almost 0, σ(0) = 0.5. ' +
      'The forget, input and output gates use it.',
  },
  tanh: {
    title: 'hyperbolic tangent tanh',
    equation: 'tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z))',
    explain:
      'Squashes any number into −1…1, keeping its sign: tanh(0) = 0. ' +
      'The potential memory uses it, and so does the output of the long-term memory.',
  },
  step: {
    title: 'step',
    equation: `${QUANTITIES.c.equation},  ${QUANTITIES.h.equation}`,
    explain:
      'Runs one time step: computes every gate from the current input and short-term memory, ' +
      'then the new long-term and short-term memory. `step x = 0.5` sets the input first.',
  },
  run: {
    title: 'run',
    explain:
      'Runs one step per input, carrying the memories from step to step: `run x = [0, 0.5, 1]` runs three steps.',
  },
  expect: {
    title: 'expect',
    explain:
      'Checks a value after the steps ran: `expect c = 5.62 within 0.01`. Without `within`, the value must match ' +
      'to the digits written (5.62 means 5.615…5.625). A failed expect marks the cell as failed.',
  },
  within: {
    title: 'within',
    explain: 'The tolerance of an `expect`: the value passes when it is at most this far from the expected one.',
  },
  load: {
    title: 'load',
    explain:
      'Reads a trained LSTM from a file next to the notebook, recognised by its content: PyTorch `.pt` ' +
      '(`torch.save(model.state_dict(), …)`), `.safetensors`, NumPy `.npz` or JSON, every stacked layer and the head: ' +
      '`load "model.pt"`. Pick among several with `lstm "encoder"` and `head "fc"` (or `head none`). ' +
      'Disabled in untrusted workspaces.',
  },
  layer: {
    title: 'layer',
    explain:
      'Which layer of a stacked model a statement is about, 0 being the bottom one that reads x: ' +
      '`expect layer 0 h = [0.1, 0.2]`, `layer 1 forget b = 0.5`, `show layer 0 f`. Without it, the top layer.',
  },
  reset: {
    title: 'reset',
    explain: 'Forgets everything the kernel knows: weights, input, both memories and the step count.',
  },
  show: {
    title: 'show',
    explain: 'Asks the output to focus on one value, e.g. `show f` highlights the forget gate.',
  },
  notation: {
    title: 'notation',
    explain:
      'How outputs name things: `notation words` (short-term / long-term memory) or `notation symbols` (h_t, C_t).',
  },
  words: {
    title: 'notation words',
    explain: 'Outputs say "short-term memory" and "long-term memory", as the walkthroughs do.',
  },
  symbols: { title: 'notation symbols', explain: 'Outputs say h_t and C_t, as papers and PyTorch do.' },
};
WORDS.short = { ...WORDS.h, title: 'short-term memory (h, hidden state)' };
WORDS.long = { ...WORDS.c, title: 'long-term memory (c, cell state)' };
WORDS['σ'] = WORDS.sigmoid;

function keyEntry(key: string, gate: GateSymbol): GlossaryEntry | undefined {
  const { name, sub } = GATES[gate];
  switch (key) {
    case 'wx':
      return {
        title: `${name}: weight of the input`,
        equation: `z_${sub} = wx·x_t + wh·h_{t−1} + b`,
        explain: `Multiplies the input x_t in the ${name}'s weighted sum.`,
      };
    case 'wh':
      return {
        title: `${name}: weight of the short-term memory`,
        equation: `z_${sub} = wx·x_t + wh·h_{t−1} + b`,
        explain: `Multiplies the short-term memory h_{t−1} in the ${name}'s weighted sum.`,
      };
    case 'b':
      return {
        title: `${name}: bias`,
        equation: `z_${sub} = wx·x_t + wh·h_{t−1} + b`,
        explain: `A number added to the ${name}'s weighted sum before its activation.`,
      };
    case 'W':
      return {
        title: `${name}: weight matrix W_${sub}`,
        equation: `z_${sub} = W_${sub}·[h_{t−1}, x_t] + b_${sub}`,
        explain:
          'One row per memory unit, columns [h, x]: the short-term memory’s weights first, then the input’s (H×(H+X)).',
      };
  }
  return undefined;
}

function denseKeyEntry(key: string): GlossaryEntry | undefined {
  switch (key) {
    case 'w':
    case 'W':
      return {
        title: 'dense layer: weights W_y',
        equation: 'y_t = W_y·h_t + b_y',
        explain: 'Multiply the short-term memory to make the prediction.',
      };
    case 'b':
      return {
        title: 'dense layer: bias b_y',
        equation: 'y_t = W_y·h_t + b_y',
        explain: 'Added to the weighted short-term memory to make the prediction.',
      };
  }
  return undefined;
}

/**
 * The entry for a word, or undefined. `statement` is the word that starts the statement the word is in,
 * since `b` means a gate's bias after `forget` and the dense layer's bias after `dense`.
 */
export function lookup(word: string, statement?: string): GlossaryEntry | undefined {
  if (statement !== undefined && statement !== word) {
    const gate = Object.hasOwn(GATE_WORDS, statement) ? gateNamed(statement) : undefined;
    if (gate) return keyEntry(word, gate);
    if (statement === 'dense') return denseKeyEntry(word);
  }
  return Object.hasOwn(WORDS, word) ? WORDS[word] : undefined;
}

/** Short one-line description for completion lists. */
export function summary(word: string, statement?: string): string | undefined {
  return lookup(word, statement)?.title;
}
