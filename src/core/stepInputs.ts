// The inputs a cell's `run` statements feed the steps, and the bound on how many steps one cell runs.
import { fail } from './cellError';
import { MAX_STEPS_PER_CELL } from './limits';
import { stepsOf, type Statement, type Value } from './parser';
import type { Vector } from './types';

/** Refuses a cell that would run too many steps before any of it runs. */
export function checkStepCount(statements: readonly Statement[]): void {
  // Counted from the values' lengths: making the inputs here (an array per step) took 160 ms at once for 10⁶ steps.
  let steps = 0;
  for (const s of statements) {
    steps += stepsOf(s);
    if (steps > MAX_STEPS_PER_CELL) {
      const total = statements.reduce((n, t) => n + stepsOf(t), 0);
      fail(
        s.span,
        `This cell would run ${total} steps; one cell runs at most ${MAX_STEPS_PER_CELL} (MAX_STEPS_PER_CELL).`,
      );
    }
  }
}

/** run x = [..]: one step per element, a number each when X = 1, a vector each otherwise. */
export function sequence(value: Value): Vector[] {
  if (value.depth === 0) return [[value.data]];
  if (value.depth === 1) return value.data.map((n) => [n]);
  return value.data;
}
