// Re-runs one cell from the state it started in, with some of its numbers changed: what an explorable
// output computes while a learner drags a weight. The same Session, parser and engine as the kernel.
import { withValues, type Literal } from './literals';
import { Session } from './session';
import type { SessionState } from './snapshot';
import type { CellResult, RecordedLoad } from './types';

export interface Change {
  literal: Literal;
  value: number;
}

/**
 * The cell's result with `changes` applied to its text, run from `before`. No file is ever read: its
 * load statements read the models `recorded` when it ran.
 */
export function replayCell(
  source: string,
  before: SessionState,
  changes: readonly Change[],
  recorded: readonly RecordedLoad[] = [],
): CellResult {
  const session = new Session({ allowLoad: false, recorded });
  session.restore(before);
  return session.run(withValues(source, changes));
}
