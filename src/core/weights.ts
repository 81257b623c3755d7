// The weights a notebook has set so far, checked against each other and packed for the engine.
import type { LstmParams } from './lstm';
import { GATE_ORDER, GATES, perGate } from './vocabulary';
import type { Span, Value } from './parser';
import type { GateSymbol, GateWeights, Matrix, ModelWeights, Vector } from './types';
import { MAX_DIMENSION } from './limits';

/** A value as written, with where it was written (the cell run it came from and its span there). */
export interface Placed {
  value: Value;
  span: Span;
  run: number;
  /** The W = [[…]] this wh or wx was cut from, so a shape error can speak of what was written. */
  whole?: Value;
}

export interface GateSlots {
  wx?: Placed;
  wh?: Placed;
  b?: Placed;
}

/** A shape problem, pointing at the value that caused it. */
export interface ShapeError {
  message: string;
  at?: Placed;
}

export function describe(value: Value): string {
  if (value.depth === 0) return 'a single number';
  if (value.depth === 1) return `a vector of ${value.data.length} values`;
  return `${value.data.length}×${value.data[0].length}`;
}

export function asVector(value: Value): Vector | undefined {
  if (value.depth === 0) return [value.data];
  if (value.depth === 1) return value.data;
  const rows = value.data;
  if (rows.every((row) => row.length === 1)) return rows.map((row) => row[0]);
  return rows.length === 1 ? rows[0] : undefined;
}

/** The value as a rows×cols matrix; a vector fits a single column or a single row. */
function asMatrix(value: Value, rows: number, cols: number): Matrix | undefined {
  if (value.depth === 0) return rows === 1 && cols === 1 ? [[value.data]] : undefined;
  if (value.depth === 1) {
    const v = value.data;
    if (cols === 1 && v.length === rows) return v.map((n) => [n]);
    if (rows === 1 && v.length === cols) return [v];
    return undefined;
  }
  const m = value.data;
  return m.length === rows && m[0].length === cols ? m : undefined;
}

function shapeText(value: Value): string {
  return `is ${describe(value)}`;
}

/** Splits W (H×(H+X), columns [h, x]) into wh and wx. */
export function splitConcatenated(value: Value): { wh: Value; wx: Value } | string {
  // A vector is W's single row (H = 1), as the docs promise a vector is read where one row is needed.
  const rows = value.depth === 2 ? value.data : value.depth === 1 ? [value.data] : undefined;
  if (!rows) return `W must be a matrix H×(H+X) with columns [h, x]; this ${shapeText(value)}.`;
  const H = rows.length;
  const X = rows[0].length - H;
  if (X < 1)
    return `W is ${H}×${rows[0].length}, but with ${H} rows (H = ${H}) it needs H + X ≥ ${H + 1} columns: H for h_{t−1}, then at least one for x_t.`;
  return {
    wh: { depth: 2, data: rows.map((r) => r.slice(0, H)), span: value.span },
    wx: { depth: 2, data: rows.map((r) => r.slice(H)), span: value.span },
  };
}

export class WeightStore {
  readonly gates: Record<GateSymbol, GateSlots> = { f: {}, i: {}, g: {}, o: {} };
  dense?: { w?: Placed; b?: Placed };
  /** Bumped on every change, so the packed parameters can be cached. */
  version = 0;

  setGate(gate: GateSymbol, key: 'wx' | 'wh' | 'b', placed: Placed) {
    this.gates[gate][key] = placed;
    this.version++;
  }

  setDense(key: 'w' | 'b', placed: Placed) {
    this.dense = { ...this.dense, [key]: placed };
    this.version++;
  }

  clear() {
    for (const gate of GATE_ORDER) this.gates[gate] = {};
    this.dense = undefined;
    this.version++;
  }

  isEmpty(): boolean {
    return !this.dense && GATE_ORDER.every((gate) => Object.keys(this.gates[gate]).length === 0);
  }

  /** H as the weights tell it: the forget gate's bias length, else its wh's rows. */
  hiddenSize(): number | undefined {
    for (const gate of GATE_ORDER) {
      const { b, wh } = this.gates[gate];
      if (b) return asVector(b.value)?.length;
      if (wh) return wh.value.depth === 2 ? wh.value.data.length : wh.value.depth === 0 ? 1 : undefined;
    }
    return undefined;
  }

  /** X as the weights tell it: the columns of the forget gate's wx, when written as a matrix. */
  inputSize(): number | undefined {
    const wx = this.gates.f.wx?.value;
    if (!wx) return undefined;
    if (wx.depth === 2) return wx.data[0].length;
    return wx.depth === 0 ? 1 : undefined;
  }

  /** Checks every shape against H and X and packs the weights; or says what is missing or wrong. */
  pack(H: number, X: number): { params: LstmParams; weights: ModelWeights } | ShapeError {
    if (H > MAX_DIMENSION || X > MAX_DIMENSION) {
      return { message: `H = ${H}, X = ${X}: the largest size this kernel runs is ${MAX_DIMENSION} (MAX_DIMENSION).` };
    }
    const stride = H + X;
    const weights = new Float64Array(4 * H * stride);
    const bias = new Float64Array(4 * H);
    const packed: GateWeights[] = []; // in GATE_ORDER
    for (const [block, gate] of GATE_ORDER.entries()) {
      const slots = this.gates[gate];
      const word = GATES[gate].word;
      const { wx: setWx, wh: setWh, b: setB } = slots;
      if (!setWx || !setWh) {
        const key = setWx ? 'wh' : 'wx';
        return {
          message: `The ${GATES[gate].name} has no ${key} yet: set it first, e.g. "${word} ${key} = 0.5" (or W = [[…]] for both).`,
        };
      }
      const whole = setWx.whole && setWx.whole === setWh.whole ? setWx.whole : undefined;
      const wx = asMatrix(setWx.value, H, X);
      const wh = asMatrix(setWh.value, H, H);
      if (whole && (!wx || !wh))
        return {
          message: `W of the ${GATES[gate].name} ${shapeText(whole)}, but W needs H + X = ${stride} columns: H = ${H} for h_{t−1}, then X = ${X} for x_t (H×(H+X) = ${H}×${stride}).`,
          at: setWx,
        };
      if (!wx)
        return {
          message: `wx of the ${GATES[gate].name} ${shapeText(setWx.value)}, but it must be H×X = ${H}×${X} (H hidden values, X = ${X} input values).`,
          at: setWx,
        };
      if (!wh)
        return {
          message: `wh of the ${GATES[gate].name} ${shapeText(setWh.value)}, but it must be H×H = ${H}×${H} (h has ${H} values).`,
          at: setWh,
        };
      const b = setB ? asVector(setB.value) : new Array<number>(H).fill(0);
      if (!b || b.length !== H)
        return {
          message: `b of the ${GATES[gate].name} ${setB ? shapeText(setB.value) : 'is missing'}, but it needs H = ${H} values.`,
          at: setB,
        };
      for (let r = 0; r < H; r++) {
        const row = (block * H + r) * stride;
        for (let k = 0; k < H; k++) weights[row + k] = wh[r][k];
        for (let k = 0; k < X; k++) weights[row + H + k] = wx[r][k];
        bias[block * H + r] = b[r];
      }
      packed.push({ wx, wh, b });
    }
    const params: LstmParams = { hidden: H, input: X, weights, bias };
    const model: ModelWeights = { hidden: H, input: X, gates: perGate((gate) => packed[GATE_ORDER.indexOf(gate)]) };
    if (this.dense) {
      const { w, b } = this.dense;
      if (!w) return { message: 'The dense layer has no w yet: set it, e.g. "dense w = 2 b = 1".', at: b };
      // A vector is one row (Y = 1), or, when h has a single value, one column (one output per value).
      const Y = w.value.depth === 2 || (w.value.depth === 1 && H === 1) ? w.value.data.length : 1;
      const wy = asMatrix(w.value, Y, H);
      if (!wy)
        return {
          message: `w of the dense layer ${shapeText(w.value)}, but it must be Y×H with H = ${H} columns, one per value of h.`,
          at: w,
        };
      const by = b ? asVector(b.value) : new Array<number>(Y).fill(0);
      if (!by || by.length !== Y)
        return {
          message: `b of the dense layer ${b ? shapeText(b.value) : 'is missing'}, but it needs ${Y} value${Y === 1 ? '' : 's'}, one per row of w.`,
          at: b,
        };
      params.dense = { outputs: Y, weights: Float64Array.from(wy.flat()), bias: Float64Array.from(by) };
      model.dense = { w: wy, b: by };
    }
    return { params, weights: model };
  }
}
