// Numbers in the equations, as slots that a drag updates in place, and as handles of the inputs panel's
// sliders. The equations are built once more with every plain number replaced by a sentinel (its sign
// kept, as the sign shapes the TeX: "+ (-0.05)"); the sentinel's place in that TeX is where the number
// goes. A literal of the cell is also wrapped in \textcolor with a colour that encodes which literal it
// is (allowed with trust: false), so after typesetting its spans are found by colour.
import type { Notation } from '../common/payload';
import type { Literal } from '../core/literals';
import type { GateSymbol, Matrix, ModelWeights, StepTrace, Vector } from '../core/types';
import { GATE_ORDER, perGate } from '../core/vocabulary';
import { buildEquations, type Equation } from './equations';
import { formatTex } from './format';
import type { ScrubControl } from './scrub';
import { MAX_SHOWN_SIZE } from './tex';

const GATES: readonly GateSymbol[] = GATE_ORDER;
/** Sentinels print as plain integers of six digits starting with 9: no count or shape in the TeX does. */
const SENTINEL_BASE = 900_000;
const MAX_SLOTS = 99_999;
/** A number TeX writes as plain digits (its sign aside): the ones a slot can hold. */
const PLAIN = /^-?\d+(?:\.\d+)?$/;
/** A sentinel in TeX or typeset text. */
export const SENTINEL = /\b9\d{5}\b/g;

type Tag = { value: number; literal: number | undefined; digits: string };

/** An equation as slots: `tex` holds a sentinel where each number goes, `numbers` their digits. */
export interface SlottedEquation extends Equation {
  /** The TeX with sentinels; equal for two steps exactly when only the numbers' digits differ. */
  tex: string;
  /** Digits (no sign) by sentinel: numbers[k] goes where sentinel SENTINEL_BASE + k + 1 is. */
  numbers: string[];
}

/** The equations of `step` as slots, with the numbers the cell set (`literals`) wrapped for handles. */
export function slottedEquations(
  step: StepTrace,
  weights: ModelWeights | undefined,
  notation: Notation,
  literals: readonly Literal[],
): SlottedEquation[] {
  // Keys, titles and chips; the TeX with the numbers written in only where slots cannot be made.
  const real = buildEquations(step, weights, notation, false);
  const plain = (): SlottedEquation[] =>
    buildEquations(step, weights, notation).map((equation) => ({ ...equation, numbers: [] }));
  const find = literalFinder(literals, step, weights?.hidden ?? step.h_prev.length);
  const tags: Tag[] = [];
  // A plain number becomes a sentinel of its sign; others (1.5e-05, NaN, ∞) stay as part of the TeX.
  // Each number has its sentinel either way, so a number turning into 1e-04 leaves the others' alone.
  // What the sentinels' TeX depends on besides the shapes: each number's sign (or its text) and literal.
  let signature = '';
  const mark = (value: number, literal?: number): number => {
    const tex = formatTex(value);
    tags.push({ value, literal, digits: tex.replace(/^-/, '') });
    const plainNumber = PLAIN.test(tex);
    signature += `${value < 0 ? '-' : '+'}${plainNumber ? '' : tex}${literal ?? ''},`;
    if (!plainNumber) return value;
    const sentinel = SENTINEL_BASE + tags.length;
    return value < 0 ? -sentinel : sentinel;
  };
  // Past MAX_SHOWN_SIZE elements a vector is shown by its first few: the rest are never written.
  const vec = (values: Vector, key?: 'x' | 'h' | 'c'): Vector =>
    values.map((v, k) => (k < MAX_SHOWN_SIZE ? mark(v, key && find.state(key, k)) : v));
  const mat = (rows: Matrix, owner: GateSymbol | 'dense', key: string): Matrix =>
    rows.map((row, r) => row.map((v, c) => mark(v, find.weight(owner, key, r, c))));
  const probeStep: StepTrace = {
    ...step,
    x: vec(step.x, 'x'),
    h_prev: vec(step.h_prev, 'h'),
    c_prev: vec(step.c_prev, 'c'),
    z: perGate((gate) => vec(step.z[gate])),
    ...Object.fromEntries(GATES.map((gate) => [gate, vec(step[gate])])),
    fc: vec(step.fc),
    ig: vec(step.ig),
    c: vec(step.c),
    tanh_c: vec(step.tanh_c),
    h: vec(step.h),
    y: step.y && vec(step.y),
  };
  // Weights too large to be written out element by element are not in the TeX: no slots for them.
  const shown = step.h_prev.length + step.x.length <= MAX_SHOWN_SIZE;
  const denseShown = step.h.length <= MAX_SHOWN_SIZE && (step.y?.length ?? 0) <= MAX_SHOWN_SIZE;
  const probeWeights: ModelWeights | undefined = weights && {
    ...weights,
    gates: shown
      ? perGate((gate) => {
          const { wx, wh, b } = weights.gates[gate];
          const bias = b.map((v, r) => mark(v, find.weight(gate, 'b', r, 0)));
          return { wx: mat(wx, gate, 'wx'), wh: mat(wh, gate, 'wh'), b: bias };
        })
      : weights.gates,
    dense:
      weights.dense && denseShown
        ? {
            w: mat(weights.dense.w, 'dense', 'w'),
            b: weights.dense.b.map((v, r) => mark(v, find.weight('dense', 'b', r, 0))),
          }
        : weights.dense,
  };
  if (tags.length > MAX_SLOTS) return plain();
  // Every number of the step and weights a sentinel: the same signature, the same TeX (a drag's frames).
  const everyNumber =
    shown && denseShown && [step.x, step.h_prev, step.y ?? []].every((v) => v.length <= MAX_SHOWN_SIZE);
  const shapes = [notation, step.x.length, step.h_prev.length, step.y?.length, weights?.dense?.b.length, !weights];
  const key = everyNumber ? `${shapes.join(' ')}\n${signature}` : undefined;
  let texs = key === undefined ? undefined : sentinelTex.get(key);
  if (texs?.length !== real.length) {
    const probe = buildEquations(probeStep, probeWeights, notation);
    if (probe.length !== real.length || probe.some((equation, k) => equation.key !== real[k].key)) return plain();
    texs = probe.map((equation) => colourLiterals(equation.tex, tags));
    if (key !== undefined) remember(key, texs);
  }
  const numbers = tags.map((tag) => tag.digits);
  return real.map((equation, k) => ({ ...equation, tex: texs[k] ?? '', numbers }));
}

/** The sentinels' TeX of the equations lately drawn, by signature (a few: one output drags at a time). */
const sentinelTex = new Map<string, string[]>();

function remember(key: string, texs: string[]): void {
  if (sentinelTex.size >= 16) sentinelTex.clear();
  sentinelTex.set(key, texs);
}

/** The TeX a slotted equation stands for: each sentinel replaced by its number's digits. */
export function filledTex(tex: string, numbers: readonly string[]): string {
  return tex.replace(SENTINEL, (digits) => numbers[Number(digits) - SENTINEL_BASE - 1] ?? digits);
}

/** The slot index of a sentinel's digits, or undefined. */
export function slotOf(digits: string): number | undefined {
  return /^9\d{5}$/.test(digits) ? Number(digits) - SENTINEL_BASE - 1 : undefined;
}

/** Wraps each literal's sentinel (with its sign, and the parentheses of a negative operand) in its colour. */
function colourLiterals(tex: string, tags: readonly Tag[]): string {
  const pattern = /(\\cdot |\\times |\+ )?(\(-9\d{5}\)|-?(?<![\w.])9\d{5}(?![\w.]))/g;
  return tex.replace(pattern, (match, before: string | undefined, number: string) => {
    const tag = tags[Number(/9\d{5}/.exec(number)?.[0]) - SENTINEL_BASE - 1];
    if (tag?.literal === undefined) return match;
    return `${before ?? ''}\\textcolor{${colourOf(tag.literal)}}{${number}}`;
  });
}

/** Literal k as a colour: #0a followed by k in four hex digits. */
function colourOf(literal: number): string {
  return `#0a${literal.toString(16).padStart(4, '0')}`;
}

/** The literal a typeset element's colour encodes, or undefined (rgb() as browsers report it, or hex). */
function literalOfColour(colour: string): number | undefined {
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
  for (const element of math.querySelectorAll('.katex-html [style*="color"]')) {
    if (!(element instanceof HTMLElement)) continue;
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
