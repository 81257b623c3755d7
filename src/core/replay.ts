// Re-runs one cell from the state it started in, with some of its numbers changed: what an explorable
// output computes while a learner drags a weight. The same Session, parser and engine as the kernel.
import { withValues, type Literal } from './literals';
import { Session } from './session';
import type { SessionState } from './snapshot';
import type { CellResult } from './types';

export interface Change {
  literal: Literal;
  value: number;
}

/** The cell's result with `changes` applied to its text, run from `before` (no file is ever read). */
export function replayCell(source: string, before: SessionState, changes: readonly Change[]): CellResult {
  const session = new Session({ allowLoad: false });
  session.restore(before);
  return session.run(withValues(source, changes));
}
