// TeX building blocks for numbers, vectors and matrices. Every number goes through formatTex, so TeX
// source only ever holds digits and fixed words.
import type { Matrix, Vector } from '../core/types';
import { formatTex } from './format';

/** Largest H + X (and H) shown element by element; bigger weights are summarised by their shape. */
export const MAX_SHOWN_SIZE = 6;
/** Elements shown of a summarised vector before "…". */
const SUMMARY_LENGTH = 4;

export const num = formatTex;

/** A number as an operand after `+` or `\cdot`: negatives in parentheses, like "+ (-0.05)". */
export function operand(value: number): string {
  const tex = num(value);
  return tex.startsWith('-') ? `(${tex})` : tex;
}

/** Fixed words in `\text{}`, with TeX's special characters escaped. */
export function text(words: string): string {
  const escaped = words.replace(/[\\{}%$&#^_~]/g, (ch) => (ch === '\\' ? '\\textbackslash{}' : `\\${ch}`));
  return `\\text{${escaped}}`;
}

/** A vector as a column, a scalar as itself. */
export function column(values: Vector): string {
  if (values.length === 1) return num(values[0]);
  return `\\begin{pmatrix}${values.map(num).join(' \\\\ ')}\\end{pmatrix}`;
}

/** A vector shown in full when small, otherwise its first elements and its length. */
export function vector(values: Vector): string {
  if (values.length <= MAX_SHOWN_SIZE) return column(values);
  const head = values.slice(0, SUMMARY_LENGTH).map(num).join(', ');
  return `(${head}, \\dots)^{\\top}_{${values.length}}`;
}

export function matrix(rows: Matrix): string {
  if (rows.length === 1 && rows[0].length === 1) return num(rows[0][0]);
  return `\\begin{pmatrix}${rows.map((row) => row.map(num).join(' & ')).join(' \\\\ ')}\\end{pmatrix}`;
}

/** [left | right] side by side with a rule between them: W = [W_h | W_x]. */
export function joinedMatrix(left: Matrix, right: Matrix): string {
  const spec = `${'c'.repeat(left[0]?.length ?? 0)}|${'c'.repeat(right[0]?.length ?? 0)}`;
  const rows = left.map((row, r) => [...row, ...(right[r] ?? [])].map(num).join(' & '));
  return `\\left(\\begin{array}{${spec}}${rows.join(' \\\\ ')}\\end{array}\\right)`;
}

/** top stacked on bottom as one column with a rule between them: [h_{t-1}; x_t]. */
export function stackedColumn(top: Vector, bottom: Vector): string {
  const cells = (values: Vector): string => values.map(num).join(' \\\\ ');
  return `\\left(\\begin{array}{c}${cells(top)} \\\\ \\hline ${cells(bottom)}\\end{array}\\right)`;
}

/** A matrix's shape as TeX: 8\times 12. */
export function shape(rows: number, columns: number): string {
  return `${rows}\\times ${columns}`;
}
