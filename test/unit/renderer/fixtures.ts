// Payloads for renderer tests and the preview page. Traces are computed here from the LSTM's
// equations written out by hand, independently of src/core, so the renderer is checked against them.
import type { StepPayload } from '../../../src/common/payload';
import type { ExpectResult, GateSymbol, GateWeights, ModelWeights, StepTrace, Vector } from '../../../src/core/types';
import { SEED_WEIGHTS } from '../../support/seedCell';

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** z = Wx·x + Wh·h + b for one gate. */
function preActivation(gate: GateWeights, x: Vector, h: Vector): Vector {
  return gate.b.map(
    (b, r) => b + gate.wx[r].reduce((s, w, k) => s + w * x[k], 0) + gate.wh[r].reduce((s, w, k) => s + w * h[k], 0),
  );
}

export function lstmStep(weights: ModelWeights, t: number, x: Vector, h_prev: Vector, c_prev: Vector): StepTrace {
  const z = Object.fromEntries(
    (['f', 'i', 'g', 'o'] as GateSymbol[]).map((gate) => [gate, preActivation(weights.gates[gate], x, h_prev)]),
  ) as Record<GateSymbol, Vector>;
  const f = z.f.map(sigmoid);
  const i = z.i.map(sigmoid);
  const g = z.g.map(Math.tanh);
  const o = z.o.map(sigmoid);
  const fc = f.map((v, k) => v * c_prev[k]);
  const ig = i.map((v, k) => v * g[k]);
  const c = fc.map((v, k) => v + ig[k]);
  const tanh_c = c.map(Math.tanh);
  const h = o.map((v, k) => v * tanh_c[k]);
  const dense = weights.dense;
  const y = dense ? dense.b.map((b, r) => b + dense.w[r].reduce((s, w, k) => s + w * h[k], 0)) : undefined;
  return { t, x, h_prev, c_prev, z, f, i, g, o, fc, ig, c, tanh_c, h, y };
}

export function expectResult(
  text: string,
  name: string,
  expected: Vector,
  actual: Vector | null,
  tolerance = 0.01,
): ExpectResult {
  const pass = actual !== null && actual.every((v, k) => Math.abs(v - expected[k]) <= tolerance);
  return { line: 1, text, name, pass, expected, actual, tolerance };
}

/** One step with x = 1, h = 1, C = 5, as in the walkthrough, and two expectations (one wrong). */
export function seedPayload(overrides: Partial<StepPayload> = {}): StepPayload {
  const step = lstmStep(SEED_WEIGHTS, 1, [1], [1], [5]);
  return {
    version: 1,
    steps: [step],
    totalSteps: 1,
    expects: [
      expectResult('expect f = 0.998', 'f', [0.998], step.f, 0.001),
      expectResult('expect c = 5.67', 'c', [5.67], step.c, 0.01),
    ],
    shows: [],
    weights: SEED_WEIGHTS,
    notation: 'words',
    ...overrides,
  };
}

/** A 2-unit LSTM with 2 inputs run over `count` steps of a sine wave; steps thinned to first/last `keep`. */
export function vectorPayload(count: number, keep = count): StepPayload {
  const weights: ModelWeights = {
    hidden: 2,
    input: 2,
    gates: {
      f: {
        wx: [
          [0.5, -0.3],
          [1.2, 0.4],
        ],
        wh: [
          [0.8, 0.1],
          [-0.2, 0.6],
        ],
        b: [1, 0.5],
      },
      i: {
        wx: [
          [2.1, 0.2],
          [-1.1, 0.9],
        ],
        wh: [
          [0.3, -0.4],
          [0.7, 0.2],
        ],
        b: [0.1, -0.2],
      },
      g: {
        wx: [
          [1.5, -2],
          [0.8, 1.1],
        ],
        wh: [
          [-0.5, 0.9],
          [0.4, -0.3],
        ],
        b: [0, 0.2],
      },
      o: {
        wx: [
          [4, 3],
          [-0.6, 0.5],
        ],
        wh: [
          [1.1, 0.3],
          [0.2, 0.9],
        ],
        b: [0.3, 0.1],
      },
    },
    dense: { w: [[1.5, -0.7]], b: [0.2] },
  };
  const steps: StepTrace[] = [];
  let [h, c] = [
    [0, 0],
    [0, 0],
  ];
  for (let t = 1; t <= count; t++) {
    const step = lstmStep(weights, t, [Math.sin(t / 2), Math.cos(t / 3)], h, c);
    steps.push(step);
    [h, c] = [step.h, step.c];
  }
  const kept = count > keep ? [...steps.slice(0, keep / 2), ...steps.slice(-keep / 2)] : steps;
  const last = steps[steps.length - 1];
  return {
    version: 1,
    steps: kept,
    totalSteps: count,
    expects: [expectResult('expect h = last h', 'h', [...last.h], last.h, 0.001)],
    shows: [],
    weights,
    notation: 'symbols',
  };
}

/** A cell that only set weights: no step. */
export function weightsOnlyPayload(): StepPayload {
  return {
    version: 1,
    steps: [],
    totalSteps: 0,
    expects: [],
    shows: [],
    weights: SEED_WEIGHTS,
    notation: 'words',
  };
}

export const HOSTILE_TEXTS = [
  '<img src=x onerror=alert(1)>',
  '%%{init: {"securityLevel":"loose"}}%%',
  '\\href{javascript:alert(1)}{x}',
];
