// Keeps the step traces of a cell within a memory budget: all of them, or the first and last ones.
import { MAX_TRACE_NUMBERS } from './limits';
import type { StepTrace } from './types';

export class TraceRecorder {
  private readonly head: StepTrace[] = [];
  private tail: StepTrace[] = [];
  private tailStart = 0;
  private headFull = false;
  count = 0;

  add(trace: StepTrace): void {
    this.count++;
    if (!this.headFull) {
      this.head.push(trace);
      // Each trace holds about 14 vectors; stop keeping every step once half the budget is used.
      if (this.head.length * numbersIn(trace) * 2 >= MAX_TRACE_NUMBERS) this.headFull = true;
      return;
    }
    if (this.tail.length < this.head.length) this.tail.push(trace);
    else {
      this.tail[this.tailStart] = trace;
      this.tailStart = (this.tailStart + 1) % this.tail.length;
    }
  }

  /** The kept steps in time order. */
  steps(): StepTrace[] {
    return [...this.head, ...this.tail.slice(this.tailStart), ...this.tail.slice(0, this.tailStart)];
  }
}

/** Numbers a trace holds, plus its 16 arrays' own cost (about 8 numbers' worth each): for H = 1 the numbers alone undercount the memory tenfold. */
function numbersIn(trace: StepTrace): number {
  return 12 * trace.h.length + trace.x.length + (trace.y?.length ?? 0) + 16 * 8;
}
