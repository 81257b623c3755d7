// Coerces an output item's JSON into a well-formed StepPayload. Outputs can come from a saved notebook
// or another version of the extension, so nothing is trusted: numbers stay numbers (anything else
// becomes NaN) and strings are only kept where the renderer shows them as text.
import { EXPLORE_OFF, type ExploreOff, type Notation, type StepPayload } from '../common/payload';
import { perGate } from '../core/vocabulary';
import type {
  DenseWeights,
  ExpectResult,
  GateSymbol,
  GateWeights,
  Matrix,
  ModelWeights,
  ShowRequest,
  StepTrace,
  Vector,
} from '../core/types';
import { readExplore } from './readExplore';

import { readLoaded } from './loaded';

type Json = Record<string, unknown>;

export function readPayload(data: unknown): StepPayload {
  const json = asObject(data);
  if (json.version !== 1) throw new Error(`unsupported output version: ${formatVersion(json.version)}`);
  const steps = asArray(json.steps).map(readStep);
  return {
    version: 1,
    steps,
    totalSteps: Math.max(steps.length, asCount(json.totalSteps)),
    expects: asArray(json.expects).map(readExpect),
    shows: asArray(json.shows).map(readShow),
    weights: json.weights === undefined ? undefined : readWeights(json.weights),
    notation: readNotation(json.notation),
    explore: readExplore(json.explore),
    exploreOff: readExploreOff(json.exploreOff),
    loaded: readLoaded(json.loaded),
    layer: json.layer === undefined ? undefined : asCount(json.layer),
  };
}

/** One of the known reasons, or none: the renderer shows its own words for it, never the payload's. */
function readExploreOff(data: unknown): ExploreOff | undefined {
  return EXPLORE_OFF.find((reason) => reason === data);
}

function readStep(data: unknown): StepTrace {
  const json = asObject(data);
  const z = asObject(json.z);
  return {
    t: asNumber(json.t),
    x: asVector(json.x),
    h_prev: asVector(json.h_prev),
    c_prev: asVector(json.c_prev),
    z: { f: asVector(z.f), i: asVector(z.i), g: asVector(z.g), o: asVector(z.o) },
    f: asVector(json.f),
    i: asVector(json.i),
    g: asVector(json.g),
    o: asVector(json.o),
    fc: asVector(json.fc),
    ig: asVector(json.ig),
    c: asVector(json.c),
    tanh_c: asVector(json.tanh_c),
    h: asVector(json.h),
    y: json.y === undefined ? undefined : asVector(json.y),
  };
}

function readWeights(data: unknown): ModelWeights {
  const json = asObject(data);
  const gates = asObject(json.gates);
  const read = (gate: GateSymbol): GateWeights => {
    const weights = asObject(gates[gate]);
    return { wx: asMatrix(weights.wx), wh: asMatrix(weights.wh), b: asVector(weights.b) };
  };
  return {
    hidden: asCount(json.hidden),
    input: asCount(json.input),
    gates: perGate(read),
    dense: json.dense === undefined ? undefined : readDense(json.dense),
  };
}

function readDense(data: unknown): DenseWeights {
  const json = asObject(data);
  return { w: asMatrix(json.w), b: asVector(json.b) };
}

function readExpect(data: unknown): ExpectResult {
  const json = asObject(data);
  return {
    line: asNumber(json.line),
    text: asString(json.text),
    name: asString(json.name),
    pass: json.pass === true,
    expected: asVector(json.expected),
    actual: json.actual === null || json.actual === undefined ? null : asVector(json.actual),
    tolerance: asNumber(json.tolerance),
  };
}

function readShow(data: unknown): ShowRequest {
  const json = asObject(data);
  return { line: asNumber(json.line), what: asString(json.what) };
}

function readNotation(value: unknown): Notation {
  return value === 'symbols' ? 'symbols' : 'words';
}

/** The cast stays: it only lets the properties be indexed; each is still unknown until an as… reader checks it. */
function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function asNumber(value: unknown): number {
  return typeof value === 'number' ? value : Number.NaN;
}

function asCount(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function asVector(value: unknown): Vector {
  return asArray(value).map(asNumber);
}

function asMatrix(value: unknown): Matrix {
  return asArray(value).map(asVector);
}

/** Only a number is echoed back in the error message; anything else is described, not quoted. */
function formatVersion(value: unknown): string {
  return typeof value === 'number' ? String(value) : typeof value;
}
