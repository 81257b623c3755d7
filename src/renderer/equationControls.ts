// Numbers in the equations as handles of the inputs panel's sliders. The equations are built once more
// with each input number (x, h_{t−1}, C_{t−1}, the weights) replaced by a sentinel; the sentinel's place
// in that TeX is where the number goes, wrapped in \textcolor with a colour that encodes which literal
// it is (allowed with trust: false), so after typesetting the number's spans are found by colour.
import type { Notation } from '../common/payload';
import type { Literal } from '../core/literals';
import type { GateSymbol, Matrix, ModelWeights, StepTrace, Vector } from '../core/types';
import { buildEquations, type Equation } from './equations';
import type { ScrubControl } from './scrub';
import { num, operand } from './tex';

const GATES: readonly GateSymbol[] = ['f', 'i', 'g', 'o'];
/** Sentinels print as plain integers (below 1e6) that no step of a sane cell shows. */
const SENTINEL_BASE = 900_000;
const MAX_TAGS = 99_999;

type Tag = { value: number; literal: number | undefined };

/** The equations of `step`, with the numbers the cell set wrapped so they can be found once typeset. */
export function taggedEquations(
  step: StepTrace,
  weights: ModelWeights | undefined,
  notation: Notation,
  literals: readonly Literal[],
): Equation[] {
  const real = buildEquations(step, weights, notation);
  const find = literalFinder(literals, step, weights?.hidden ?? step.h_prev.length);
  const tags: Tag[] = [];
  const mark = (value: number, literal: number | undefined): number => {
    tags.push({ value, literal });
    return SENTINEL_BASE + tags.length;
  };
  const vec = (values: Vector, key: 'x' | 'h' | 'c'): Vector => values.map((v, k) => mark(v, find.state(key, k)));
  const mat = (rows: Matrix, owner: GateSymbol | 'dense', key: string): Matrix =>
    rows.map((row, r) => row.map((v, c) => mark(v, find.weight(owner, key, r, c))));
  const probeStep: StepTrace = {
    ...step,
    x: vec(step.x, 'x'),
    h_prev: vec(step.h_prev, 'h'),
    c_prev: vec(step.c_prev, 'c'),
  };
  const probeWeights: ModelWeights | undefined = weights && {
    ...weights,
    gates: Object.fromEntries(
      GATES.map((gate) => {
        const { wx, wh, b } = weights.gates[gate];
        const bias = b.map((v, r) => mark(v, find.weight(gate, 'b', r, 0)));
        return [gate, { wx: mat(wx, gate, 'wx'), wh: mat(wh, gate, 'wh'), b: bias }];
      }),
    ) as ModelWeights['gates'],
    dense: weights.dense && {
      w: mat(weights.dense.w, 'dense', 'w'),
      b: weights.dense.b.map((v, r) => mark(v, find.weight('dense', 'b', r, 0))),
    },
  };
  if (tags.length > MAX_TAGS) return real;
  const probe = buildEquations(probeStep, probeWeights, notation);
  if (probe.length !== real.length) return real;
  return real.map((equation, k) => ({ ...equation, tex: substitute(probe[k].tex, tags) }));
}

/** Puts each sentinel's real number back, coloured by its literal when it has one. */
function substitute(tex: string, tags: readonly Tag[]): string {
  return tex.replace(/(\\cdot |\\times |\+ )?\b(9\d{5})\b/g, (match, before: string | undefined, digits: string) => {
    const tag = tags[Number(digits) - SENTINEL_BASE - 1];
    if (!tag) return match;
    // After an operator a negative number goes in parentheses, as equations.ts writes it.
    const number = before ? operand(tag.value) : num(tag.value);
    const shown = tag.literal === undefined ? number : `\\textcolor{${colourOf(tag.literal)}}{${number}}`;
    return `${before ?? ''}${shown}`;
  });
}

/** Literal k as a colour: #0a followed by k in four hex digits. */
function colourOf(literal: number): string {
  return `#0a${literal.toString(16).padStart(4, '0')}`;
}

/** The literal a typeset element's colour encodes, or undefined (rgb() as browsers report it, or hex). */
export function literalOfColour(colour: string): number | undefined {
  const rgb = /^rgb\(\s*10,\s*(\d+),\s*(\d+)\s*\)$/.exec(colour);
  if (rgb) return Number(rgb[1]) * 256 + Number(rgb[2]);
  const hex = /^#0a([0-9a-f]{4})$/i.exec(colour);
  return hex ? parseInt(hex[1], 16) : undefined;
}

/** Which literal of the cell each input number of the step comes from: the last one written. */
function literalFinder(literals: readonly Literal[], step: StepTrace, H: number) {
  const state = (key: 'x' | 'h' | 'c', k: number): number | undefined => {
    let found: number | undefined;
    literals.forEach((literal, index) => {
      if (literal.owner === key && literal.element === k && literal.steps.includes(step.t)) found = index;
    });
    return found;
  };
  const weight = (owner: GateSymbol | 'dense', key: string, r: number, c: number): number | undefined => {
    let found: number | undefined;
    literals.forEach((literal, index) => {
      if (literal.owner !== owner) return;
      const [row = 0, col = 0] = literal.index.length === 2 ? literal.index : [literal.index[0] ?? 0, 0];
      if (literal.key === key && literal.index.length !== 1 && row === r && col === c) found = index;
      else if (literal.key === key && literal.index.length === 1 && key === 'b' && row === r) found = index;
      else if (literal.key === 'W' && literal.index.length === 2 && row === r) {
        if (key === 'wh' && col === c && c < H) found = index;
        if (key === 'wx' && col === c + H) found = index;
      }
    });
    return found;
  };
  return { state, weight };
}

/**
 * Turns the typeset numbers of the cell's literals into handles of their sliders. A number KaTeX split
 * into several spans ("(", "−", "0.03", ")") is wrapped into one handle. The equation's HTML then
 * carries the sliders, so it is no longer hidden from screen readers (its MathML copy is instead).
 */
export function attachHandles(math: HTMLElement, controls: readonly ScrubControl[]): void {
  const runs: Array<{ literal: number; elements: HTMLElement[] }> = [];
  for (const element of math.querySelectorAll<HTMLElement>('.katex-html [style*="color"]')) {
    const literal = literalOfColour(element.style.color);
    if (literal === undefined) continue;
    element.style.removeProperty('color');
    const last = runs.at(-1);
    const adjacent = last?.literal === literal && last.elements.at(-1)?.nextElementSibling === element;
    if (adjacent) last.elements.push(element);
    else runs.push({ literal, elements: [element] });
  }
  for (const { literal, elements } of runs) {
    const control = controls[literal];
    if (!control) continue;
    const handle = document.createElement('span');
    handle.dataset.literal = String(literal);
    elements[0].before(handle);
    handle.append(...elements);
    control.attach(handle);
  }
  if (runs.length === 0) return;
  math.querySelector('.katex-html')?.removeAttribute('aria-hidden');
  math.querySelector('.katex-mathml')?.setAttribute('aria-hidden', 'true');
}
