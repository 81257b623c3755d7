// Validates the payload's `explore` part (the cell's text, the state before it ran, the models its loads read).
// Unlike the rest of the payload, which is only drawn, this is fed back into the core, so it is all-or-nothing:
// anything malformed drops the whole part and the output is drawn without controls.
import type { ExploreData } from '../common/payload';
import type { LayerState, SessionState, ShapedValue, WeightsState } from '../core/snapshot';
import type { LoadedLayer, LoadedModel } from '../core/model/stateDict';
import type { GateSymbol, Matrix, RecordedLoad, StepTrace, Vector } from '../core/types';
import { MAX_EXPLORE_CHARS } from '../common/output';
import { MAX_DIMENSION } from '../core/limits';
import { GATE_ORDER, perGate } from '../core/vocabulary';
import { readLoaded } from './loaded';

class Malformed extends Error {}

type Json = Record<string, unknown>;

const GATES: readonly GateSymbol[] = GATE_ORDER;

export function readExplore(data: unknown): ExploreData | undefined {
  if (data === undefined) return undefined;
  try {
    const json = object(data);
    if (typeof json.source !== 'string' || json.source.length > MAX_EXPLORE_CHARS) throw new Malformed();
    if (typeof json.runId !== 'string' || json.runId.length > 100) throw new Malformed();
    if (typeof json.sourceHash !== 'string' || !/^[0-9a-f]{8}$/.test(json.sourceHash)) throw new Malformed();
    const { runId, source, sourceHash } = json;
    const explore: ExploreData = { runId, source, sourceHash, before: readState(json.before) };
    if (json.models !== undefined) explore.models = array(json.models).map(readRecordedLoad);
    return explore;
  } catch (error) {
    if (error instanceof Malformed) return undefined;
    throw error;
  }
}

function readState(data: unknown): SessionState {
  const json = object(data);
  const time = json.time;
  if (typeof time !== 'number' || !Number.isInteger(time) || time < 0) throw new Malformed();
  const state: SessionState = {
    weights: readWeights(json.weights),
    time,
    notation: json.notation === 'symbols' ? 'symbols' : 'words',
  };
  for (const key of ['x', 'h', 'c'] as const) if (json[key] !== undefined) state[key] = vector(json[key]);
  if (json.lastStep !== undefined) state.lastStep = readStep(json.lastStep);
  if (json.below !== undefined) state.below = array(json.below).map(readLayerState);
  if (json.loadedFile !== undefined) {
    if (typeof json.loadedFile !== 'string' || json.loadedFile.length > 1000) throw new Malformed();
    state.loadedFile = json.loadedFile;
  }
  return state;
}

/** A stacked model's lower layer: its size (which the core allocates), weights and memories. */
function readLayerState(data: unknown): LayerState {
  const json = object(data);
  const layer: LayerState = {
    hidden: size(json.hidden),
    weights: readWeights(json.weights),
    h: vector(json.h),
    c: vector(json.c),
  };
  if (json.last !== undefined) layer.last = readStep(json.last);
  return layer;
}

/** A model a load read: a replay puts it in place of the file, so its sizes must agree. */
function readRecordedLoad(data: unknown): RecordedLoad {
  const json = object(data);
  if (typeof json.path !== 'string') throw new Malformed();
  const model = object(json.model);
  const hidden = size(model.hidden);
  const layers = array(model.layers).map((layer) => readLoadedLayer(layer, hidden));
  const { file: _file, ...summary } = readLoaded(model.summary) ?? malformed();
  const read: LoadedModel = { layers, hidden, summary };
  if (model.dense !== undefined) {
    const dense = object(model.dense);
    const w = matrix(dense.w, undefined, hidden);
    read.dense = { w, b: sized(vector(dense.b), w.length) };
  }
  return { path: json.path, model: read };
}

function readLoadedLayer(data: unknown, hidden: number): LoadedLayer {
  const json = object(data);
  const input = size(json.input);
  const gates = object(json.gates);
  return {
    input,
    gates: perGate((gate) => {
      const g = object(gates[gate]);
      return { wx: matrix(g.wx, hidden, input), wh: matrix(g.wh, hidden, hidden), b: sized(vector(g.b), hidden) };
    }),
  };
}

/** A rectangular matrix of finite numbers, rows × columns when given. */
function matrix(data: unknown, rows: number | undefined, columns: number): Matrix {
  const read = array(data).map((row) => sized(vector(row), columns));
  return rows === undefined ? read : sized(read, rows);
}

function sized<T extends unknown[]>(values: T, length: number): T {
  if (values.length !== length) throw new Malformed();
  return values;
}

/** H or X: a whole number the core may allocate arrays of. */
function size(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_DIMENSION)
    throw new Malformed();
  return value;
}

function array(value: unknown): unknown[] {
  if (!Array.isArray(value) || value.length === 0) throw new Malformed();
  return value;
}

function malformed(): never {
  throw new Malformed();
}

function readWeights(data: unknown): WeightsState {
  const json = object(data);
  const gates = object(json.gates);
  const weights: WeightsState = { gates: { f: {}, i: {}, g: {}, o: {} } };
  for (const gate of GATES) {
    const slots = object(gates[gate]);
    for (const key of ['wx', 'wh', 'b'] as const)
      if (slots[key] !== undefined) weights.gates[gate][key] = shaped(slots[key]);
  }
  if (json.dense !== undefined) {
    const dense = object(json.dense);
    weights.dense = {};
    for (const key of ['w', 'b'] as const) if (dense[key] !== undefined) weights.dense[key] = shaped(dense[key]);
  }
  return weights;
}

function readStep(data: unknown): StepTrace {
  const json = object(data);
  const z = object(json.z);
  const read = (key: keyof StepTrace) => vector(json[key]);
  const step: StepTrace = {
    t: finite(json.t),
    x: read('x'),
    h_prev: read('h_prev'),
    c_prev: read('c_prev'),
    z: perGate((gate) => vector(z[gate])),
    f: read('f'),
    i: read('i'),
    g: read('g'),
    o: read('o'),
    fc: read('fc'),
    ig: read('ig'),
    c: read('c'),
    tanh_c: read('tanh_c'),
    h: read('h'),
  };
  if (json.y !== undefined) step.y = vector(json.y);
  return step;
}

/** A number, a vector or a rectangular matrix of finite numbers, as the parser makes them. */
function shaped(data: unknown): ShapedValue {
  const json = object(data);
  if (json.depth === 0) return { depth: 0, data: finite(json.data) };
  if (json.depth === 1) return { depth: 1, data: vector(json.data) };
  if (json.depth !== 2 || !Array.isArray(json.data) || json.data.length === 0) throw new Malformed();
  const rows = json.data.map(vector);
  if (rows.some((row) => row.length !== rows[0].length)) throw new Malformed();
  return { depth: 2, data: rows };
}

function object(value: unknown): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Malformed();
  return value as Json; // the cast stays: it only lets the properties be read, each still unknown until checked
}

function finite(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Malformed();
  return value;
}

function vector(value: unknown): Vector {
  if (!Array.isArray(value) || value.length === 0) throw new Malformed();
  return value.map(finite);
}
