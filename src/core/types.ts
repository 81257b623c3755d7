// The data the core hands to everyone else: CLI, extension host, renderer, tests.
import type { LoadedModel } from './model/stateDict';

/** A problem in a cell or file. `line`/`column` are 1-based and relative to the text that was parsed. */
export interface Problem {
  line: number;
  column: number;
  /** Characters the problem covers on its line (at least 1). */
  length: number;
  message: string;
  severity: 'error' | 'warning';
  /** For "did you mean" problems: the word to put in place of the range. */
  suggestion?: string;
}

export type Vector = number[];
/** Row-major: matrix[row][column]. */
export type Matrix = number[][];

export type GateName = 'forget' | 'input' | 'candidate' | 'output';
/** Short names used in traces and `expect`: f = forget, i = input, g = candidate (C̃), o = output. */
export type GateSymbol = 'f' | 'i' | 'g' | 'o';

/** One gate's parameters: pre-activation z = Wx·x + Wh·h + b. */
export interface GateWeights {
  wx: Matrix; // H×X
  wh: Matrix; // H×H
  b: Vector; // H
}

export interface DenseWeights {
  w: Matrix; // Y×H
  b: Vector; // Y
}

export interface ModelWeights {
  hidden: number; // H
  input: number; // X
  gates: Record<GateSymbol, GateWeights>;
  dense?: DenseWeights;
}

/** Everything one time step computed, in the order the equations compute it. */
export interface StepTrace {
  /** 1-based step count since the last reset. */
  t: number;
  x: Vector;
  h_prev: Vector;
  c_prev: Vector;
  /** Pre-activations W·[h_prev, x] + b of each gate. */
  z: Record<GateSymbol, Vector>;
  f: Vector;
  i: Vector;
  g: Vector;
  o: Vector;
  /** f ⊙ c_prev: what the forget gate keeps of the long-term memory. */
  fc: Vector;
  /** i ⊙ g: what the input gate adds to it. */
  ig: Vector;
  c: Vector;
  tanh_c: Vector;
  h: Vector;
  y?: Vector;
  /** A stacked model's layers, bottom first, the top one last (its values are also the step's own). */
  layers?: StepTrace[];
}

export interface ExpectResult {
  /** 1-based line (relative to the parsed cell; the CLI converts to file lines). */
  line: number;
  text: string;
  name: string;
  pass: boolean;
  expected: Vector;
  actual: Vector | null;
  tolerance: number;
  /** Why a failure may not be what it seems, e.g. no step has run yet. */
  hint?: string;
}

/** A `show` statement's request, for renderers that want to focus on one thing. */
export interface ShowRequest {
  line: number;
  what: string;
  /** `show layer N …`: a layer of a stacked model other than the top one. */
  layer?: number;
}

export type Notation = 'words' | 'symbols';

export interface CellResult {
  ok: boolean;
  /** Traces of the steps this cell ran; when there are very many, only the first and last ones. */
  steps: StepTrace[];
  /** How many steps the cell ran (>= steps.length). */
  stepsRun: number;
  expects: ExpectResult[];
  errors: Problem[];
  shows: ShowRequest[];
  /** Weights in force after the cell ran, when all gates are set (for substituted equations). */
  weights?: ModelWeights;
  /** State after the cell ran. */
  state: { x?: Vector; h?: Vector; c?: Vector };
  /** Steps since the last reset, after this cell. */
  time: number;
  /** Vocabulary the notebook asked for with `notation`. */
  notation: Notation;
  /** What this cell's `load` read, when it ran one. */
  loaded?: LoadSummary;
  /** Every model this cell's load statements read, in order: an output re-runs the cell with them. */
  models?: RecordedLoad[];
}

/** A model a `load` statement read: what a replay of the cell reads in its place (no file is read again). */
export interface RecordedLoad {
  path: string;
  model: LoadedModel;
}

/** What a `load` read: shown in the output, the markdown fallback, the CLI summary and --json. */
export interface LoadSummary {
  /** The file as the notebook names it. */
  file: string;
  format: 'PyTorch .pt' | 'safetensors' | 'NumPy .npz' | 'JSON';
  layout: 'PyTorch' | 'Keras';
  /** The prefix of the LSTM's keys ("rnn", or "" for none). */
  lstm: string;
  layers: number;
  input: number;
  hidden: number;
  head?: { name: string; outputs: number };
  /** The dtypes of the tensors used, each converted to float64 exactly. */
  dtypes: string[];
  /** Keys of the file the model does not use. */
  unused: string[];
}
