// Every format and dtype loads the whole model exactly: the kernel's h and c of every layer, and the head's
// y, equal torch's own outputs (torch running the stored weights in float64) within 1e-12.
import { describe, expect, it } from 'vitest';
import { matching } from '../../support/matchers';
import { defined, errorsOf, expected, maxDifference, sessionWith } from './support';

const CASES: [string, string[]][] = [
  ['lstm1-fc-f32', ['.pt', '.p4.pt', '.p5.pt', '.safetensors', '.npz', '.compressed.npz', '.fortran-be.npz']],
  ['lstm3-decoder-f64', ['.pt', '.safetensors', '.npz', '.compressed.npz']],
  ['lstm2-f16', ['.pt', '.safetensors', '.npz', '.compressed.npz']],
  ['lstm1-bf16', ['.pt', '.safetensors']],
  ['strided', ['.pt']],
  ['keras-tf2', ['.json']],
];

const runOf = (xs: number[][]) => `run x = [${xs.map((x) => `[${x.join(', ')}]`).join(', ')}]`;

describe.each(CASES)('%s', (name, suffixes) => {
  const want = expected(name);
  it.each(suffixes)(`%s: every layer's h and c and the head's y equal torch's within 1e-12`, (suffix) => {
    const session = sessionWith();
    const load = session.run(`load "${name}${suffix}"`);
    expect(errorsOf(load)).toEqual([]);
    expect(load.loaded).toMatchObject({ layers: want.layers, input: want.X, hidden: want.H });
    const result = session.run(runOf(want.inputs));
    expect(errorsOf(result)).toEqual([]);
    expect(result.steps).toHaveLength(want.inputs.length);
    let worst = 0;
    result.steps.forEach((step, t) => {
      const torch = want.steps[t];
      const layers = step.layers ?? [step];
      expect(layers).toHaveLength(want.layers);
      layers.forEach((layer, l) => {
        worst = Math.max(worst, maxDifference(layer.h, torch.h[l]), maxDifference(layer.c, torch.c[l]));
      });
      // The step's own fields are the top layer's.
      expect(step.h).toEqual(defined(layers.at(-1)).h);
      if (torch.y) worst = Math.max(worst, maxDifference(step.y ?? [], torch.y));
      else expect(step.y).toBeUndefined();
    });
    expect(worst).toBeLessThanOrEqual(1e-12);
  });
});

describe('what was loaded', () => {
  it('names the format, layout, layers, sizes, head, dtype and the keys left unused', () => {
    const session = sessionWith();
    expect(session.run('load "lstm3-decoder-f64.pt"').loaded).toEqual({
      file: 'lstm3-decoder-f64.pt',
      format: 'PyTorch .pt',
      layout: 'PyTorch',
      lstm: 'rnn',
      layers: 3,
      input: 3,
      hidden: 5,
      head: { name: 'decoder', outputs: 2 },
      dtypes: ['float64'],
      unused: [],
    });
    expect(session.run('load "lstm2-f16.safetensors"').loaded).toMatchObject({
      format: 'safetensors',
      head: { name: 'out', outputs: 1 },
      dtypes: ['float16'],
    });
    expect(session.run('load "keras-tf2.json"').loaded).toMatchObject({
      format: 'JSON',
      layout: 'Keras',
      lstm: 'lstm/lstm_cell',
      head: { name: 'dense_1', outputs: 2 },
    });
  });

  it("a checkpoint's optimizer state is listed as unused, never taken for weights", () => {
    const loaded = defined(sessionWith().run('load "checkpoint.pt"').loaded);
    expect(loaded).toMatchObject({ lstm: 'model', layers: 1, input: 2, hidden: 3, head: undefined });
    expect(loaded.unused.length).toBeGreaterThan(0);
    expect(loaded.unused.every((key) => key.startsWith('optimizer.'))).toBe(true);
  });
});

describe('stacked layers', () => {
  const want = expected('lstm3-decoder-f64');
  const digits = (v: number[]) => `[${v.map((n) => n.toPrecision(12)).join(', ')}]`;

  it('expect reads any layer with `expect layer N`, the top one without; state carries across cells', () => {
    const session = sessionWith();
    session.run('load "lstm3-decoder-f64.npz"');
    session.run(runOf(want.inputs.slice(0, 2)));
    const last = want.steps[4];
    const result = session.run(
      [
        runOf(want.inputs.slice(2)),
        `expect layer 0 h = ${digits(last.h[0])} within 1e-11`,
        `expect layer 1 c = ${digits(last.c[1])} within 1e-11`,
        `expect layer 2 h = ${digits(last.h[2])} within 1e-11`,
        `expect h = ${digits(last.h[2])} within 1e-11`,
        `expect layer 1 x = ${digits(last.h[0])} within 1e-11`,
        `expect y = ${digits(defined(last.y))} within 1e-11`,
      ].join('\n'),
    );
    expect(errorsOf(result)).toEqual([]);
    expect(result.expects.map((e) => [e.text.slice(0, 16), e.pass])).toEqual(
      result.expects.map((e) => [e.text.slice(0, 16), true]),
    );
    expect(result.steps[0].t).toBe(3);
  });

  it('a wrong layer number or y of a lower layer is an error at the layer words', () => {
    const session = sessionWith();
    session.run('load "lstm3-decoder-f64.pt"\nrun x = [[1, 2, 3]]');
    expect(session.run('expect layer 3 h = 0 within 1').errors[0]).toMatchObject({
      column: 8,
      length: 7,
      message: 'There is no layer 3: the model has 3 layers, 0 (it reads x) to 2 (the top).',
    });
    expect(errorsOf(session.run('expect layer 0 y = 0 within 1'))).toEqual([
      "y is the head's prediction, read from the top layer (layer 2).",
    ]);
  });

  it("`layer N` sets a lower layer's gates and memories", () => {
    const session = sessionWith();
    session.run('load "lstm3-decoder-f64.pt"');
    const before = defined(session.run('run x = [[1, 2, 3]]').steps[0].layers).map((l) => l.h);
    session.run(
      'reset\nload "lstm3-decoder-f64.pt"\nlayer 0 input b = [-30, -30, -30, -30, -30]\nlayer 1 h = [1, 1, 1, 1, 1]',
    );
    const after = defined(session.run('run x = [[1, 2, 3]]').steps[0].layers);
    expect(after[0].i.every((i) => i < 1e-9)).toBe(true);
    expect(after[1].h_prev).toEqual([1, 1, 1, 1, 1]);
    expect(after[0].h).not.toEqual(before[0]);
  });

  it('a single-layer model has no layers in its steps', () => {
    const session = sessionWith();
    session.run('load "lstm1-fc-f32.pt"');
    expect(session.run('run x = [[1, 2, 3]]').steps[0].layers).toBeUndefined();
  });
});

describe('errors after a load point at the statement that is wrong', () => {
  it('the run whose x has 2 numbers for a model taking 3', () => {
    const session = sessionWith();
    session.run('load "lstm3-decoder-f64.safetensors"');
    const result = session.run('x = [1, 2, 3]\nrun x = [[1, 2], [3, 4]]');
    expect(result.errors).toEqual([
      expect.objectContaining({
        line: 2,
        column: 9,
        message:
          'Each step of this run has 2 values, but the weights loaded from "lstm3-decoder-f64.safetensors" take X = 3 inputs: give each step 3 values.',
      }),
    ]);
    expect(errorsOf(session.run('run x = [1, 2, 3]'))).toEqual([
      matching(/has 1 value, .* take X = 3 inputs: give each step 3 values\. Write one row per step/),
    ]);
    expect(session.run('step x = [1, 2]').errors[0]).toMatchObject({
      column: 10,
      message: matching(/^x has 2 values, but the weights loaded/),
    });
  });
});
