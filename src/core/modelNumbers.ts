// The numbers of the models a cell's loads read, one by one, and those models with some numbers changed:
// what an output's sliders for a trained network's own weights drag. The file is never touched; a replay
// of the cell reads the changed copy in its place.
import type { LoadedModel } from './model/stateDict';
import type { GateSymbol, Matrix, RecordedLoad, Vector } from './types';
import { GATE_ORDER } from './vocabulary';

export interface ModelNumber {
  /** Which load of the cell (0 the first) and which layer (0 the bottom; 0 for the dense layer). */
  load: number;
  layer: number;
  owner: GateSymbol | 'dense';
  key: 'wx' | 'wh' | 'b' | 'w';
  /** [row, column] in a matrix, [k] in a vector (0-based). */
  index: number[];
  value: number;
}

/** Every number of the recorded models: each load's layers bottom first, gates f, i, g, o, then its head. */
export function modelNumbersOf(recorded: readonly RecordedLoad[]): ModelNumber[] {
  const numbers: ModelNumber[] = [];
  recorded.forEach(({ model }, load) => {
    const push = (
      layer: number,
      owner: ModelNumber['owner'],
      key: ModelNumber['key'],
      index: number[],
      value: number,
    ) => numbers.push({ load, layer, owner, key, index, value });
    const matrix = (layer: number, owner: ModelNumber['owner'], key: ModelNumber['key'], value: Matrix) =>
      value.forEach((row, r) => row.forEach((v, c) => push(layer, owner, key, [r, c], v)));
    const vector = (layer: number, owner: ModelNumber['owner'], key: ModelNumber['key'], value: Vector) =>
      value.forEach((v, k) => push(layer, owner, key, [k], v));
    model.layers.forEach((layer, l) => {
      for (const gate of GATE_ORDER) {
        const { wx, wh, b } = layer.gates[gate];
        matrix(l, gate, 'wx', wx);
        matrix(l, gate, 'wh', wh);
        vector(l, gate, 'b', b);
      }
    });
    if (model.dense) {
      matrix(0, 'dense', 'w', model.dense.w);
      vector(0, 'dense', 'b', model.dense.b);
    }
  });
  return numbers;
}

/** How many numbers a loaded model holds (what modelNumbersOf lists, counted without listing them). */
export function modelWeightCount(model: LoadedModel): number {
  const size = (m: Matrix) => m.length * (m[0]?.length ?? 0);
  const gates = model.layers.flatMap((layer) => GATE_ORDER.map((gate) => layer.gates[gate]));
  const dense = model.dense ? size(model.dense.w) + model.dense.b.length : 0;
  return gates.reduce((sum, g) => sum + size(g.wx) + size(g.wh) + g.b.length, dense);
}

/** The recorded models with some numbers replaced; only the matrices and vectors they sit in are copied. */
export function withModelChanges(
  recorded: readonly RecordedLoad[],
  changes: ReadonlyArray<{ number: ModelNumber; value: number }>,
): RecordedLoad[] {
  const copies = recorded.map(({ path, model }) => ({ path, model: shallowCopy(model) }));
  for (const { number, value } of changes) {
    const model = copies[number.load]?.model;
    if (!model) continue;
    const [row = 0, column] = number.index;
    if (number.owner === 'dense') {
      if (!model.dense) continue;
      if (number.key === 'w' && column !== undefined) model.dense.w = withMatrix(model.dense.w, row, column, value);
      else if (number.key === 'b') model.dense.b = withVector(model.dense.b, row, value);
      continue;
    }
    const gate = model.layers[number.layer]?.gates[number.owner];
    if (!gate) continue;
    if ((number.key === 'wx' || number.key === 'wh') && column !== undefined)
      gate[number.key] = withMatrix(gate[number.key], row, column, value);
    else if (number.key === 'b') gate.b = withVector(gate.b, row, value);
  }
  return copies;
}

/** A copy of the model down to each gate's record, sharing its matrices and vectors until one changes. */
function shallowCopy(model: LoadedModel): LoadedModel {
  const layers = model.layers.map((layer) => ({
    input: layer.input,
    gates: {
      f: { ...layer.gates.f },
      i: { ...layer.gates.i },
      g: { ...layer.gates.g },
      o: { ...layer.gates.o },
    },
  }));
  return { ...model, layers, ...(model.dense ? { dense: { ...model.dense } } : {}) };
}

function withMatrix(matrix: Matrix, row: number, column: number, value: number): Matrix {
  if (matrix[row]?.[column] === undefined) return matrix;
  return matrix.map((r, k) => (k === row ? r.map((v, c) => (c === column ? value : v)) : r));
}

function withVector(vector: Vector, k: number, value: number): Vector {
  return k < vector.length ? vector.map((v, j) => (j === k ? value : v)) : vector;
}
