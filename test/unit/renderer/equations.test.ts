import { describe, expect, it } from 'vitest';
import { buildEquations, type Equation, type EquationKey } from '../../../src/renderer/equations';
import type { StepTrace } from '../../../src/core/types';
import { lstmStep, seedPayload, vectorPayload } from './fixtures';

function equation(equations: Equation[], key: EquationKey): string {
  const found = equations.find((e) => e.key === key);
  if (!found) throw new Error(`no ${key} equation`);
  return found.tex;
}

describe('the walkthrough step (H = X = 1), in symbols', () => {
  const { steps, weights } = seedPayload();
  const equations = buildEquations(steps[0], weights, 'symbols');

  it.each([
    ['f', ['f_t', '\\sigma(1.75\\cdot 1 + 3.25\\cdot 1 + 1.40) = \\sigma(6.40) = 0.998']],
    ['i', ['i_t', '\\sigma(2.30\\cdot 1 + 1.85\\cdot 1 + 0.45) = \\sigma(4.60) = 0.99']],
    ['g', ['\\tilde{C}_t', '\\tanh(0.45\\cdot 1 + 0.35\\cdot 1 + (-0.05)) = \\tanh(0.75) = 0.635']],
    ['o', ['o_t', '\\sigma(-0.03\\cdot 1 + 4.67\\cdot 1 + 0.50) = \\sigma(5.14) = 0.994']],
    [
      'c',
      ['C_t', 'f_t \\odot C_{t-1} + i_t \\odot \\tilde{C}_t', '0.998\\cdot 5 + 0.99\\cdot 0.635 = 4.99 + 0.629 = 5.62'],
    ],
    ['h', ['h_t', 'o_t \\odot \\tanh(C_t)', '0.994\\cdot \\tanh(5.62) = 0.994\\cdot 0.99997 = 0.994']],
    ['y', ['y_t', 'W_y\\, h_t + b_y', '2\\cdot 0.994 + 1 = 2.99']],
  ] as Array<[EquationKey, string[]]>)('%s: formula, numbers substituted, result', (key, parts) => {
    const tex = equation(equations, key);
    for (const part of parts) expect(tex).toContain(part);
  });

  it('gives every equation chips with live values', () => {
    const forget = equations.find((e) => e.key === 'f');
    expect(forget?.chips.map((c) => c.term.id)).toEqual(['W', 'b', 'x', 'h_prev', 'z', 'sigma', 'f']);
    expect(forget?.chips.find((c) => c.term.id === 'sigma')?.value).toBe('σ(6.40) = 0.998');
  });
});

describe('the walkthrough step, in words', () => {
  const { steps, weights } = seedPayload();
  const equations = buildEquations(steps[0], weights, 'words');

  it('names quantities as the walkthroughs do, numbers in their order (input first)', () => {
    const f = equation(equations, 'f');
    expect(f).toContain('\\text{forget gate}');
    expect(f).toContain('\\text{short-term memory}');
    expect(f).toContain('1\\times 1.75 + 1\\times 3.25 + 1.40');
    expect(equation(equations, 'c')).toContain('\\text{new long-term memory}');
    expect(equation(equations, 'c')).toContain('\\text{long-term memory}');
  });
});

describe('vectors', () => {
  it('shows small weights as a matrix [W_h | W_x] times the stacked column [h_{t-1}; x_t]', () => {
    const payload = vectorPayload(2);
    const step = payload.steps[1];
    const f = equation(buildEquations(step, payload.weights, 'symbols'), 'f');
    expect(f).toContain('W_f\\cdot [h_{t-1}, x_t] + b_f');
    expect(f).toContain('\\begin{array}{cc|cc}0.80 & 0.10 & 0.50 & -0.30');
    expect(f).toMatch(/\\begin\{array\}\{c\}[^}]*\\\\ \\hline /);
    expect(f).toContain('\\begin{pmatrix}1 \\\\ 0.50\\end{pmatrix}');
  });

  it('summarises large weights by shape and shows the first elements of z and the result', () => {
    const hidden = 7;
    const gate = () => ({
      wx: Array.from({ length: hidden }, () => [0.1, 0.2, 0.3]),
      wh: Array.from({ length: hidden }, () => Array<number>(hidden).fill(0.1)),
      b: Array<number>(hidden).fill(0),
    });
    const weights = { hidden, input: 3, gates: { f: gate(), i: gate(), g: gate(), o: gate() } };
    const step: StepTrace = lstmStep(
      weights,
      1,
      [1, 2, 3],
      Array<number>(hidden).fill(0.5),
      Array<number>(hidden).fill(1),
    );
    const f = equation(buildEquations(step, weights, 'symbols'), 'f');
    expect(f).toContain('W_f\\!: 7\\times 10');
    expect(f).not.toContain('array');
    expect(f).toContain('\\dots');
  });

  it('shows the gate without substitution when the weights are absent or do not fit the step', () => {
    const payload = vectorPayload(1);
    const step = payload.steps[0];
    for (const weights of [undefined, seedPayload().weights]) {
      const f = equation(buildEquations(step, weights, 'symbols'), 'f');
      expect(f).not.toContain('array');
      expect(f).toContain('\\sigma\\begin{pmatrix}');
    }
  });
});
