// Updates the numbers of a drawn gate diagram in place, so dragging a weight repaints the diagram every
// frame without mermaid laying it out again (the caller lays it out anew when the drag settles). The
// label text nodes are found once per layout. A number wider than the room mermaid gave its label
// widens that label and its box where they are (measured on a canvas, so no layout is read).
import type { StepTrace } from '../core/types';
import { diagramNumbers, type DiagramNode } from './diagram';
import { explanation } from './tooltips';

interface Label {
  text: Text;
  /** The foreignObject mermaid sized to the label, and the width it has now. */
  box: SVGForeignObjectElement | null;
  width: number;
  /** The width mermaid laid it out with. */
  original: number;
  /** The node's shape, widened with the label (a node's; an edge label has its background in the box). */
  shape: SVGElement | null;
}

export class LiveDiagram {
  private readonly labels = new Map<string, Label>();
  private readonly prefix: string | undefined;
  private measure: ((text: string) => number) | undefined;

  /** Reads the labels of the diagram mermaid just drew into `container`; `nodes` as diagramSource gave them. */
  constructor(
    private readonly container: HTMLElement,
    private readonly nodes: DiagramNode[],
  ) {
    this.prefix = /^(.*)_[a-z]+$/.exec(nodes[0]?.id ?? '')?.[1];
  }

  /** Shows `step`'s numbers; false when a label cannot be found (then lay the diagram out anew). */
  update(step: StepTrace): boolean {
    if (!this.prefix) return false;
    const numbers = diagramNumbers(step, this.prefix);
    const found = [
      ...numbers.nodes.map(([id, value]) => [this.label(id, 'node'), value] as const),
      ...numbers.edges.map(([id, value]) => [this.label(id, 'edge'), value] as const),
    ];
    if (found.some(([label]) => !label)) return false;
    for (const [label, value] of found) if (label) this.show(label, value);
    // Every node's tooltip and spoken label, an operation's (⊙, +, tanh) too, which shows no number.
    for (const node of this.nodes) {
      const value = numbers.values.get(node.id);
      if (value === undefined || value === node.value) continue;
      node.value = value;
      const element = this.container.querySelector(`g.node[id*="-flowchart-${node.id}-"]`);
      element?.setAttribute('aria-label', explanation(node.term, value).label);
    }
    return true;
  }

  private show(label: Label, value: string): void {
    if (label.text.data === value) return;
    label.text.data = value;
    const width = this.measureText(value);
    if (label.box && width !== undefined && width > label.width + 0.5) this.widen(label, Math.ceil(width) + 1);
  }

  /** Widens a label about its centre (and a node's shape with it), keeping its place in the layout. */
  private widen(label: Label, width: number): void {
    const box = label.box;
    const group = box?.parentElement;
    if (!box || !group) return;
    const grow = width - label.width;
    box.setAttribute('width', String(width));
    const [x = 0, y = 0] = translation(group.getAttribute('transform'));
    group.setAttribute('transform', `translate(${x - grow / 2}, ${y})`);
    const shape = label.shape;
    if (shape instanceof SVGRectElement) {
      shape.setAttribute('x', String(Number(shape.getAttribute('x')) - grow / 2));
      shape.setAttribute('width', String(Number(shape.getAttribute('width')) + grow));
    } else if (shape) {
      // A drawn path (the rounded state nodes, about a label's height wider than it): stretched sideways.
      const drawn = label.original + 2 * Number(box.getAttribute('height') ?? 0);
      shape.setAttribute('transform', `scale(${(drawn + width - label.original) / drawn}, 1)`);
    }
    label.width = width;
  }

  private label(id: string, kind: 'node' | 'edge'): Label | undefined {
    const key = `${kind}:${id}`;
    const known = this.labels.get(key);
    if (known?.text.isConnected) return known;
    const root =
      kind === 'node'
        ? this.container.querySelector(`g.node[id*="-flowchart-${id}-"]`)
        : this.container.querySelector(`g.label[data-id="${id}"]`);
    const element = root?.querySelector(kind === 'node' ? '.nodeLabel' : '.edgeLabel');
    const text = element && lastText(element);
    if (!root || !text) return undefined;
    const box = element.closest('foreignObject');
    const outline = kind === 'node' ? root.querySelector(':scope > .label-container') : null;
    const shape = outline instanceof SVGElement ? outline : null;
    const width = Number(box?.getAttribute('width') ?? 0);
    const label: Label = {
      text,
      box,
      width,
      original: width,
      shape,
    };
    this.labels.set(key, label);
    return label;
  }

  /** The width of `text` in the labels' font, or undefined where there is no canvas (jsdom). */
  private measureText(text: string): number | undefined {
    if (!this.measure) {
      const sample = this.container.querySelector('.nodeLabel, .edgeLabel');
      const context = sample ? document.createElement('canvas').getContext('2d') : null;
      if (!sample || !context) return undefined;
      const style = getComputedStyle(sample);
      context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const measuring = context;
      this.measure = (value) => measuring.measureText(value).width;
    }
    return this.measure(text);
  }
}

function translation(transform: string | null): number[] {
  const match = /translate\(\s*(-?[\d.e+-]+)[ ,]+(-?[\d.e+-]+)\s*\)/.exec(transform ?? '');
  return match ? [Number(match[1]), Number(match[2])] : [];
}

function lastText(element: Element): Text | undefined {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let last: Text | undefined;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node instanceof Text) last = node;
  return last;
}
