// The equations of the step shown, typeset: their terms tagged for the linked views and, in an
// explorable output, the cell's numbers turned into handles of its sliders.
import type { Notation } from '../common/payload';
import type { ModelWeights, StepTrace } from '../core/types';
import { html } from './dom';
import { attachHandles, taggedEquations } from './equationControls';
import { buildEquations } from './equations';
import { markTerms, tagTerms, unmarkMathml } from './equationTerms';
import type { Explorer } from './explorer';
import { typeset, type loadKatex } from './katexRender';
import { chipRow } from './tooltips';

type Katex = Awaited<ReturnType<typeof loadKatex>>;

export interface EquationInput {
  step: StepTrace;
  weights: ModelWeights | undefined;
  notation: Notation;
  explorer?: Explorer;
}

/** Typesets the equations into `container`; returns KaTeX's error messages, if any. */
export function drawEquations(container: HTMLElement, katex: Katex, input: EquationInput): string[] {
  const { step, weights, notation, explorer } = input;
  const errors: string[] = [];
  // Keyboard focus on a number in an equation survives the equation being typeset again.
  const active = (container.getRootNode() as ShadowRoot | Document).activeElement as HTMLElement | null;
  const focused = container.contains(active) ? active?.dataset.literal : undefined;
  const focusedIn = active?.closest('[data-equation]')?.getAttribute('data-equation');
  const equations = explorer
    ? taggedEquations(step, weights, notation, explorer.literals)
    : buildEquations(step, weights, notation);
  const blocks = equations.map((equation) => {
    const math = html('div', { class: 'math' });
    const { tex, terms } = markTerms(equation.tex, equation.key, notation);
    typeset(katex, tex, math);
    tagTerms(math, terms);
    unmarkMathml(math, tex);
    if (explorer) attachHandles(math, explorer.controls);
    const error = math.querySelector('.katex-error');
    if (error) errors.push(`Formula ${equation.key}: ${error.getAttribute('title') ?? 'KaTeX error'}`);
    return html(
      'div',
      { class: 'equation', 'data-equation': equation.key },
      html('h4', {}, equation.title),
      math,
      chipRow(equation.chips),
    );
  });
  container.replaceChildren(...blocks);
  if (focused !== undefined)
    container.querySelector<HTMLElement>(`[data-equation="${focusedIn}"] [data-literal="${focused}"]`)?.focus();
  return errors;
}
