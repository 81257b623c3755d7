// Focusable terms with plain-words explanations: chips next to equations, and the diagram's nodes.
// Tooltips show on hover and on keyboard focus; their text is fixed glossary text plus formatted numbers.
import { html } from './dom';
import { describe, type Term } from './glossary';
import type { DiagramNode } from './diagram';
import { termLink } from './linkedViews';

/** "words (symbol) = value. explanation" — what a screen reader and the tooltip say. */
export function explanation(term: Term, value: string): { label: string; body: string } {
  const text = describe(term);
  const label = `${text.words} (${text.symbol.replace(/_/g, '')}) = ${value}`;
  return { label: `${label}. ${text.explain}`, body: text.explain };
}

/** Each chip row's chips with the text of their values, so a drag's frames set them without a search. */
const rowValues = new WeakMap<HTMLElement, Array<{ chip: HTMLElement; value: Text }>>();

/** One chip: the symbol, with a tooltip naming it in words and giving its live value. */
function termChip(term: Term, value: string): { chip: HTMLElement; value: Text } {
  const text = describe(term);
  const { label, body } = explanation(term, value);
  const shown = document.createTextNode(` = ${value}`);
  const tip = html(
    'span',
    { class: 'tip', 'aria-hidden': 'true' },
    html('strong', {}, text.words),
    shown,
    html('br'),
    body,
  );
  const chip = html(
    'span',
    { class: 'term', tabindex: 0, role: 'note', 'aria-label': label, ...termLink(term) },
    ...symbolNodes(text.symbol),
    tip,
  );
  return { chip, value: shown };
}

export function chipRow(chips: Array<{ term: Term; value: string }>): HTMLElement {
  const made = chips.map((chip) => termChip(chip.term, chip.value));
  const row = html('div', { class: 'terms' }, ...made.map(({ chip }) => chip));
  rowValues.set(row, made);
  return row;
}

/** Gives a row's chips (the same terms, made by chipRow) new values in place, as termChip writes them. */
export function setChipValues(row: HTMLElement, chips: Array<{ term: Term; value: string }>): void {
  const made = rowValues.get(row) ?? [];
  chips.forEach((chip, k) => {
    const element = made[k];
    const shown = ` = ${chip.value}`;
    // The label is made of the same term and value: with the value unchanged, so is it.
    if (!element || element.value.data === shown) return;
    element.value.data = shown;
    element.chip.setAttribute('aria-label', explanation(chip.term, chip.value).label);
  });
}

/** "h_t-1" → h with a lowered "t-1". */
function symbolNodes(symbol: string): Array<Node | string> {
  const nodes: Array<Node | string> = [];
  let rest = symbol;
  for (let match = /_(t-1|[A-Za-z0-9]+)/.exec(rest); match; match = /_(t-1|[A-Za-z0-9]+)/.exec(rest)) {
    nodes.push(rest.slice(0, match.index), html('sub', {}, match[1]));
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest) nodes.push(rest);
  return nodes;
}

/**
 * Makes the diagram's nodes focusable and explains them in a floating box placed over the node.
 * `container` holds the mermaid SVG and must be positioned (the box is absolutely placed in it).
 */
export function attachNodeTooltips(container: HTMLElement, nodes: DiagramNode[]): void {
  const box = html('div', { class: 'node-tip', role: 'tooltip', hidden: '' });
  container.append(box);
  const hide = (): void => box.setAttribute('hidden', '');
  for (const node of nodes) {
    // Mermaid's flowchart names node groups "<svg id>-flowchart-<node id>-<n>".
    const element = container.querySelector(`g.node[id*="-flowchart-${node.id}-"]`);
    if (!element) continue;
    const { label, body } = explanation(node.term, node.value);
    element.setAttribute('tabindex', '0');
    element.setAttribute('role', 'img');
    element.setAttribute('aria-label', label);
    const show = (): void => {
      box.replaceChildren(html('strong', {}, describe(node.term).words), ` = ${node.value}`, html('br'), body);
      box.removeAttribute('hidden');
      const outer = container.getBoundingClientRect();
      const inner = element.getBoundingClientRect();
      // Below the node in the diagram's top half, above it in the bottom half: it stays inside.
      const below = inner.top + inner.height / 2 - outer.top < outer.height / 2;
      const top = below ? inner.bottom - outer.top + 4 : inner.top - outer.top - box.offsetHeight - 4;
      box.style.left = `${Math.max(0, inner.left - outer.left + container.scrollLeft)}px`;
      box.style.top = `${Math.max(0, top)}px`;
    };
    element.addEventListener('mouseenter', show);
    element.addEventListener('focus', show);
    element.addEventListener('mouseleave', hide);
    element.addEventListener('blur', hide);
  }
}
