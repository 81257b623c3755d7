// The walkthrough's single step (seed 002), the one fixture every test of it reads: the cell's text (state,
// the four gates and the dense layer, one statement a line), its weights, and the step it computes.
import type { ModelWeights, StepTrace } from '../../src/core/types';

export const SEED_SETUP = `x = 1
h = 1
c = 5
forget     wx = 1.75   wh = 3.25   b = 1.40
input      wx = 2.30   wh = 1.85   b = 0.45
candidate  wx = 0.45   wh = 0.35   b = -0.05
output     wx = -0.03  wh = 4.67   b = 0.50
dense      w = 2       b = 1`;

/** SEED_SETUP's weights, as the core packs them. */
export const SEED_WEIGHTS: ModelWeights = {
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

/** SEED_SETUP's step, the way the core reports it. Numbers computed once with a calculator. */
export const SEED_STEP: StepTrace = {
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
