// The layers of a stacked model below the top one (the top is the session's own): each has its weights and
// its own h and c, carried across cells like the single layer's. Layer l reads the h of layer l − 1.
import { GATE_ORDER, LstmWorkspace, lstmStep, type LstmParams } from './lstm';
import type { LoadedLayer, LoadedModel } from './model/stateDict';
import type { Span } from './parser';
import { overflowOf, toTrace } from './trace';
import type { Matrix, ModelWeights, StepTrace, Vector } from './types';
import type { Shaped } from './values';
import { WeightStore, type Placed, type ShapeError } from './weights';

const zeros = (n: number) => new Array<number>(n).fill(0);

export class LowerLayer {
  readonly store = new WeightStore();
  h: Vector;
  c: Vector;
  last?: StepTrace;
  private packed?: { version: number; X: number; params: LstmParams; weights: ModelWeights };
  private ws?: LstmWorkspace;

  constructor(
    readonly index: number,
    readonly hidden: number,
  ) {
    this.h = zeros(hidden);
    this.c = zeros(hidden);
  }

  /** The layer's weights packed for inputs of X values; cached until they change. */
  pack(X: number): { params: LstmParams; weights: ModelWeights } | ShapeError {
    const cached = this.packed;
    if (cached && cached.version === this.store.version && cached.X === X) return cached;
    const packed = this.store.pack(this.hidden, X);
    if ('message' in packed) return { ...packed, message: `Layer ${this.index}: ${packed.message}` };
    this.packed = { version: this.store.version, X, ...packed };
    return packed;
  }

  /** One step on input x, not yet kept (see commit) (the model's x for layer 0, the h of the layer below otherwise). */
  step(x: Vector, t: number): StepTrace | ShapeError {
    if (this.h.length !== this.hidden || this.c.length !== this.hidden)
      return { message: `Layer ${this.index}'s h and c must have H = ${this.hidden} values each.` };
    const packed = this.pack(x.length);
    if ('message' in packed) return packed;
    if (this.ws?.params !== packed.params) this.ws = new LstmWorkspace(packed.params);
    lstmStep(this.ws, x, this.h, this.c);
    const trace = toTrace(this.ws, t, x, this.h, this.c);
    const overflow = overflowOf(this.ws, trace);
    if (overflow) return { message: `Layer ${this.index}: ${overflow}` };
    return trace;
  }

  /** Keeps a step's result as the layer's state, once every layer of the step has succeeded. */
  commit(trace: StepTrace): void {
    this.h = trace.h;
    this.c = trace.c;
    this.last = trace;
  }
}

/** Puts a loaded model in place: its top layer and head into `top`; returns the layers below it. */
export function placeModel(model: LoadedModel, top: WeightStore, span: Span, run: number): LowerLayer[] {
  const last = model.layers.length - 1;
  placeLayer(top, model.layers[last], span, run);
  if (model.dense) {
    top.setDense('w', placed(matrix(model.dense.w), span, run));
    top.setDense('b', placed(vector(model.dense.b), span, run));
  }
  return model.layers.slice(0, last).map((layer, index) => {
    const lower = new LowerLayer(index, model.hidden);
    placeLayer(lower.store, layer, span, run);
    return lower;
  });
}

/** A loaded matrix or vector, placed at the load statement. */
const placed = (value: Shaped, span: Span, run: number): Placed => ({ value: { ...value, span }, span, run });
const matrix = (data: Matrix): Shaped => ({ depth: 2, data });
const vector = (data: Vector): Shaped => ({ depth: 1, data });

/** Puts a loaded layer's gates into a weight store, as if written at the load statement. */
function placeLayer(store: WeightStore, layer: LoadedLayer, span: Span, run: number): void {
  store.clear();
  for (const gate of GATE_ORDER) {
    const g = layer.gates[gate];
    store.setGate(gate, 'wx', placed(matrix(g.wx), span, run));
    store.setGate(gate, 'wh', placed(matrix(g.wh), span, run));
    store.setGate(gate, 'b', placed(vector(g.b), span, run));
  }
}
