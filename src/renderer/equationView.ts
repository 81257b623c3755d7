// The equations of the step shown, typeset: their terms tagged for the linked views and, in an
// explorable output, the cell's numbers turned into handles of its sliders. KaTeX typesets each
// equation once per structure, with a sentinel where each number goes; the sentinels' text nodes (in
// the drawn HTML and in the MathML) then get the digits, on the first draw as on every frame of a
// drag, so an update in place and a fresh draw leave the same DOM.
import type { Notation } from '../common/payload';
import type { ModelWeights, StepTrace } from '../core/types';
import { html } from './dom';
import { attachHandles, filledTex, SENTINEL, slotOf, slottedEquations, type SlottedEquation } from './equationControls';
import { HeldBoxes } from './heldBoxes';
import { markTerms, tagTerms, unmarkedTex } from './equationTerms';
import type { Explorer } from './explorer';
import { typeset, type loadKatex } from './katexRender';
import { chipRow, setChipValues } from './tooltips';

type Katex = Awaited<ReturnType<typeof loadKatex>>;

export interface EquationInput {
  step: StepTrace;
  weights: ModelWeights | undefined;
  notation: Notation;
  explorer?: Explorer;
}

/** A number's text nodes in a typeset equation: all of them, and those of the drawn HTML (not the MathML). */
interface Slot {
  all: Text[];
  drawn: Text[];
}

/** One drawn equation: its block and where its numbers are. */
interface Drawn {
  block: HTMLElement;
  /** Each number's text nodes, by slot index. */
  slots: Map<number, Slot>;
  annotation: Element | null;
  chips: HTMLElement;
  error?: string;
}

const HAS_SENTINEL = /\b9\d{5}\b/;

/** The blocks last drawn into a container, by structure: a drag that keeps it only sets digits. */
const drawn = new WeakMap<HTMLElement, Map<string, Drawn>>();
const held = new WeakMap<HTMLElement, HeldBoxes>();

/**
 * 'fresh' typesets every equation anew; 'update' updates in place those whose structure is unchanged;
 * 'drag' does too but, in an explorable output, leaves the MathML copy for the drag's end: there the
 * numbers are sliders in the drawn HTML, which screen readers read, and the MathML is hidden from them
 * (laying it out again cost as much as the visible numbers did).
 */
export type DrawMode = 'fresh' | 'update' | 'drag';

/** Typesets the equations into `container`; returns KaTeX's error messages, if any. */
export function drawEquations(container: HTMLElement, katex: Katex, input: EquationInput, mode: DrawMode): string[] {
  const { step, weights, notation, explorer } = input;
  // Keyboard focus on a number in an equation survives the equation being typeset again.
  const root = container.getRootNode();
  const active = root instanceof ShadowRoot || root instanceof Document ? root.activeElement : null;
  const focused = active instanceof HTMLElement && container.contains(active) ? active.dataset.literal : undefined;
  const focusedIn = active?.closest('[data-equation]')?.getAttribute('data-equation');
  const previous = mode === 'fresh' ? undefined : drawn.get(container);
  const copies = mode !== 'drag' || !explorer;
  const next = new Map<string, Drawn>();
  const errors: string[] = [];
  const equations = slottedEquations(step, weights, notation, explorer?.literals ?? []).map((equation) => {
    const { tex, terms } = markTerms(equation.tex, equation.key, notation);
    const key = `${equation.key}\n${equation.title}\n${tex}\n${JSON.stringify(equation.chips.map((c) => c.term))}`;
    return { equation, tex, terms, key, kept: previous?.get(key) };
  });
  // In a drag, the numbers about to change in place keep their boxes (see ./heldBoxes); otherwise they
  // let go. Only those: each held box is a layer of its own the browser updates every frame.
  const boxes = heldBoxes(container);
  if (mode === 'drag') boxes.hold(equations.flatMap(({ kept, equation }) => (kept ? changing(kept, equation) : [])));
  else boxes.releaseAll();
  const blocks = equations.map(({ equation, tex, terms, key, kept }) => {
    let entry = kept;
    if (entry) fill(entry, tex, equation, copies, boxes);
    else {
      entry = build(katex, tex, equation);
      const error = entry.block.querySelector('.katex-error');
      if (error) entry.error = `Formula ${equation.key}: ${error.getAttribute('title') ?? 'KaTeX error'}`;
      tagTerms(entry.block, terms);
      if (explorer) attachHandles(entry.block, explorer.controls);
    }
    setChipValues(entry.chips, equation.chips);
    if (entry.error) errors.push(entry.error);
    // A fallback typeset with its numbers (no slots) is not kept: new numbers typeset it anew.
    if (entry.slots.size > 0 || !HAS_SENTINEL.test(tex)) next.set(key, entry);
    return entry.block;
  });
  drawn.set(container, next);
  const same = blocks.length === container.children.length && blocks.every((b, k) => container.children[k] === b);
  if (!same) container.replaceChildren(...blocks);
  if (focused !== undefined) {
    const handle = container.querySelector(`[data-equation="${focusedIn}"] [data-literal="${focused}"]`);
    if (handle instanceof HTMLElement) handle.focus();
  }
  return errors;
}

/** The held boxes of the numbers drawn in `container`. */
function heldBoxes(container: HTMLElement): HeldBoxes {
  let boxes = held.get(container);
  if (!boxes) held.set(container, (boxes = new HeldBoxes()));
  return boxes;
}

/** The digits `equation` puts in slot `slot`: what fill writes, and what tells a changing number. */
function digitsAt(equation: SlottedEquation, slot: number): string {
  return equation.numbers[slot] ?? '?';
}

/** The drawn texts of `entry` whose digits `equation` changes. */
function changing(entry: Drawn, equation: SlottedEquation): Text[] {
  return [...entry.slots].flatMap(([slot, { drawn }]) => {
    const digits = digitsAt(equation, slot);
    return drawn.filter((text) => text.data !== digits);
  });
}

/** Typesets one equation with sentinels, finds their text nodes and fills in the digits. */
function build(katex: Katex, tex: string, equation: SlottedEquation): Drawn {
  const math = html('div', { class: 'math' });
  typeset(katex, tex, math);
  let slots = slotNodes(math, tex);
  if (!slots) {
    // KaTeX did not keep each sentinel as one piece of text: typeset the numbers themselves.
    typeset(katex, filledTex(tex, equation.numbers), math);
    slots = new Map();
  }
  const chips = chipRow(equation.chips);
  const block = html(
    'div',
    { class: 'equation', 'data-equation': equation.key },
    html('h4', {}, equation.title),
    math,
    chips,
  );
  const entry: Drawn = { block, slots, annotation: math.querySelector('annotation'), chips };
  fill(entry, tex, equation, true);
  return entry;
}

/**
 * Puts the equation's digits into its slots, those drawn through `boxes`; with `copies`, also into the
 * MathML and its annotation (the TeX, unmarked).
 */
function fill(entry: Drawn, tex: string, equation: SlottedEquation, copies: boolean, boxes?: HeldBoxes): void {
  for (const [slot, nodes] of entry.slots) {
    const digits = digitsAt(equation, slot);
    for (const node of nodes.drawn) {
      if (boxes) boxes.write(node, digits);
      else if (node.data !== digits) node.data = digits;
    }
    if (copies) for (const node of nodes.all) if (node.data !== digits) node.data = digits;
  }
  if (!entry.annotation || !copies) return;
  const copied = unmarkedTex(filledTex(tex, equation.numbers));
  if (entry.annotation.textContent !== copied) entry.annotation.textContent = copied;
}

/** Each sentinel's text nodes, or undefined unless each of its places in `tex` is one text in the HTML and one in the MathML. */
function slotNodes(math: HTMLElement, tex: string): Map<number, Slot> | undefined {
  const slots = new Map<number, Slot>();
  const walker = document.createTreeWalker(math, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (!(text instanceof Text)) continue;
    const slot = slotOf(text.data);
    if (slot === undefined) continue;
    const found = slots.get(slot) ?? { all: [], drawn: [] };
    found.all.push(text);
    if (!text.parentElement?.closest('.katex-mathml')) found.drawn.push(text);
    slots.set(slot, found);
  }
  const places = new Map<number | undefined, number>();
  for (const [digits] of tex.matchAll(SENTINEL)) places.set(slotOf(digits), (places.get(slotOf(digits)) ?? 0) + 1);
  if (places.size !== slots.size) return undefined;
  for (const [slot, { all, drawn }] of slots) {
    const count = places.get(slot);
    if (count === undefined || all.length !== 2 * count || drawn.length !== count) return undefined;
  }
  return slots;
}
