// A compact summary for a cell that ran no step: which weights are now set.
import type { GateSymbol, Matrix, ModelWeights } from '../core/types';
import { html } from './dom';
import { formatVector } from './format';
import { GATES } from './equations';
import { gateWords } from './glossary';

const COLUMNS = ['', 'input weights', 'short-term memory weights', 'bias'];

export function weightsSummary(weights: ModelWeights | undefined): HTMLElement {
  if (!weights) return html('p', { class: 'summary' }, 'No step ran in this cell.');
  const dense = weights.dense ? `, dense layer ${shape(weights.dense.w)}` : '';
  const heading = `Weights set: hidden size ${weights.hidden}, input size ${weights.input}${dense}.`;
  const header = html('tr', {}, ...COLUMNS.map((name) => html('th', { scope: 'col' }, name)));
  const body = html('tbody', {}, ...GATES.map((gate) => gateRow(gate, weights)));
  if (weights.dense) {
    // The dense layer reads the short-term memory, so its weights go in that column.
    const { w, b } = weights.dense;
    body.append(row('dense', html('td'), cell(w), html('td', {}, formatVector(b))));
  }
  const table = html('table', { class: 'weights' }, html('thead', {}, header), body);
  return html('div', { class: 'summary' }, html('p', {}, heading), table);
}

function gateRow(gate: GateSymbol, weights: ModelWeights): HTMLElement {
  const { wx, wh, b } = weights.gates[gate];
  return row(gateWords(gate), cell(wx), cell(wh), html('td', {}, formatVector(b)));
}

function row(name: string, ...cells: HTMLElement[]): HTMLElement {
  return html('tr', {}, html('th', { scope: 'row' }, name), ...cells);
}

/** A 1×1 matrix as its number, a small one row by row, a large one as its shape. */
function cell(matrix: Matrix): HTMLElement {
  const size = matrix.length * (matrix[0]?.length ?? 0);
  if (size === 1) return html('td', {}, formatVector(matrix[0]));
  if (size <= 8) return html('td', {}, matrix.map((values) => formatVector(values)).join(' '));
  return html('td', {}, shape(matrix));
}

function shape(matrix: Matrix): string {
  return `${matrix.length}×${matrix[0]?.length ?? 0}`;
}
