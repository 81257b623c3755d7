// Hand-written results of the walkthrough's step (x = 1, h = 1, c = 5 and its weights), the way the core
// reports them, for tests of what the extension host shows. Numbers computed once with a calculator.
import type { CellResult, ModelWeights, StepTrace } from '../../../src/core/types';

export const WALKTHROUGH_STEP: StepTrace = {
  t: 1,
  x: [1],
  h_prev: [1],
  c_prev: [5],
  z: { f: [6.4], i: [4.6], g: [0.75], o: [5.14] },
  f: [0.9983411989198255],
  i: [0.9900481981330957],
  g: [0.6351489523872873],
  o: [0.9941764229937885],
  fc: [4.991705994599128],
  ig: [0.6288280758571572],
  c: [5.620534070456285],
  tanh_c: [0.9999737523496725],
  h: [0.9941503281986739],
  y: [2.9883006563973478],
};

export const WALKTHROUGH_WEIGHTS: ModelWeights = {
  hidden: 1,
  input: 1,
  gates: {
    f: { wx: [[1.75]], wh: [[3.25]], b: [1.4] },
    i: { wx: [[2.3]], wh: [[1.85]], b: [0.45] },
    g: { wx: [[0.45]], wh: [[0.35]], b: [-0.05] },
    o: { wx: [[-0.03]], wh: [[4.67]], b: [0.5] },
  },
  dense: { w: [[2]], b: [1] },
};

export function result(overrides: Partial<CellResult> = {}): CellResult {
  return {
    ok: true,
    steps: [WALKTHROUGH_STEP],
    stepsRun: 1,
    expects: [],
    errors: [],
    shows: [],
    weights: WALKTHROUGH_WEIGHTS,
    state: { x: [1], h: WALKTHROUGH_STEP.h, c: WALKTHROUGH_STEP.c },
    time: 1,
    notation: 'words',
    ...overrides,
  };
}

/** `count` copies of the walkthrough step numbered t = 1 … count. */
export function steps(count: number): StepTrace[] {
  return Array.from({ length: count }, (_, k) => ({ ...WALKTHROUGH_STEP, t: k + 1 }));
}

/** Weights of an LSTM with `hidden` units and `input` inputs, every number 0.1. */
export function weightsOfSize(hidden: number, input: number): ModelWeights {
  const matrix = (rows: number, columns: number) =>
    Array.from({ length: rows }, () => Array<number>(columns).fill(0.1));
  const gate = () => ({ wx: matrix(hidden, input), wh: matrix(hidden, hidden), b: Array<number>(hidden).fill(0.1) });
  return { hidden, input, gates: { f: gate(), i: gate(), g: gate(), o: gate() } };
}
