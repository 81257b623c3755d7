// The steps of a cell over time: a table of t, x, h, C (and y), and a line chart of h and C over t.
import type { StepTrace, Vector } from '../core/types';
import { html, svg } from './dom';
import { formatNumber, formatVector } from './format';
import { describe, type TermId } from './glossary';
import { unicodeSymbol } from './diagram';

/** Rows shown before the table is cut to its first and last steps. */
const MAX_ROWS = 12;
/** Elements of h and C drawn as lines. */
const MAX_SERIES = 3;

const WIDTH = 520;
const HEIGHT = 180;
const PAD = { left: 44, right: 12, top: 12, bottom: 24 };

/** `marked`: the t of the step shown in full, highlighted (and always listed). */
export function stepTable(steps: StepTrace[], totalSteps: number, marked?: number): HTMLElement {
  const columns: TermId[] = ['x', 'h', 'c'];
  if (steps.some((step) => step.y)) columns.push('y');
  const header = html('tr', {}, html('th', { scope: 'col' }, 't'));
  for (const id of columns) {
    const text = describe({ id });
    header.append(html('th', { scope: 'col', title: text.explain }, `${text.words} ${unicodeSymbol(text.symbol)}`));
  }
  const body = html('tbody');
  let shown = steps.length > MAX_ROWS ? [...steps.slice(0, MAX_ROWS / 2), ...steps.slice(-MAX_ROWS / 2)] : steps;
  const current = steps.find((step) => step.t === marked);
  if (current && !shown.includes(current)) shown = [...shown, current].sort((a, b) => a.t - b.t);
  shown.forEach((step, index) => {
    const previous = shown[index - 1];
    if (previous && step.t !== previous.t + 1) body.append(gapRow(columns.length + 1));
    const row = html(
      'tr',
      step === current ? { class: 'current', 'aria-current': 'step' } : {},
      html('td', {}, formatNumber(step.t)),
    );
    for (const id of columns) row.append(html('td', {}, formatVector(column(step, id) ?? [])));
    body.append(row);
  });
  const caption =
    totalSteps > shown.length ? `${shown.length} of ${totalSteps} steps (first and last)` : `${totalSteps} steps`;
  return html('table', { class: 'steps' }, html('caption', {}, caption), html('thead', {}, header), body);
}

function gapRow(span: number): HTMLElement {
  return html('tr', { class: 'gap' }, html('td', { colspan: span }, '…'));
}

function column(step: StepTrace, id: TermId): Vector | undefined {
  if (id === 'x') return step.x;
  if (id === 'h') return step.h;
  if (id === 'c') return step.c;
  return step.y;
}

/**
 * h (solid) and C (dashed) over t, one line per element. Steps the kernel left out are not drawn: the
 * axis jumps over them at a dotted mark, so the first and last steps each get their share of the width.
 */
export function stepChart(steps: StepTrace[], marked?: number): SVGSVGElement {
  const series: Array<{ name: string; kind: 'h' | 'c'; index: number }> = [];
  const width = Math.min(MAX_SERIES, steps[0]?.h.length ?? 0);
  for (let index = 0; index < width; index++) {
    series.push({ name: width > 1 ? `h[${index + 1}]` : 'h', kind: 'h', index });
    series.push({ name: width > 1 ? `C[${index + 1}]` : 'C', kind: 'c', index });
  }
  const values = steps.flatMap((step) => series.map((s) => step[s.kind][s.index])).filter(Number.isFinite);
  const [low, high] = range(values);
  const parts = runs(steps);
  // Slots along the axis: one per step, plus one for each jump.
  const slots = steps.length + parts.length - 1;
  const slotX = (slot: number): number =>
    PAD.left + (slot / Math.max(1, slots - 1)) * (WIDTH - PAD.left - PAD.right - 70);
  // Halves: high - low overflows to ∞ when the values span more than the largest float64.
  const toY = (v: number): number =>
    PAD.top + ((high / 2 - v / 2) / (high / 2 - low / 2)) * (HEIGHT - PAD.top - PAD.bottom);
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'timeline', role: 'img' });
  const [first, last] = [steps[0]?.t ?? 0, steps[steps.length - 1]?.t ?? 0];
  chart.setAttribute('aria-label', `short-term memory h and long-term memory C over steps ${first} to ${last}`);
  chart.append(...frame(slotX(0), slotX(slots - 1), toY, low, high));
  let slot = 0;
  parts.forEach((part, k) => {
    if (k > 0) {
      const x = slotX(slot++);
      chart.append(
        svg('line', { x1: x, x2: x, y1: toY(high), y2: toY(low), class: 'grid' }),
        svg('text', { x, y: HEIGHT - 6, class: 'tick', 'text-anchor': 'middle' }, '…'),
      );
    }
    const xs = part.map(() => slotX(slot++));
    const at = part.findIndex((step) => step.t === marked);
    if (at >= 0)
      chart.append(
        svg('line', { x1: xs[at], x2: xs[at], y1: toY(high), y2: toY(low), class: 'now', 'data-t': part[at].t }),
      );
    for (const s of series) chart.append(...seriesLine(part, xs, toY, s.kind, s.index));
    const ends = part.length > 1 ? [0, part.length - 1] : [0];
    for (const e of ends) {
      chart.append(
        svg('text', { x: xs[e], y: HEIGHT - 6, class: 'tick', 'text-anchor': 'middle' }, formatNumber(part[e].t)),
      );
    }
  });
  series.forEach((s, k) => {
    const y = PAD.top + 12 * k;
    chart.append(
      svg('line', { x1: WIDTH - 56, x2: WIDTH - 40, y1: y, y2: y, class: `series ${s.kind} series-${s.index}` }),
      svg('text', { x: WIDTH - 36, y: y + 4, class: 'tick' }, s.name),
    );
  });
  return chart;
}

function seriesLine(
  part: StepTrace[],
  xs: number[],
  toY: (v: number) => number,
  kind: 'h' | 'c',
  index: number,
): SVGElement[] {
  const points = part
    .map((step, k) => [xs[k], step[kind][index]] as const)
    .filter(([, v]) => Number.isFinite(v))
    .map(([x, v]) => `${x.toFixed(1)},${toY(v).toFixed(1)}`);
  const classes = `series ${kind} series-${index}`;
  const line = svg('polyline', { points: points.join(' '), class: classes, fill: 'none' });
  if (points.length !== 1) return [line];
  const [x, y] = points[0].split(',');
  return [line, svg('circle', { cx: x, cy: y, r: 2.5, class: `dot ${classes}` })];
}

function frame(left: number, right: number, toY: (v: number) => number, low: number, high: number): SVGElement[] {
  const elements: SVGElement[] = [
    svg('line', { x1: left, x2: right, y1: toY(low), y2: toY(low), class: 'axis' }),
    svg('line', { x1: left, x2: left, y1: toY(low), y2: toY(high), class: 'axis' }),
    svg('text', { x: right + 8, y: toY(low) + 3, class: 'tick' }, 't'),
  ];
  if (low < 0 && high > 0) elements.push(svg('line', { x1: left, x2: right, y1: toY(0), y2: toY(0), class: 'grid' }));
  for (const v of low < 0 && high > 0 ? [low, 0, high] : [low, high]) {
    elements.push(svg('text', { x: left - 4, y: toY(v) + 3, class: 'tick', 'text-anchor': 'end' }, formatNumber(v)));
  }
  return elements;
}

/** Consecutive steps, split where t jumps (the kernel left steps out). */
function runs(steps: StepTrace[]): StepTrace[][] {
  const result: StepTrace[][] = [];
  for (const step of steps) {
    const current = result[result.length - 1];
    const previous = current?.[current.length - 1];
    if (current && previous && step.t === previous.t + 1) current.push(step);
    else result.push([step]);
  }
  return result;
}

/** A range around the values and 0, widened to round numbers (steps of 1, 2 or 5 × 10^n). */
function range(values: number[]): [number, number] {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  if (high - low < 1e-9) return [low - 1, high + 1];
  if (!Number.isFinite(high - low)) return [low, high];
  const magnitude = 10 ** Math.floor(Math.log10(high - low));
  const step = [0.1, 0.2, 0.5, 1].map((m) => m * magnitude).find((s) => (high - low) / s <= 8) ?? magnitude;
  // Rounded outwards, but never past the largest float64.
  return [
    Math.max(-Number.MAX_VALUE, Math.floor(low / step) * step),
    Math.min(Number.MAX_VALUE, Math.ceil(high / step) * step),
  ];
}
