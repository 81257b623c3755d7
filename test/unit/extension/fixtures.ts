// Results of the walkthrough's step (x = 1, h = 1, c = 5 and its weights, see test/support/seedCell.ts),
// the way the core reports them, for tests of what the extension host shows.
import type { CellResult, ModelWeights, StepTrace } from '../../../src/core/types';
import { SEED_STEP as WALKTHROUGH_STEP, SEED_WEIGHTS as WALKTHROUGH_WEIGHTS } from '../../support/seedCell';

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
