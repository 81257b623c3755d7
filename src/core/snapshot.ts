// A session's state as plain JSON: what a cell starts from, so the renderer can re-run the cell when a
// learner drags one of its numbers. Values keep their shape (number, vector, matrix) but not their span.
import { GATE_ORDER, perGate } from './vocabulary';
import { outerLength, type Shaped, type Value } from './values';
import type { GateSymbol, Notation, StepTrace, Vector } from './types';
import { LowerLayer } from './stack';
import type { WeightStore } from './weights';

/** A value as written: depth 0 a number, 1 a vector, 2 a matrix. */
export type ShapedValue = Shaped;

export interface WeightsState {
  gates: Record<GateSymbol, { wx?: ShapedValue; wh?: ShapedValue; b?: ShapedValue }>;
  dense?: { w?: ShapedValue; b?: ShapedValue };
}

/** A stacked model's layer below the top one: its weights and its own memories. */
export interface LayerState {
  hidden: number;
  weights: WeightsState;
  h: Vector;
  c: Vector;
  last?: StepTrace;
}

export interface SessionState {
  weights: WeightsState;
  /** A stacked model's layers below the top one (the top is `weights`, `h`, `c`), bottom first. */
  below?: LayerState[];
  x?: Vector;
  h?: Vector;
  c?: Vector;
  /** Steps since the last reset. */
  time: number;
  /** The last step run, which `expect f` reads until the next step. */
  lastStep?: StepTrace;
  notation: Notation;
  /** The file the last `load` read, so a replayed cell's errors name it as the kernel's did. */
  loadedFile?: string;
}

const shaped = (placed: { value: Value } | undefined): ShapedValue | undefined => {
  if (!placed) return undefined;
  const { span: _span, ...value } = placed.value;
  return value;
};

export function snapshotWeights(store: WeightStore): WeightsState {
  const gates = perGate((gate) => {
    const slots = store.gates[gate];
    return { wx: shaped(slots.wx), wh: shaped(slots.wh), b: shaped(slots.b) };
  });
  const dense = store.dense && { w: shaped(store.dense.w), b: shaped(store.dense.b) };
  return dense ? { gates, dense } : { gates };
}

/** Numbers a snapshot's weights hold (all layers'), to decide whether it is small enough to send. */
export function stateWeightCount(state: SessionState): number {
  return (state.below ?? []).reduce((sum, layer) => sum + weightCount(layer.weights), weightCount(state.weights));
}

function weightCount(state: WeightsState): number {
  const count = (value: ShapedValue | undefined): number =>
    value === undefined ? 0 : value.depth === 2 ? value.data.length * value.data[0].length : outerLength(value);
  const gates = GATE_ORDER.map((gate) => state.gates[gate]);
  const slots = [...gates.flatMap((g) => [g.wx, g.wh, g.b]), state.dense?.w, state.dense?.b];
  return slots.reduce((sum, value) => sum + count(value), 0);
}

export function snapshotLayer(layer: LowerLayer): LayerState {
  const { hidden, h, c, last } = layer;
  return { hidden, weights: snapshotWeights(layer.store), h, c, ...(last ? { last } : {}) };
}

export function restoreLayer(state: LayerState, index: number): LowerLayer {
  const layer = new LowerLayer(index, state.hidden);
  restoreWeights(layer.store, state.weights);
  layer.h = state.h;
  layer.c = state.c;
  layer.last = state.last;
  return layer;
}

/** Weights from a snapshot count as set in an earlier cell (run 0), with no place to point at. */
export function restoreWeights(store: WeightStore, state: WeightsState): void {
  const span = { line: 1, column: 1, length: 1 };
  const placed = (value: ShapedValue): { value: Value; span: typeof span; run: number } => ({
    value: { ...value, span },
    span,
    run: 0,
  });
  for (const gate of GATE_ORDER) {
    for (const key of ['wx', 'wh', 'b'] as const) {
      const value = state.gates[gate][key];
      if (value) store.setGate(gate, key, placed(value));
    }
  }
  for (const key of ['w', 'b'] as const) {
    const value = state.dense?.[key];
    if (value) store.setDense(key, placed(value));
  }
}
