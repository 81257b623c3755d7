// Linked highlighting: hovering or focusing a term (a chip, a term of an equation) lights up the
// diagram's nodes and edges that show it, and a diagram node lights up the terms that feed or show it.
// Elements carry their keys in `data-link`: a diagram node's key ("f", "keep"), an edge's ("cat>f").
import { GATE_ORDER, isGateSymbol } from '../core/vocabulary';
import type { Term, TermId } from './glossary';

/** Diagram keys (see diagram.ts) of the terms that are not gate-specific. */
const TERM_KEYS: Partial<Record<TermId, string[]>> = {
  x: ['x', 'x>cat'],
  h_prev: ['hp', 'hp>cat'],
  c_prev: ['cp', 'cp>keep'],
  concat: ['cat'],
  sigma: ['f', 'i', 'o'],
  tanh: ['g', 'tc'],
  odot: ['keep', 'add', 'out'],
  fc: ['keep', 'keep>sum'],
  ig: ['add', 'add>sum'],
  c: ['sum', 'c', 'c>tc'],
  tanh_c: ['tc', 'tc>out'],
  h: ['out', 'h'],
  W_y: ['dense'],
  b_y: ['dense'],
  y: ['y'],
};

/** The diagram keys a term is drawn at. */
function linkKeys(term: Term): string[] {
  if (isGateSymbol(term.id)) return [term.id];
  if (term.id === 'W' || term.id === 'b' || term.id === 'z') {
    const gates = term.gate ? [term.gate] : GATE_ORDER;
    return gates.flatMap((gate) => [`cat>${gate}`, gate]);
  }
  return TERM_KEYS[term.id] ?? [];
}

const keysOf = (element: Element): string[] => (element.getAttribute('data-link') ?? '').split(' ').filter(Boolean);

/** Wires hover and focus on every `[data-link]` element in `root`, now and later (event delegation). */
export function linkViews(root: ShadowRoot): void {
  let lit: Element[] = [];
  const clear = (): void => {
    for (const element of lit) element.classList.remove('linked');
    lit = [];
  };
  const light = (target: EventTarget | null): void => {
    clear();
    const source = target instanceof Element ? target.closest('[data-link]') : null;
    if (!source) return;
    const keys = new Set(keysOf(source));
    const fromDiagram = source.closest('.diagram') !== null;
    const term = source.getAttribute('data-term');
    for (const element of root.querySelectorAll('[data-link]')) {
      const own = keysOf(element);
      const inDiagram = element.closest('.diagram') !== null;
      // A term lights the diagram parts it names and the same term elsewhere; a diagram part lights
      // itself and every term drawn at it.
      const match = fromDiagram
        ? element === source || (!inDiagram && own.some((key) => keys.has(key)))
        : (inDiagram && own.some((key) => keys.has(key))) ||
          (term !== null && element.getAttribute('data-term') === term);
      if (match) lit.push(element);
    }
    for (const element of lit) element.classList.add('linked');
  };
  root.addEventListener('mouseover', (event) => light(event.target));
  root.addEventListener('focusin', (event) => light(event.target));
  root.addEventListener('mouseout', clear);
  root.addEventListener('focusout', clear);
}

/** Tags a drawn mermaid diagram's nodes and edges with their keys (ids are "<prefix>_<key>"). */
export function tagDiagram(container: Element, prefix: string): void {
  for (const node of container.querySelectorAll('g.node[id]')) {
    const key = new RegExp(`-flowchart-${prefix}_([a-z]+)-`).exec(node.id)?.[1];
    if (key) node.setAttribute('data-link', key);
  }
  for (const edge of container.querySelectorAll('[data-id^="L_"]')) {
    const match = new RegExp(`^L_${prefix}_([a-z]+)_${prefix}_([a-z]+)_`).exec(edge.getAttribute('data-id') ?? '');
    if (match) edge.setAttribute('data-link', `${match[1]}>${match[2]}`);
  }
}

/** A term's link attributes for a chip or an equation term. */
export function termLink(term: Term): Record<string, string> {
  return { 'data-link': linkKeys(term).join(' '), 'data-term': term.gate ? `${term.id}:${term.gate}` : term.id };
}
