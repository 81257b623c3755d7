// @vitest-environment jsdom
// Explorable outputs of trained models: a cell that loads a file, and a stacked model loaded in an
// earlier cell. The output re-runs the cell with the models its load read (no file is read again) and
// with every layer's state, so dragging the inputs to the ones torch ran gives torch's own numbers.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildPayload } from '../../../src/common/output';
import type { StepPayload, WriteBackMessage } from '../../../src/common/payload';
import type { LoadedModel } from '../../../src/core/model/stateDict';
import type { StepTrace } from '../../../src/core/types';
import { MAX_MODEL_SLIDERS } from '../../../src/renderer/explorer';
import type { OutputView } from '../../../src/renderer/outputView';
import { readExplore } from '../../../src/renderer/readExplore';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelNumbersOf, modelWeightCount } from '../../../src/core/modelNumbers';
import { replayCell } from '../../../src/core/replay';
import { Session, type SessionOptions, type SessionState } from '../../../src/core/session';
import { forgedPayloads } from '../../hostile/payloads';
import { expected, maxDifference, sessionWith } from '../models/support';
import { kernelPayload, lessonCells, mount, must, ROOT } from './exploreFixtures';

vi.mock('mermaid', () => ({
  default: {
    initialize: () => undefined,
    render: (id: string) => Promise.resolve({ svg: `<svg id="${id}" xmlns="http://www.w3.org/2000/svg"></svg>` }),
  },
}));

// jsdom draws no canvas (the heatmaps'); without this it prints a warning for each.
vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
afterEach(() => document.body.replaceChildren());

const STACKED = expected('lstm3-decoder-f64');
const runOf = (xs: number[][]) => `run x = [${xs.map((x) => `[${x.join(', ')}]`).join(', ')}]`;
const zeros = (xs: number[][]) => xs.map((x) => x.map(() => 0));

/** The payload of `source` run after the cells `before`, JSON-copied as VS Code hands it to the renderer. */
function payloadOf(source: string, before: string[] = []): StepPayload {
  const session = sessionWith();
  for (const cell of before) expect(session.run(cell).errors).toEqual([]);
  const snapshot = session.snapshot();
  const result = session.run(source);
  expect(result.errors).toEqual([]);
  return JSON.parse(JSON.stringify(buildPayload(result, { runId: 'run-1', source, before: snapshot }))) as StepPayload;
}

/** Sets the output's x sliders to `xs` (one row per step), then runs the frame the explorer scheduled. */
async function dragInputsTo(payload: StepPayload, xs: number[][]): Promise<{ view: OutputView; steps: StepTrace[] }> {
  const { view, root } = await mount(payload);
  const explorer = must(view.explorer, 'explorer');
  const inputs = explorer.literals.flatMap((literal, k) => (literal.owner === 'x' ? [explorer.controls[k]] : []));
  expect(inputs).toHaveLength(xs.flat().length);
  expect(root.querySelectorAll('.inputs [role="slider"]').length).toBe(explorer.controls.length);
  xs.flat().forEach((value, k) => inputs[k].set(value));
  explorer.update(true);
  return { view, steps: must(explorer.latest, 'recomputed payload').steps };
}

/** The largest difference between every layer's h and c (and the head's y) and torch's, over the steps. */
function worstAgainstTorch(steps: StepTrace[], from: number): number {
  expect(steps).toHaveLength(STACKED.steps.length - from);
  let worst = 0;
  steps.forEach((step, k) => {
    const torch = STACKED.steps[from + k];
    const layers = must(step.layers, 'layers');
    expect(layers).toHaveLength(STACKED.layers);
    layers.forEach((layer, l) => {
      worst = Math.max(worst, maxDifference(layer.h, torch.h[l]), maxDifference(layer.c, torch.c[l]));
    });
    worst = Math.max(worst, maxDifference(must(step.y, 'y'), must(torch.y, 'torch y')));
  });
  return worst;
}

describe('dragging the inputs of a trained model', () => {
  it('a cell that loads a 3-layer model: every layer’s h and c and the head’s y equal torch’s', async () => {
    const payload = payloadOf(`load "lstm3-decoder-f64.pt"\n${runOf(zeros(STACKED.inputs))}`);
    expect(payload.exploreOff).toBeUndefined();
    expect(must(payload.explore, 'explore data').models?.map((load) => load.path)).toEqual(['lstm3-decoder-f64.pt']);
    const { steps } = await dragInputsTo(payload, STACKED.inputs);
    expect(worstAgainstTorch(steps, 0)).toBeLessThanOrEqual(1e-12);
  });

  it('a stacked model loaded and run two steps before: the cell carries on from every layer’s memories', async () => {
    const before = ['load "lstm3-decoder-f64.npz"', runOf(STACKED.inputs.slice(0, 2))];
    const payload = payloadOf(runOf(zeros(STACKED.inputs.slice(2))), before);
    expect(payload.explore?.models).toBeUndefined(); // nothing loaded in this cell
    expect(payload.explore?.before.below).toHaveLength(STACKED.layers - 1);
    const { steps } = await dragInputsTo(payload, STACKED.inputs.slice(2));
    expect(steps[0].t).toBe(3);
    expect(worstAgainstTorch(steps, 2)).toBeLessThanOrEqual(1e-12);
  });

  it('a re-run names the loaded file in its errors as the kernel does (the snapshot keeps which file was loaded)', () => {
    const session = sessionWith();
    session.run('load "lstm3-decoder-f64.pt"');
    const before = JSON.parse(JSON.stringify(session.snapshot())) as SessionState;
    const kernel = session.run('step x = [1, 2]').errors.map((e) => e.message);
    expect(kernel[0]).toMatch(/loaded from "lstm3-decoder-f64\.pt" take X = 3/);
    expect(replayCell('step x = [1, 2]', before, []).errors.map((e) => e.message)).toEqual(kernel);
  });

  it('names a lower layer’s number by its layer', async () => {
    const payload = payloadOf('layer 0 forget b = [0, 0, 0, 0, 0]\nrun x = [[1, 2, 3]]', [
      'load "lstm3-decoder-f64.pt"',
    ]);
    const { root } = await mount(payload);
    const labels = [...root.querySelectorAll('.inputs [role="slider"]')].map((s) => s.getAttribute('aria-label'));
    expect(labels).toContain('layer 0, forget gate, bias b [1]');
    expect(labels).toContain('input x [3] at step 1');
  });
});

describe('the models an output carries are checked before the core runs them', () => {
  const good = () => must(payloadOf(`load "lstm2-f16.npz"\nrun x = [[1, 2]]`).explore, 'explore data');

  it('a well-formed one is kept whole', () => {
    expect(readExplore(good())).toEqual(good());
  });

  it.each([
    ['a weight that is not a number', (m: LoadedModel) => (m.layers[0].gates.f.wx[0][0] = Number.NaN)],
    ['a row too short', (m: LoadedModel) => m.layers[0].gates.i.wh[1].pop()],
    ['a bias too long', (m: LoadedModel) => m.layers[0].gates.o.b.push(1)],
    ['an H of a billion', (m: LoadedModel) => (m.hidden = 1e9)],
    ['no layers', (m: LoadedModel) => (m.layers = [])],
  ])('%s drops the whole explore part', (_what, forge) => {
    const data = good();
    forge(must(data.models, 'models')[0].model);
    expect(readExplore(data)).toBeUndefined();
  });

  it('a lower layer of a billion units drops it too', () => {
    const data = must(payloadOf('step x = [1, 2, 3]', ['load "lstm3-decoder-f64.pt"']).explore, 'explore data');
    expect(readExplore(data)).toEqual(data);
    must(data.before.below, 'lower layers')[0].hidden = 1e9;
    expect(readExplore(data)).toBeUndefined();
  });
});

describe('lesson 7’s try-it cell, which loads the trained network', () => {
  const cells = lessonCells('07-real-weights.lstm');
  const options: SessionOptions = {
    readFile: (path) => ({ bytes: new Uint8Array(readFileSync(join(ROOT, 'lessons', path))) }),
  };
  const tryIt = cells.length - 1;
  const slider = (root: ShadowRoot, label: string) =>
    must(
      [...root.querySelectorAll<HTMLElement>('.inputs [role="slider"]')].find(
        (s) => s.getAttribute('aria-label') === label,
      ),
      label,
    );
  const type = (root: ShadowRoot, label: string, value: string) => {
    slider(root, label).dispatchEvent(new KeyboardEvent('keydown', { key: '-', bubbles: true, cancelable: true }));
    const input = must(root.querySelector<HTMLInputElement>('input.scrub-input'), 'text field');
    input.value = value;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  };
  const lastStep = (payload: StepPayload | undefined) => must(must(payload, 'payload').steps.at(-1), 'last step');

  it('unit 1’s input-gate bias typed as -3: the numbers of the cell run with -3, and the first bit is lost', async () => {
    const { view, root } = await mount(kernelPayload(cells, tryIt, options));
    type(root, 'input gate, bias b [1]', '-3');
    must(view.explorer, 'explorer').update(true);
    const edited = cells[tryIt].replace('b = [0.941881,', 'b = [-3,');
    expect(edited).not.toBe(cells[tryIt]);
    const session = new Session(options);
    const want = session.run(edited);
    expect(view.explorer?.latest?.steps).toEqual(JSON.parse(JSON.stringify(want.steps)));
    const y = must(lastStep(view.explorer?.latest).y, 'y')[0];
    expect(y).toBeLessThan(0.5); // nearer 0 than the first bit, 1
  });

  it('the first bit dragged from 1 to 0: the answer of the all-zeros cell, 0.008', async () => {
    const { view, root } = await mount(kernelPayload(cells, tryIt, options));
    type(root, 'input x at step 1', '0');
    must(view.explorer, 'explorer').update(true);
    const zeros = cells.findIndex((cell) => cell.includes('run x = [0, 0, 0, 0, 0, 0]'));
    const want = lastStep(kernelPayload(cells, zeros, options));
    const shown = lastStep(view.explorer?.latest);
    // Within 1e-6, not exactly: the try-it cell writes the bias as the file's float32 rounded to 6 decimals.
    expect(maxDifference([...shown.h, ...shown.c], [...want.h, ...want.c])).toBeLessThan(1e-6);
    expect(must(shown.y, 'y')[0]).toBeCloseTo(0.008, 3);
  });
});

describe('a forged model with hostile names', () => {
  it('re-runs with it, and what it says it loaded shows as text only', async () => {
    const forged = must(
      forgedPayloads().find((payload) => payload.name.includes('loaded model of hostile names')),
      'forged payload',
    );
    const { view, root } = await mount(forged.data);
    const explorer = must(view.explorer, 'explorer: the forged model is well-formed, so the output explores');
    explorer.controls[0].set(0.25);
    explorer.update(true);
    expect(explorer.latest?.steps.map((step) => step.x)).toEqual([[0.25], [0.5]]);
    const line = must(root.querySelector('.loaded'), 'load line').textContent ?? '';
    for (const text of forged.literal) expect(line).toContain(text);
    expect(root.querySelectorAll('img, script, iframe, [onerror], [onload]')).toHaveLength(0);
    expect([...root.querySelectorAll('style')].filter((style) => style.textContent?.includes('PWN'))).toEqual([]);
  });
});

describe('the weights read from the file are sliders too', () => {
  const cells = lessonCells('07-real-weights.lstm');
  const options: SessionOptions = {
    readFile: (path) => ({ bytes: new Uint8Array(readFileSync(join(ROOT, 'lessons', path))) }),
  };
  const remember = cells.findIndex((cell) => cell.includes('run x = [1, 0, 0, 0, 0, 0]\nexpect y = 0.997'));
  const fileSlider = (root: ShadowRoot, label: string) =>
    must(
      [...root.querySelectorAll<HTMLElement>('.inputs [role="slider"]')].find(
        (s) => s.getAttribute('aria-label') === label,
      ),
      label,
    );

  it('unit 1’s input-gate bias from the file dragged to -3: what torch computes with that bias', async () => {
    const sent: unknown[] = [];
    const { view, root } = await mount(kernelPayload(cells, remember, options), {
      writeBack: (message) => sent.push(message),
    });
    const bias = fileSlider(root, 'input gate, bias b [1] (from the file)');
    expect(bias.textContent).toBe('0.9419');
    expect(Number(bias.getAttribute('aria-valuenow'))).toBe(Math.fround(0.941881)); // the file's float32, exactly
    const explorer = must(view.explorer, 'explorer');
    const k = explorer.modelControls.findIndex((c) => c.element === bias);
    explorer.modelControls[k].set(-3, false);
    explorer.update(true);
    const last = must(explorer.latest?.steps.at(-1), 'last step');
    // torch (float64, this file's weights, bias_ih_l0[0] = -3): y, c and h after the six steps.
    expect(maxDifference(must(last.y, 'y'), [0.17164708091977818])).toBeLessThan(1e-6);
    expect(maxDifference(last.c, [-0.016868347037607655, 4.127252487038141])).toBeLessThan(1e-6);
    expect(maxDifference(last.h, [-0.014633384089868483, 0.9724214485673596])).toBeLessThan(1e-6);
    // A file's weight is never written back: the button stays off and there is no message to send.
    expect(must(root.querySelector<HTMLButtonElement>('button.write-back'), 'write-back button').disabled).toBe(true);
    expect(explorer.writeBack('output-1')).toBeUndefined();
    expect(sent).toEqual([]);
    explorer.resetAll();
    explorer.update(true);
    expect(bias.textContent).toBe('0.9419');
    expect(must(explorer.latest?.steps.at(-1), 'last step').y?.[0]).toBeCloseTo(0.997, 3);
    await new Promise((resolve) => setTimeout(resolve, 500)); // the reset's settle timer, inside the test
  });

  it('a weight the cell’s text sets has no slider from the file (lesson 7’s try-it cell sets the input gate’s b)', async () => {
    const { root } = await mount(kernelPayload(cells, cells.length - 1, options));
    const labels = [...root.querySelectorAll('.inputs [role="slider"]')].map((s) => s.getAttribute('aria-label'));
    expect(labels).toContain('input gate, bias b [1]');
    expect(labels).not.toContain('input gate, bias b [1] (from the file)');
    expect(labels).toContain('input gate, short-term weight wh [1, 2] (from the file)');
    expect(labels).toContain('dense layer, weight w [1, 1] (from the file)');
  });

  it('writing back a text number beside a changed file weight writes only the text’s, and says the file’s goes back', async () => {
    const sent: WriteBackMessage[] = [];
    const { view, root } = await mount(kernelPayload(cells, cells.length - 1, options), {
      writeBack: (message) => sent.push(message),
    });
    const explorer = must(view.explorer, 'explorer');
    const fromFile = fileSlider(root, 'forget gate, bias b [1] (from the file)');
    explorer.modelControls[explorer.modelControls.findIndex((c) => c.element === fromFile)].set(0, false);
    explorer.controls[explorer.literals.findIndex((l) => l.label === 'input gate, bias b [1]')].set(-3, false);
    must(root.querySelector<HTMLButtonElement>('button.write-back'), 'write-back button').click();
    expect(sent.map((m) => m.changes.map((c) => c.value))).toEqual([[-3]]);
    expect(root.querySelector('.inputs-status')?.textContent).toMatch(/weights from the file are not written/);
  });

  it('a network of over MAX_MODEL_SLIDERS weights says so instead', async () => {
    const { view, root } = await mount(payloadOf(`load "lstm3-decoder-f64.pt"\n${runOf(STACKED.inputs)}`));
    expect(view.explorer?.modelSize).toBeGreaterThan(MAX_MODEL_SLIDERS);
    // The count the payload's size limit uses and the list the sliders come from agree.
    const models = must(payloadOf(`load "lstm3-decoder-f64.pt"\nstep x = [1, 2, 3]`).explore?.models, 'models');
    expect(modelWeightCount(models[0].model)).toBe(modelNumbersOf(models).length);
    expect(view.explorer?.modelControls).toHaveLength(0);
    expect(root.querySelector('.inputs')?.textContent).toContain('are not sliders: over 400 (MAX_MODEL_SLIDERS)');
  });
});
