// The text of a hover: a glossary entry, then the live values of the last run of the cell.
// Pure (no `vscode`), so it is unit-tested; hover.ts only finds the word and wraps the text.
import type { CellResult, GateSymbol, Matrix, StepTrace } from '../core/types';
import { GATES, gateNamed } from '../core/vocabulary';
import { lookup } from './glossary';
import { fixed, percent, round, vector } from '../common/numbers';

const PRE_ACTIVATIONS: Record<string, GateSymbol> = { z_f: 'f', z_i: 'i', z_g: 'g', z_o: 'o' };

const own = <T>(table: Record<string, T>, word: string | undefined): T | undefined =>
  word !== undefined && Object.hasOwn(table, word) ? table[word] : undefined;

function percents(values: readonly number[]): string {
  return values.length === 1 ? percent(values[0]) : `[${values.map((value) => percent(value)).join(', ')}]`;
}

/** "forget gate f = σ(6.40) = 0.998: keeps 99.8% of the long-term memory". */
function gateLive(gate: GateSymbol, step: StepTrace): string {
  const z = vector(step.z[gate], fixed);
  const value = step[gate];
  switch (gate) {
    case 'f':
      return `forget gate f = σ(${z}) = ${vector(value)}: keeps ${percents(value)} of the long-term memory`;
    case 'i':
      return `input gate i = σ(${z}) = ${vector(value)}: adds ${percents(value)} of the ${GATES.g.name} to the long-term memory`;
    case 'g':
      return `${GATES.g.name} C̃ = tanh(${z}) = ${vector(value)}`;
    case 'o':
      return `output gate o = σ(${z}) = ${vector(value)}: lets ${percents(value)} of tanh(C_t) out as short-term memory`;
  }
}

function memoryLive(which: 'h' | 'c', step: StepTrace | undefined, result: CellResult): string | undefined {
  if (!step) {
    const value = result.state[which];
    return value && `${which} = ${vector(value)} (no step ran)`;
  }
  if (which === 'c') {
    const scalar = step.c.length === 1;
    const sum = scalar
      ? ` = ${round(step.f[0])} × ${round(step.c_prev[0])} + ${round(step.i[0])} × ${round(step.g[0])}`
      : '';
    return `long-term memory C_t = f ⊙ C_{t−1} + i ⊙ C̃${sum} = ${vector(step.c)}`;
  }
  const scalar = step.h.length === 1;
  const product = scalar ? ` = ${round(step.o[0])} × tanh(${round(step.c[0])})` : '';
  return `short-term memory h_t = o ⊙ tanh(C_t)${product} = ${vector(step.h)}`;
}

/** A 1×1 matrix as its number (the scalar walkthroughs), anything else as [[..], [..]]. */
function matrix(rows: Matrix): string {
  if (rows.length === 1 && rows[0].length === 1) return round(rows[0][0]);
  return `[${rows.map((row) => `[${row.map((value) => round(value)).join(', ')}]`).join(', ')}]`;
}

function weightLive(key: string, statement: string, result: CellResult): string | undefined {
  const weights = result.weights;
  if (!weights) return undefined;
  const gate = gateNamed(statement);
  if (gate) {
    const set = weights.gates[gate];
    if (key === 'wx') return `wx = ${matrix(set.wx)}`;
    if (key === 'wh') return `wh = ${matrix(set.wh)}`;
    if (key === 'b') return `b = ${vector(set.b)}`;
    if (key === 'W') return `W = ${matrix(set.wh.map((row, k) => [...row, ...set.wx[k]]))}  (columns [h, x])`;
    return undefined;
  }
  if (statement === 'dense' && weights.dense) {
    if (key === 'w' || key === 'W') return `w = ${matrix(weights.dense.w)}`;
    if (key === 'b') return `b = ${vector(weights.dense.b)}`;
  }
  return undefined;
}

/** One line of live values for `word` after the cell ran, or undefined when there is nothing to say. */
export function liveValue(word: string, statement: string | undefined, result: CellResult): string | undefined {
  const step = result.steps.at(-1);
  if (statement && statement !== word && (gateNamed(statement) || statement === 'dense')) {
    return weightLive(word, statement, result);
  }
  const gate = gateNamed(word);
  if (gate) return step && gateLive(gate, step);
  const pre = own(PRE_ACTIVATIONS, word);
  if (pre) return step && `${word} = ${vector(step.z[pre], fixed)}`;
  switch (word) {
    case 'h':
    case 'short':
      return memoryLive('h', step, result);
    case 'c':
    case 'long':
      return memoryLive('c', step, result);
    case 'x':
      return result.state.x && `x = ${vector(result.state.x)}`;
    case 'y':
    case 'dense':
      return step?.y && `prediction y = ${vector(step.y)}`;
    case 'fc':
      return step && `f ⊙ C_{t−1} = ${vector(step.fc)}`;
    case 'ig':
      return step && `i ⊙ C̃ = ${vector(step.ig)}`;
    case 'tanh_c':
      return step && `tanh(C_t) = ${vector(step.tanh_c)}`;
    case 'step':
    case 'run':
      return `${result.stepsRun === 1 ? '1 step' : `${result.stepsRun} steps`} ran in this cell; t = ${result.time} since the last reset`;
    case 'expect': {
      if (!result.expects.length) return undefined;
      const passed = result.expects.filter((expect) => expect.pass).length;
      return `${passed} of ${result.expects.length} expectations passed`;
    }
  }
  return undefined;
}

/**
 * Markdown for a hover over `word` (found in a statement starting with `statement`), with the live values
 * of `result` when the cell has run. Undefined when the word means nothing special.
 */
export function hoverMarkdown(word: string, statement: string | undefined, result?: CellResult): string | undefined {
  const entry = lookup(word, statement);
  if (!entry) return undefined;
  const parts = [`**${entry.title}**`];
  if (entry.equation) parts.push(`\`${entry.equation}\``);
  parts.push(entry.explain);
  const live = result && liveValue(word, statement, result);
  if (live) parts.push(`Last run: ${live}`);
  return parts.join('\n\n');
}
