// The LSTM equations of one step as TeX: each formula, then its numbers substituted, then the result.
// Pure: builds strings from the trace's numbers and fixed words only.
import type { Notation } from '../common/payload';
import type { DenseWeights, GateSymbol, GateWeights, ModelWeights, StepTrace, Vector } from '../core/types';
import { GATE_ORDER, GATES as GATE_FACTS } from '../core/vocabulary';
import { formatNumber, formatVector } from './format';
import { describe, gateSubscript, gateWords, type Term, type TermId } from './glossary';
import { column, joinedMatrix, matrix, MAX_SHOWN_SIZE, num, operand, shape, stackedColumn, text, vector } from './tex';

export type EquationKey = GateSymbol | 'c' | 'h' | 'y';

/** A term shown next to an equation, with its live value, for tooltips. */
interface Chip {
  term: Term;
  value: string;
}

export interface Equation {
  key: EquationKey;
  title: string;
  tex: string;
  chips: Chip[];
}

export const GATES: readonly GateSymbol[] = GATE_ORDER;

/** "Forget gate: how much long-term memory to keep". */
const gateTitle = (gate: GateSymbol): string => {
  const { name, question } = GATE_FACTS[gate];
  return `${name[0].toUpperCase()}${name.slice(1)}: ${question}`;
};

const TITLES: Record<EquationKey, string> = {
  f: gateTitle('f'),
  i: gateTitle('i'),
  g: gateTitle('g'),
  o: gateTitle('o'),
  c: 'New long-term memory (cell state)',
  h: 'New short-term memory (hidden state)',
  y: 'Prediction (dense layer)',
};

/**
 * The equations of a step. With `tex` false each one's TeX is left empty: a drag's frames, whose TeX is
 * cached by its shape (./equationControls), need only the rest.
 */
export function buildEquations(
  step: StepTrace,
  weights: ModelWeights | undefined,
  notation: Notation,
  tex = true,
): Equation[] {
  const texOf = (build: () => string) => (tex ? build() : '');
  const equations = GATES.map((gate): Equation => {
    const usable = usableGate(step, weights, gate);
    return {
      key: gate,
      title: TITLES[gate],
      tex: texOf(() => gateTex(step, gate, usable, notation)),
      chips: gateChips(step, gate, usable),
    };
  });
  equations.push(
    {
      key: 'c',
      title: TITLES.c,
      tex: texOf(() => cellTex(step, notation)),
      chips: chips(step, ['f', 'c_prev', 'odot', 'i', 'g', 'fc', 'ig', 'c']),
    },
    {
      key: 'h',
      title: TITLES.h,
      tex: texOf(() => hiddenTex(step, notation)),
      chips: chips(step, ['o', 'tanh', 'c', 'tanh_c', 'odot', 'h']),
    },
  );
  const y = step.y;
  if (y) {
    const dense = usableDense(step, y, weights?.dense);
    equations.push({
      key: 'y',
      title: TITLES.y,
      tex: texOf(() => outputTex(step, y, dense, notation)),
      chips: outputChips(step, y, dense),
    });
  }
  return equations;
}

/** f_t = σ(W_f·[h_{t-1}, x_t] + b_f), and likewise i_t, C̃_t (tanh) and o_t. */
function gateTex(step: StepTrace, gate: GateSymbol, weights: GateWeights | undefined, notation: Notation): string {
  const act = gate === 'g' ? '\\tanh' : '\\sigma';
  const sub = gateSubscript(gate);
  const z = step.z[gate];
  const out = step[gate];
  const scalar = step.x.length === 1 && step.h_prev.length === 1;
  const lines = [gateFormula(act, sub, scalar, notation)];
  const result = `${apply(act, z)} = ${vector(out)}`;
  if (!weights) {
    lines.push(result);
  } else if (scalar) {
    lines.push(`${act}(${scalarSum(step, weights, notation)}) = ${result}`);
  } else if (step.h_prev.length + step.x.length <= MAX_SHOWN_SIZE) {
    const product = `${joinedMatrix(weights.wh, weights.wx)}${stackedColumn(step.h_prev, step.x)}`;
    lines.push(`${act}\\left(${product} + ${column(weights.b)}\\right)`, result);
  } else {
    const columns = step.h_prev.length + step.x.length;
    lines[0] += `\\qquad W_${sub}\\!: ${shape(step.h_prev.length, columns)}`;
    lines.push(result);
  }
  return aligned(name(gate, notation), lines);
}

function gateFormula(act: string, sub: string, scalar: boolean, notation: Notation): string {
  if (notation === 'words') {
    if (scalar)
      return `${act}(${text('input')}\\times w_x + ${text('short-term memory')}\\times w_h + ${text('bias')})`;
    return `${act}(${text('weights')}\\cdot [${text('short-term memory')}; ${text('input')}] + ${text('bias')})`;
  }
  if (scalar) return `${act}(W_{${sub},x}\\, x_t + W_{${sub},h}\\, h_{t-1} + b_${sub})`;
  return `${act}(W_${sub}\\cdot [h_{t-1}, x_t] + b_${sub})`;
}

/** The walkthroughs' sum: 1.75·1 + 3.25·1 + 1.40 (weights first in symbols, memory first in words). */
function scalarSum(step: StepTrace, weights: GateWeights, notation: Notation): string {
  const [wx, wh, b] = [weights.wx[0][0], weights.wh[0][0], weights.b[0]];
  const [x, h] = [step.x[0], step.h_prev[0]];
  const terms =
    notation === 'words'
      ? `${num(x)}\\times ${operand(wx)} + ${operand(h)}\\times ${operand(wh)}`
      : `${num(wx)}\\cdot ${operand(x)} + ${operand(wh)}\\cdot ${operand(h)}`;
  return `${terms} + ${operand(b)}`;
}

/** C_t = f_t ⊙ C_{t-1} + i_t ⊙ C̃_t */
function cellTex(step: StepTrace, notation: Notation): string {
  const formula =
    notation === 'words'
      ? `${text('forget gate')}\\times ${text('long-term memory')} + ${text('input gate')}\\times ${text('potential memory')}`
      : 'f_t \\odot C_{t-1} + i_t \\odot \\tilde{C}_t';
  const lines = [formula];
  if (step.c.length === 1) {
    const [f, cPrev, i, g] = [step.f[0], step.c_prev[0], step.i[0], step.g[0]];
    lines.push(
      `${num(f)}\\cdot ${operand(cPrev)} + ${operand(i)}\\cdot ${operand(g)} = ${num(step.fc[0])} + ${operand(step.ig[0])} = ${num(step.c[0])}`,
    );
  } else {
    lines.push(`${vector(step.f)} \\odot ${vector(step.c_prev)} + ${vector(step.i)} \\odot ${vector(step.g)}`);
    lines.push(`${vector(step.fc)} + ${vector(step.ig)} = ${vector(step.c)}`);
  }
  return aligned(name('c', notation), lines);
}

/** h_t = o_t ⊙ tanh(C_t) */
function hiddenTex(step: StepTrace, notation: Notation): string {
  const formula =
    notation === 'words'
      ? `${text('output gate')}\\times \\tanh(${text('new long-term memory')})`
      : 'o_t \\odot \\tanh(C_t)';
  const lines = [formula];
  if (step.h.length === 1) {
    const o = num(step.o[0]);
    lines.push(`${o}\\cdot ${apply('\\tanh', step.c)} = ${o}\\cdot ${operand(step.tanh_c[0])} = ${num(step.h[0])}`);
  } else {
    const o = vector(step.o);
    lines.push(`${o} \\odot ${apply('\\tanh', step.c)} = ${o} \\odot ${vector(step.tanh_c)} = ${vector(step.h)}`);
  }
  return aligned(name('h', notation), lines);
}

/** y_t = W_y h_t + b_y */
function outputTex(step: StepTrace, y: Vector, dense: DenseWeights | undefined, notation: Notation): string {
  const formula =
    notation === 'words'
      ? `${text('weight')}\\times ${text('new short-term memory')} + ${text('bias')}`
      : 'W_y\\, h_t + b_y';
  const lines = [formula];
  if (!dense) {
    lines.push(vector(y));
  } else if (y.length === 1 && step.h.length === 1) {
    lines.push(`${num(dense.w[0][0])}\\cdot ${operand(step.h[0])} + ${operand(dense.b[0])} = ${num(y[0])}`);
  } else {
    lines.push(`${matrix(dense.w)}${column(step.h)} + ${column(dense.b)} = ${column(y)}`);
  }
  return aligned(name('y', notation), lines);
}

function outputChips(step: StepTrace, y: Vector, dense: DenseWeights | undefined): Chip[] {
  const chipList: Chip[] = [
    { term: { id: 'h' }, value: formatVector(step.h) },
    { term: { id: 'y' }, value: formatVector(y) },
  ];
  if (dense) {
    chipList.unshift(
      { term: { id: 'W_y' }, value: matrixValue(dense.w) },
      { term: { id: 'b_y' }, value: formatVector(dense.b) },
    );
  }
  return chipList;
}

function gateChips(step: StepTrace, gate: GateSymbol, weights: GateWeights | undefined): Chip[] {
  const act: TermId = gate === 'g' ? 'tanh' : 'sigma';
  const list: Chip[] = [];
  if (weights) {
    const value =
      step.x.length === 1 && step.h_prev.length === 1
        ? `${formatNumber(weights.wx[0][0])} × input, ${formatNumber(weights.wh[0][0])} × short-term memory`
        : `${step.h_prev.length}×${step.h_prev.length + step.x.length} matrix`;
    list.push({ term: { id: 'W', gate }, value }, { term: { id: 'b', gate }, value: formatVector(weights.b) });
  }
  list.push(
    { term: { id: 'x' }, value: formatVector(step.x) },
    { term: { id: 'h_prev' }, value: formatVector(step.h_prev) },
    { term: { id: 'z', gate }, value: formatVector(step.z[gate]) },
    {
      term: { id: act },
      value: `${act === 'tanh' ? 'tanh' : 'σ'}(${formatVector(step.z[gate])}) = ${formatVector(step[gate])}`,
    },
    { term: { id: gate }, value: formatVector(step[gate]) },
  );
  return list;
}

const STEP_VALUES: Partial<Record<TermId, (step: StepTrace) => Vector>> = {
  x: (s) => s.x,
  h_prev: (s) => s.h_prev,
  c_prev: (s) => s.c_prev,
  f: (s) => s.f,
  i: (s) => s.i,
  g: (s) => s.g,
  o: (s) => s.o,
  fc: (s) => s.fc,
  ig: (s) => s.ig,
  c: (s) => s.c,
  tanh_c: (s) => s.tanh_c,
  h: (s) => s.h,
};

/** Chips for terms of the step itself; operators (⊙, tanh) get their name as value. */
function chips(step: StepTrace, ids: TermId[]): Chip[] {
  return ids.map((id) => {
    const values = STEP_VALUES[id];
    return { term: { id }, value: values ? formatVector(values(step)) : describe({ id }).words };
  });
}

/** The left-hand side: a symbol, or the walkthroughs' words. */
function name(id: EquationKey, notation: Notation): string {
  const term = describe({ id });
  return notation === 'words' ? text(id === 'c' || id === 'h' || id === 'y' ? term.words : gateWords(id)) : term.tex;
}

function aligned(lhs: string, lines: string[]): string {
  const [first, ...rest] = lines;
  return `\\begin{aligned}${lhs} &= ${[first, ...rest].join(' \\\\ &= ')}\\end{aligned}`;
}

/** fn applied to a value: σ(6.40) for a scalar, σ followed by the column for a vector. */
function apply(fn: string, values: Vector): string {
  return values.length === 1 ? `${fn}(${num(values[0])})` : `${fn}${vector(values)}`;
}

function matrixValue(rows: number[][]): string {
  return rows.length === 1 && rows[0].length === 1
    ? formatNumber(rows[0][0])
    : `${rows.length}×${rows[0]?.length ?? 0} matrix`;
}

/** A gate's weights when their shapes match the step; otherwise the equation is shown without them. */
function usableGate(step: StepTrace, weights: ModelWeights | undefined, gate: GateSymbol): GateWeights | undefined {
  const w = weights?.gates[gate];
  const [rows, xs] = [step.h_prev.length, step.x.length];
  if (!w || w.b.length !== rows || w.wx.length !== rows || w.wh.length !== rows) return undefined;
  const fits = w.wx.every((row) => row.length === xs) && w.wh.every((row) => row.length === rows);
  return fits ? w : undefined;
}

function usableDense(step: StepTrace, y: Vector, dense: DenseWeights | undefined): DenseWeights | undefined {
  if (!dense || dense.w.length !== y.length || dense.b.length !== y.length) return undefined;
  if (!dense.w.every((row) => row.length === step.h.length)) return undefined;
  return y.length <= MAX_SHOWN_SIZE && step.h.length <= MAX_SHOWN_SIZE ? dense : undefined;
}
