// Updates the numbers of a drawn gate diagram in place, so dragging a weight repaints the diagram every
// frame without mermaid laying it out again. Returns false when it cannot (a label is missing or the new
// text is longer than the room mermaid gave the old one): the caller then lays the diagram out anew.
import type { StepTrace } from '../core/types';
import { diagramNumbers, type DiagramNode } from './diagram';

export function updateDiagramLabels(container: HTMLElement, nodes: DiagramNode[], step: StepTrace): boolean {
  const prefix = /^(.*)_[a-z]+$/.exec(nodes[0]?.id ?? '')?.[1];
  if (!prefix) return false;
  const numbers = diagramNumbers(step, prefix);
  const writes: Array<[Text, string]> = [];
  for (const [id, value] of numbers.nodes) {
    // The value is the text after the label's line break: "forget gate σ<br>0.998".
    const label = container.querySelector(`g.node[id*="-flowchart-${id}-"] .nodeLabel`);
    const text = label && lastText(label);
    if (!text) return false;
    writes.push([text, value]);
  }
  for (const [id, value] of numbers.edges) {
    const label = container.querySelector(`g.label[data-id="${id}"] .edgeLabel`);
    const text = label && lastText(label);
    if (!text) return false;
    writes.push([text, value]);
  }
  if (writes.some(([text, value]) => value.length > (text.data.length || 1))) return false;
  for (const [text, value] of writes) if (text.data !== value) text.data = value;
  const values = new Map(numbers.nodes.map(([id, value]) => [id, value]));
  for (const node of nodes) node.value = values.get(node.id) ?? node.value;
  return true;
}

function lastText(element: Element): Text | undefined {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let last: Text | undefined;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) last = node as Text;
  return last;
}
