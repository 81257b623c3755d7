// Payloads as the kernel builds them, for tests and the renderer preview page: a real Session runs the
// cells before, takes the snapshot the explorable output re-runs from, then runs the cell.
import type { StepPayload } from '../../src/common/payload';
import { buildPayload } from '../../src/common/output';
import { parseNotebook } from '../../src/core/notebook';
import { Session, type SessionOptions } from '../../src/core/session';

/** The code cells of a notebook's text, in order. */
export function codeCells(text: string): string[] {
  return parseNotebook(text)
    .cells.filter((cell) => cell.kind === 'code')
    .map((cell) => cell.source);
}

/**
 * The payload of code cell `index` (counted among code cells), run after the cells before it, as the kernel
 * does; `options` give load its files (it is off by default).
 */
export function kernelPayload(
  cells: readonly string[],
  index: number,
  options: SessionOptions = { allowLoad: false },
): StepPayload {
  const session = new Session(options);
  for (const source of cells.slice(0, index)) session.run(source);
  const before = session.snapshot();
  const source = cells[index];
  // Through JSON, as the output item carries it.
  return JSON.parse(
    JSON.stringify(buildPayload(session.run(source), { runId: `run-${index}`, source, before })),
  ) as StepPayload;
}
