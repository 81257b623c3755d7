// Activation curves (σ and tanh over [-6, 6]) with the last step's evaluated points marked and labelled.
import type { StepTrace, Vector } from '../core/types';
import { svg, html, update } from './dom';
import { formatNumber } from './format';
import { describe, type TermId } from './glossary';
import { unicodeSymbol } from './diagram';

type Activation = 'sigma' | 'tanh';

interface CurveSpec {
  term: TermId;
  activation: Activation;
  inputs: Vector;
  outputs: Vector;
}

const WIDTH = 240;
const HEIGHT = 150;
const PAD = { left: 28, right: 10, top: 10, bottom: 20 };
const X_RANGE = 6;
/** Points marked per chart; a wider vector shows its first elements. */
const MAX_POINTS = 6;

const FUNCTIONS: Record<Activation, { f: (z: number) => number; low: number; name: string }> = {
  sigma: { f: (z) => 1 / (1 + Math.exp(-z)), low: 0, name: 'σ' },
  tanh: { f: Math.tanh, low: -1, name: 'tanh' },
};

/**
 * One chart per gate (σ for f, i, o; tanh for the potential memory) and one for tanh(C_t). Given the
 * charts already `drawn` there (to be patched), a chart's axes and curve, which never change, are left
 * out: an empty group with their key stands for them, and patchChildren keeps the drawn ones.
 */
export function curveCharts(step: StepTrace, drawn?: ParentNode): HTMLElement[] {
  const specs: CurveSpec[] = [
    { term: 'f', activation: 'sigma', inputs: step.z.f, outputs: step.f },
    { term: 'i', activation: 'sigma', inputs: step.z.i, outputs: step.i },
    { term: 'g', activation: 'tanh', inputs: step.z.g, outputs: step.g },
    { term: 'o', activation: 'sigma', inputs: step.z.o, outputs: step.o },
    { term: 'tanh_c', activation: 'tanh', inputs: step.c, outputs: step.tanh_c },
  ];
  return specs.map((spec, k) => curveChart(spec, drawn?.children[k]));
}

/**
 * What each drawn chart shows, and how it is made up (its points' count and edges): a chart whose points
 * are unchanged (another gate's, mid-drag) is kept as it is; one made up the same way has its points moved.
 */
const drawnAs = new WeakMap<Element, { showing: string; layout: string }>();

function curveChart(spec: CurveSpec, drawn: Element | undefined): HTMLElement {
  const points = [spec.inputs.slice(0, MAX_POINTS), spec.outputs.slice(0, MAX_POINTS), spec.inputs.length];
  const showing = `${spec.term} ${spec.activation} ${JSON.stringify(points)}`;
  const before = drawn && drawnAs.get(drawn);
  if (drawn instanceof HTMLElement && before?.showing === showing) return drawn;
  const scale = scaleOf(spec.activation);
  const marks = spec.inputs.slice(0, MAX_POINTS).map((z, k) => pointAt(z, spec.outputs[k] ?? NaN, scale));
  const layout = `${spec.term} ${spec.activation} ${spec.inputs.length} ${marks.map((mark) => mark.edge).join(' ')}`;
  // Mid-drag a chart keeps its make-up: its points move and its labels change, and nothing is built
  // (a fresh copy to patch against cost as much as the rest of the frame's script together).
  const moved = drawn instanceof HTMLElement && before?.layout === layout && movePoints(drawn, spec, marks);
  const chart = moved ? drawn : drawChart(spec, drawn, marks);
  drawnAs.set(chart, { showing, layout });
  // patchChildren makes the drawn chart this one.
  if (drawn) drawnAs.set(drawn, { showing, layout });
  return chart;
}

interface Scale {
  toX: (z: number) => number;
  toY: (v: number) => number;
}

function scaleOf(activation: Activation): Scale {
  const low = FUNCTIONS[activation].low;
  return {
    toX: (z) => PAD.left + ((z + X_RANGE) / (2 * X_RANGE)) * (WIDTH - PAD.left - PAD.right),
    toY: (v) => PAD.top + ((1 - v) / (1 - low)) * (HEIGHT - PAD.top - PAD.bottom),
  };
}

/** "σ(0.33) = 0.582" for each point marked. */
function pointLabels(spec: CurveSpec): string[] {
  const name = FUNCTIONS[spec.activation].name;
  return spec.inputs
    .slice(0, MAX_POINTS)
    .map((z, k) => `${name}(${formatNumber(z)}) = ${formatNumber(spec.outputs[k] ?? NaN)}`);
}

function drawChart(spec: CurveSpec, drawn: Element | undefined, marks: Point[]): HTMLElement {
  const fn = FUNCTIONS[spec.activation];
  const { toX, toY } = scaleOf(spec.activation);
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'curve', role: 'img' });
  const key = `curve-${spec.activation}`;
  const kept = drawn?.querySelector(`:scope > svg > g[data-static="${key}"]`);
  const parts = svg('g', { 'data-static': key });
  if (!kept) parts.append(...axes(toX, toY, fn.low), curvePath(fn.f, toX, toY));
  chart.append(parts);
  const several = spec.inputs.length > 1;
  marks.forEach((mark, index) => chart.append(marker(mark, several ? String(index + 1) : undefined)));
  const labels = pointLabels(spec);
  chart.setAttribute('aria-label', labels.join('; '));
  const text = describe({ id: spec.term });
  const caption = html('figcaption', {}, `${text.words} · ${unicodeSymbol(text.symbol)}`);
  if (!several) {
    // One point: its label goes in the top-left corner, which both curves leave empty.
    chart.append(svg('text', { x: PAD.left + 4, y: PAD.top + 11, class: 'point-label' }, labels[0] ?? ''));
    return html('figure', { class: 'curve-figure' }, caption, chart);
  }
  // Several points: numbered on the curve, listed below it.
  const list = html('ol', { class: 'evaluations' }, ...labels.map((label) => html('li', {}, label)));
  if (spec.inputs.length > MAX_POINTS)
    list.append(html('li', { class: 'more' }, `… ${spec.inputs.length - MAX_POINTS} more`));
  return html('figure', { class: 'curve-figure' }, caption, chart, list);
}

/**
 * Moves the points of a chart drawn with as many points, each on the same edge (so each marker has the
 * same shapes), and rewrites its labels; false (nothing changed) if the chart's parts are not there.
 */
function movePoints(figure: HTMLElement, spec: CurveSpec, marks: Point[]): boolean {
  const [chart] = childrenOf(figure, 'svg');
  const groups = chart ? childrenOf(chart, 'g', 'point') : [];
  const several = spec.inputs.length > 1;
  const [list] = childrenOf(figure, 'ol');
  const texts = several
    ? (list ? childrenOf(list, 'li') : []).filter((item) => !item.classList.contains('more'))
    : chart
      ? childrenOf(chart, 'text', 'point-label')
      : [];
  if (!chart || groups.length !== marks.length || texts.length !== marks.length) return false;
  const labels = pointLabels(spec);
  marks.forEach((mark, k) => placeMarker(groups[k], mark, several));
  texts.forEach((text, k) => update(text, {}, labels[k]));
  update(chart, { 'aria-label': labels.join('; ') });
  return true;
}

/** The children of `parent` named `name` (with the class `className`, if given). */
function childrenOf(parent: Element, name: string, className?: string): Element[] {
  return [...parent.children].filter(
    (child) => child.localName === name && (className === undefined || child.classList.contains(className)),
  );
}

/** Where a point goes, and which edge it sits on when its input is beyond the axis (or NaN, not drawn). */
interface Point {
  x: number;
  y: number;
  /** The axes' lines the guides reach. */
  x0: number;
  y0: number;
  edge: 'none' | 'left' | 'right' | 'nan';
}

function pointAt(z: number, value: number, { toX, toY }: Scale): Point {
  const clamped = Math.max(-X_RANGE, Math.min(X_RANGE, Number.isFinite(z) ? z : z > 0 ? X_RANGE : -X_RANGE));
  const edge = Number.isNaN(z) ? 'nan' : clamped === z ? 'none' : z > 0 ? 'right' : 'left';
  return { x: toX(clamped), y: toY(Number.isFinite(value) ? value : 0), x0: toX(0), y0: toY(0), edge };
}

/** An SVG element's tag and attributes. */
type Shape = [keyof SVGElementTagNameMap, Record<string, number | string>];

/** A point's shapes with their attributes, in drawing order: guides to both axes, the edge's arrow, the dot, its number. */
function markerShapes(point: Point, tagged: boolean): Shape[] {
  if (point.edge === 'nan') return [];
  const { x, y, x0, y0 } = point;
  const shapes: Shape[] = [
    ['line', { x1: x, x2: x, y1: y0, y2: y, class: 'guide' }],
    ['line', { x1: x0, x2: x, y1: y, y2: y, class: 'guide' }],
  ];
  if (point.edge !== 'none') {
    const dir = point.edge === 'right' ? 1 : -1;
    shapes.push(['path', { d: `M${x + 9 * dir},${y} l${-6 * dir},-4 v8 z`, class: 'clamp-arrow' }]);
  }
  shapes.push(['circle', { cx: x, cy: y, r: 3.5, class: 'point-dot' }]);
  if (tagged) shapes.push(['text', { x: x + 5, y: y + 12, class: 'point-tag' }]);
  return shapes;
}

/** A point on the curve with dashed guides to both axes; beyond the axis it sits on the edge with an arrow. */
function marker(point: Point, tag: string | undefined): SVGElement {
  const group = svg('g', { class: 'point' });
  for (const [name, attributes] of markerShapes(point, tag !== undefined))
    group.append(svg(name, attributes, ...(name === 'text' ? [tag ?? ''] : [])));
  return group;
}

/** Moves a drawn marker's shapes (markerShapes made them, for a point on the same edge). */
function placeMarker(group: Element, point: Point, tagged: boolean): void {
  markerShapes(point, tagged).forEach(([, attributes], k) => {
    const element = group.children[k];
    if (element) update(element, attributes);
  });
}

function axes(toX: (z: number) => number, toY: (v: number) => number, low: number): SVGElement[] {
  const [left, right] = [toX(-X_RANGE), toX(X_RANGE)];
  const [top, bottom] = [toY(1), toY(low)];
  const zero = toY(0);
  const elements: SVGElement[] = [
    svg('line', { x1: left, x2: right, y1: zero, y2: zero, class: 'axis' }),
    svg('line', { x1: toX(0), x2: toX(0), y1: top, y2: bottom, class: 'axis' }),
    svg('line', { x1: left, x2: right, y1: top, y2: top, class: 'grid' }),
  ];
  if (low < 0) elements.push(svg('line', { x1: left, x2: right, y1: bottom, y2: bottom, class: 'grid' }));
  for (const z of [-X_RANGE, 0, X_RANGE]) {
    elements.push(svg('text', { x: toX(z), y: HEIGHT - 6, class: 'tick', 'text-anchor': 'middle' }, String(z)));
  }
  for (const v of low < 0 ? [-1, 0, 1] : [0, 0.5, 1]) {
    elements.push(svg('text', { x: left - 4, y: toY(v) + 3, class: 'tick', 'text-anchor': 'end' }, String(v)));
  }
  return elements;
}

function curvePath(f: (z: number) => number, toX: (z: number) => number, toY: (v: number) => number): SVGElement {
  const samples = 96;
  const points: string[] = [];
  for (let k = 0; k <= samples; k++) {
    const z = -X_RANGE + (2 * X_RANGE * k) / samples;
    points.push(`${toX(z).toFixed(1)},${toY(f(z)).toFixed(1)}`);
  }
  return svg('polyline', { points: points.join(' '), class: 'curve-line', fill: 'none' });
}
