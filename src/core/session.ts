// The kernel's state between cells, as in Jupyter: weights, x, h, c and the time step count.
import { fail } from './cellError';
import { sliced, type CellExecution } from './cellExecution';
import { checkExpect } from './expectCheck';
import { LstmWorkspace, lstmStep, type LstmParams } from './lstm';
import { MAX_CELL_CHARS } from './limits';
import { loadModel, replayedLoad, type SessionOptions } from './loadStatement';
import { parseCellInSlices, type LayerRef, type Span, type Statement } from './parser';
import { lookUp } from './lookUp';
import { placeModel, type LowerLayer } from './stack';
import { overflowOf, toTrace, TraceRecorder } from './trace';
import { checkStepCount, sequence } from './stepInputs';
import type { LoadedModel } from './model/stateDict';
import type { CellResult, LoadSummary, ModelWeights, Notation, Problem, StepTrace, Vector } from './types';
import { asVector, describe, splitConcatenated, WeightStore, type Placed } from './weights';
import type { ValueName } from './vocabulary';
import { restoreLayer, restoreWeights, snapshotLayer, snapshotWeights, type SessionState } from './snapshot';

export type { CellExecution, SessionOptions, SessionState };

export class Session {
  private readonly weights = new WeightStore();
  private x?: Vector;
  private h?: Vector;
  private c?: Vector;
  private time = 0;
  private lastStep?: StepTrace;
  private notationChoice: Notation = 'words';
  /** Counts cell runs, so an error can tell whether a weight was set in this cell or an earlier one. */
  private runCount = 0;
  private packed?: { version: number; H: number; X: number; params: LstmParams; weights: ModelWeights };
  /** A stacked model's layers below the top one (the top is `weights`, `h`, `c`), bottom first. */
  private below: LowerLayer[] = [];
  /** The file the last `load` read, for errors in the learner's words. */
  private loadedFile?: string;
  /** Load statements run in this cell so far: which recorded model a replay reads next. */
  private loadsRun = 0;

  constructor(private readonly options: SessionOptions = {}) {}

  get notation(): Notation {
    return this.notationChoice;
  }

  run(source: string): CellResult {
    const execution = this.start(source);
    while (!execution.advance(Infinity));
    return execution.result;
  }

  start(source: string): CellExecution {
    const result: CellResult = {
      ok: true,
      steps: [],
      stepsRun: 0,
      expects: [],
      errors: [],
      shows: [],
      state: {},
      time: this.time,
      notation: this.notationChoice,
    };
    const recorder = new TraceRecorder();
    const run = ++this.runCount;
    this.loadsRun = 0;
    const work = this.execute(source, result, recorder, run);
    return sliced(work, result, (problem?: Problem) => {
      if (problem) result.errors.push(problem);
      result.steps = recorder.steps();
      result.stepsRun = recorder.count;
      result.ok = result.errors.length === 0 && result.expects.every((e) => e.pass);
      result.state = { x: this.x, h: this.h, c: this.c };
      result.time = this.time;
      result.notation = this.notationChoice;
      result.weights = this.currentWeights();
    });
  }

  /** The state a cell starts from, as plain JSON, so a renderer can re-run the cell (see ./snapshot). */
  snapshot(): SessionState {
    const { x, h, c, time, lastStep, loadedFile } = this;
    const below = this.below.length ? { below: this.below.map(snapshotLayer) } : {};
    const weights = snapshotWeights(this.weights);
    return {
      weights,
      ...below,
      x,
      h,
      c,
      time,
      lastStep,
      notation: this.notationChoice,
      ...(loadedFile ? { loadedFile } : {}),
    };
  }

  /** Puts the session back into a snapshot's state; its weights count as set in an earlier cell. */
  restore(state: SessionState): void {
    this.reset();
    restoreWeights(this.weights, state.weights);
    this.below = (state.below ?? []).map(restoreLayer);
    ({
      x: this.x,
      h: this.h,
      c: this.c,
      time: this.time,
      lastStep: this.lastStep,
      loadedFile: this.loadedFile,
    } = state);
    this.notationChoice = state.notation;
  }

  reset(): void {
    this.loadedFile = undefined;
    this.weights.clear();
    this.x = this.h = this.c = undefined;
    this.time = 0;
    this.lastStep = undefined;
    this.packed = undefined;
    this.below = [];
    this.loadedFile = undefined;
  }

  /** Runs the statements one by one, yielding after each time step so long runs can be sliced. */
  private *execute(source: string, result: CellResult, recorder: TraceRecorder, run: number): Generator<void> {
    if (source.length > MAX_CELL_CHARS) {
      fail(
        { line: 1, column: 1, length: 1 },
        `This cell has ${source.length} characters; the kernel reads at most ${MAX_CELL_CHARS} (MAX_CELL_CHARS). Split it into several cells.`,
      );
    }
    const parsed = yield* parseCellInSlices(source, undefined, { keepTokens: false });
    if (parsed.problems.length) {
      for (const problem of parsed.problems) result.errors.push(problem);
      return;
    }
    checkStepCount(parsed.statements);
    for (const statement of parsed.statements) {
      yield* this.perform(statement, result, recorder, run);
    }
  }

  private *perform(s: Statement, result: CellResult, recorder: TraceRecorder, run: number): Generator<void> {
    switch (s.type) {
      case 'assign': {
        const vector =
          asVector(s.value) ??
          fail(s.value.span, `${s.target} must be a number or a vector, not a ${describe(s.value)} matrix.`);
        const lower = this.lowerLayer(s);
        if (lower && s.target !== 'x') lower[s.target] = vector;
        else this[s.target] = vector;
        return;
      }
      case 'gate': {
        const store = this.lowerLayer(s)?.store ?? this.weights;
        for (const setting of s.settings) {
          const placed: Placed = { value: setting.value, span: setting.value.span, run };
          if (setting.key === 'W') {
            const split = splitConcatenated(setting.value);
            if (typeof split === 'string') fail(setting.value.span, split);
            else {
              store.setGate(s.gate, 'wh', { ...placed, value: split.wh, whole: setting.value });
              store.setGate(s.gate, 'wx', { ...placed, value: split.wx, whole: setting.value });
            }
          } else {
            store.setGate(s.gate, setting.key, placed);
          }
        }
        return;
      }
      case 'dense':
        for (const setting of s.settings)
          this.weights.setDense(setting.key, { value: setting.value, span: setting.value.span, run });
        return;
      case 'step': {
        if (s.x)
          this.x = asVector(s.x) ?? fail(s.x.span, `x must be a number or a vector, not a ${describe(s.x)} matrix.`);
        this.step(s.span, run, recorder, s.x?.span);
        yield;
        return;
      }
      case 'run': {
        const inputs = sequence(s.xs);
        for (const x of inputs) {
          this.x = x;
          this.step(s.span, run, recorder, s.xs.span, 'run');
          yield;
        }
        return;
      }
      case 'expect':
        result.expects.push(checkExpect(s, () => this.read(s.name, s), this.time, this.lastStep !== undefined));
        return;
      case 'load': {
        const model = this.options.recorded
          ? replayedLoad(s, this.options.recorded, this.loadsRun)
          : loadModel(s, this.options);
        this.loadsRun++;
        (result.models ??= []).push({ path: s.path, model });
        result.loaded = this.load(s, model);
        return;
      }
      case 'reset':
        this.reset();
        return;
      case 'show':
        this.lowerLayer(s);
        result.shows.push({ line: s.span.line, what: s.what, ...(s.layer ? { layer: s.layer.index } : {}) });
        return;
      case 'notation':
        this.notationChoice = s.which;
        return;
    }
  }

  /** The engine's parameters for the current weights, packed once per change. */
  private params(H: number, X: number, span: Span, run: number): LstmParams {
    const cached = this.packed;
    if (cached && cached.version === this.weights.version && cached.H === H && cached.X === X) return cached.params;
    const packed = this.weights.pack(H, X);
    if ('message' in packed) {
      const at = packed.at;
      const here = at !== undefined && at.run === run;
      return fail(
        here ? at.span : span,
        here || !at ? packed.message : `${packed.message} (It was set in an earlier cell.)`,
      );
    }
    this.packed = { version: this.weights.version, H, X, ...packed };
    return packed.params;
  }

  /** The weights in force, packed for display, when every gate is set and the sizes are known. */
  private currentWeights(): ModelWeights | undefined {
    const cached = this.packed;
    if (cached && cached.version === this.weights.version) return cached.weights;
    const H = this.h?.length ?? this.weights.hiddenSize();
    const X = this.below.at(-1)?.hidden ?? this.x?.length ?? this.weights.inputSize();
    if (H === undefined || X === undefined) return undefined;
    const packed = this.weights.pack(H, X);
    if ('message' in packed) return undefined;
    this.packed = { version: this.weights.version, H, X, ...packed };
    return packed.weights;
  }

  private step(span: Span, run: number, recorder: TraceRecorder, xSpan = span, verb = 'step'): void {
    const x = this.x ?? fail(span, 'There is no input x yet: set it first (x = 1) or give it here (step x = 1).');
    this.checkModelInput(x, xSpan, verb);
    const t = this.time + 1;
    // A stacked model: the layers below the top one run first, each reading the h of the one below.
    const lower: StepTrace[] = [];
    let input = x;
    for (const layer of this.below) {
      const trace = layer.step(input, t);
      if ('message' in trace) return fail(trace.at && trace.at.run === run ? trace.at.span : span, trace.message);
      lower.push(trace);
      input = trace.h;
    }
    const H =
      this.h?.length ??
      this.weights.hiddenSize() ??
      fail(
        span,
        this.weights.isEmpty()
          ? 'The gates have no weights yet: set forget, input, candidate and output first.'
          : 'The size H of the memory is not known yet: set h (e.g. h = 0) or give the gates their b and wh first.',
      );
    const params = this.params(H, input.length, span, run);
    const h = this.h ?? new Array<number>(H).fill(0);
    const c = this.c ?? new Array<number>(H).fill(0);
    if (c.length !== H)
      fail(
        span,
        `c has ${c.length} values but h has ${H}: the long-term and short-term memory must be the same size H.`,
      );
    const ws = this.workspace(params);
    lstmStep(ws, input, h, c);
    const trace = toTrace(ws, t, input, h, c);
    const overflow = overflowOf(ws, trace);
    if (overflow) fail(span, overflow);
    if (lower.length) {
      this.below.forEach((layer, k) => layer.commit(lower[k]));
      trace.layers = [...lower, { ...trace }];
    }
    this.time = t;
    this.h = trace.h;
    this.c = trace.c;
    this.lastStep = trace;
    recorder.add(trace);
  }

  /** After a load, an x of the wrong size is the statement's mistake, said in the model's terms. */
  private checkModelInput(x: Vector, at: Span, verb: string): void {
    const bottom = this.below[0]?.store ?? this.weights;
    const X = bottom.inputSize();
    if (!this.loadedFile || X === undefined || X === x.length) return;
    const values = (n: number) => `${n} value${n === 1 ? '' : 's'}`;
    const run = verb === 'run';
    const hint = run && x.length === 1 ? ` Write one row per step: run x = [[${values(X)}], […]].` : '';
    fail(
      at,
      `${run ? 'Each step of this run has' : 'x has'} ${values(x.length)}, but the weights loaded from "${this.loadedFile}" take X = ${X} input${X === 1 ? '' : 's'}: give ${run ? 'each step' : 'x'} ${values(X)}.${hint}`,
    );
  }

  /** The lower layer a `layer N` statement is about; undefined for the top layer (or none given). */
  private lowerLayer(s: LayerRef): LowerLayer | undefined {
    if (!s.layer) return undefined;
    const { index, span } = s.layer;
    const count = this.below.length + 1;
    if (index >= count)
      fail(
        span,
        count === 1
          ? `There is only layer 0 here: load a stacked model (e.g. a state dict with weight_ih_l1) to have more.`
          : `There is no layer ${index}: the model has ${count} layers, 0 (it reads x) to ${count - 1} (the top).`,
      );
    return this.below[index];
  }

  private workspaceCache?: LstmWorkspace;
  private workspace(params: LstmParams): LstmWorkspace {
    if (this.workspaceCache?.params !== params) this.workspaceCache = new LstmWorkspace(params);
    return this.workspaceCache;
  }

  /** A value as expect reads it: of the top layer, or of `layer N`. */
  private read(name: ValueName, ref: LayerRef = {}): Vector | undefined {
    const lower = this.lowerLayer(ref);
    const index = lower?.index ?? this.below.length;
    if (lower && ref.layer && name === 'y')
      fail(ref.layer.span, `y is the head's prediction, read from the top layer (layer ${this.below.length}).`);
    // A layer's x is its input: the model's x for layer 0, the h of the layer below otherwise.
    const x = ref.layer && index > 0 ? this.below[index - 1].h : this.x;
    return lookUp(name, x, lower ?? { h: this.h, c: this.c, last: this.lastStep });
  }

  private load(s: Extract<Statement, { type: 'load' }>, model: LoadedModel): LoadSummary {
    this.below = placeModel(model, this.weights, s.pathSpan, this.runCount);
    // Trained networks start from zero memory, as PyTorch and Keras do.
    this.h = new Array<number>(model.hidden).fill(0);
    this.c = new Array<number>(model.hidden).fill(0);
    this.lastStep = undefined;
    this.loadedFile = s.path;
    return { file: s.path, ...model.summary };
  }
}
