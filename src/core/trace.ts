// Keeps the step traces of a cell within a memory budget: all of them, or the first and last ones.
import { MAX_TRACE_NUMBERS } from './limits';
import type { LstmWorkspace } from './lstm';
import type { StepTrace, Vector } from './types';

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
  const own = 12 * trace.h.length + trace.x.length + (trace.y?.length ?? 0) + 16 * 8;
  return own + (trace.layers ?? []).reduce((sum, layer) => sum + numbersIn(layer), 0);
}

/** `length` numbers of a typed array from `start`, as a plain array (a loop: Array.from is several times slower). */
function plain(array: Float64Array, start = 0, length = array.length): number[] {
  const out = new Array<number>(length);
  for (let k = 0; k < length; k++) out[k] = array[start + k];
  return out;
}

/** A step's trace from the workspace it was computed in. */
export function toTrace(ws: LstmWorkspace, t: number, x: Vector, h: Vector, c: Vector): StepTrace {
  const H = ws.params.hidden;
  const part = (array: Float64Array, block: number) => plain(array, block * H, H);
  const f = part(ws.gates, 0);
  const i = part(ws.gates, 1);
  const g = part(ws.gates, 2);
  const trace: StepTrace = {
    t,
    x: [...x],
    h_prev: [...h],
    c_prev: [...c],
    z: { f: part(ws.z, 0), i: part(ws.z, 1), g: part(ws.z, 2), o: part(ws.z, 3) },
    f,
    i,
    g,
    o: part(ws.gates, 3),
    fc: f.map((v, k) => v * c[k]),
    ig: i.map((v, k) => v * g[k]),
    c: plain(ws.c),
    tanh_c: plain(ws.tanhC),
    h: plain(ws.h),
  };
  if (ws.params.dense) trace.y = plain(ws.y);
  return trace;
}

function allFinite(values: ArrayLike<number>): boolean {
  for (let k = 0; k < values.length; k++) if (!Number.isFinite(values[k])) return false;
  return true;
}

/** Why a step overflowed float64, or undefined when every number is finite. */
export function overflowOf(ws: LstmWorkspace, trace: StepTrace): string | undefined {
  for (const key of ['z', 'c', 'h', 'y'] as const) {
    const values: ArrayLike<number> | undefined = key === 'z' ? ws.z : trace[key];
    if (values && !allFinite(values))
      return `At step ${trace.t} the numbers overflowed past float64 (${key === 'z' ? 'a gate\u2019s pre-activation' : key} is ±∞): the weights or inputs are too large.`;
  }
  return undefined;
}
