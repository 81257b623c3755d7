// Cells the language tests share: the walkthrough cell and its numbers (from Python, not the engine),
// gates easy to follow by hand, and helpers that run a cell and list its errors by place.
import { Session } from '../../../src/core/session';
import type { CellResult } from '../../../src/core/types';

export const GATES_1 = `forget     wx = 1.75   wh = 3.25   b = 1.40
input      wx = 2.30   wh = 1.85   b = 0.45
candidate  wx = 0.45   wh = 0.35   b = -0.05
output     wx = -0.03  wh = 4.67   b = 0.50`;

/** The walkthrough cell: x = 1, h = 1, c = 5 and the four gates above. */
export const SEED = `x = 1\nh = 1\nc = 5\n${GATES_1}\ndense w = 2 b = 1\nstep`;
// From Python: σ(6.4)·5 + σ(4.6)·tanh(0.75), then σ(5.14)·tanh(c) and 2h + 1.
export const SEED_C = 5.620534070456285;
export const SEED_H = 0.9941503281986739;
export const SEED_Y = 2.9883006563973478;

/** Gates with only biases (σ(0) = 0.5) and a candidate that is tanh(x): easy to follow by hand. */
export const HALF_GATES = `forget wx = 0 wh = 0 b = 0
input wx = 0 wh = 0 b = 0
candidate wx = 1 wh = 0 b = 0
output wx = 0 wh = 0 b = 0`;

export const run = (source: string, session = new Session()): CellResult => session.run(source);
export const errorsOf = (result: CellResult) =>
  result.errors.map(({ line, column, length, message }) => ({ line, column, length, message }));
