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

/** The blocks last drawn into a container, by their TeX: a drag that leaves an equation as it was keeps it. */
const drawn = new WeakMap<HTMLElement, Map<string, HTMLElement>>();

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
  const previous = drawn.get(container);
  const next = new Map<string, HTMLElement>();
  const blocks = equations.map((equation) => {
    const { tex, terms } = markTerms(equation.tex, equation.key, notation);
    const key = `${equation.key}\n${equation.title}\n${tex}\n${JSON.stringify(equation.chips)}`;
    const kept = previous?.get(key);
    if (kept) {
      next.set(key, kept);
      return kept;
    }
    const math = html('div', { class: 'math' });
    typeset(katex, tex, math);
    tagTerms(math, terms);
    unmarkMathml(math, tex);
    if (explorer) attachHandles(math, explorer.controls);
    const error = math.querySelector('.katex-error');
    if (error) errors.push(`Formula ${equation.key}: ${error.getAttribute('title') ?? 'KaTeX error'}`);
    const block = html(
      'div',
      { class: 'equation', 'data-equation': equation.key },
      html('h4', {}, equation.title),
      math,
      chipRow(equation.chips),
    );
    next.set(key, block);
    return block;
  });
  drawn.set(container, next);
  const same = blocks.length === container.children.length && blocks.every((b, k) => container.children[k] === b);
  if (!same) container.replaceChildren(...blocks);
  if (focused !== undefined)
    container.querySelector<HTMLElement>(`[data-equation="${focusedIn}"] [data-literal="${focused}"]`)?.focus();
  return errors;
}
