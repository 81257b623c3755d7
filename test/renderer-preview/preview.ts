// Renders the sample payloads with the built renderer, as VS Code would, and lists what each drew.
import type { RendererApi, RendererContext } from 'vscode-notebook-renderer';
import type { RenderedMessage, StepPayload } from '../../src/common/payload';
import { outputItem, rendererContext } from '../support/rendererFakes';
import {
  HOSTILE_TEXTS,
  expectResult,
  lstmStep,
  seedPayload,
  vectorPayload,
  weightsOnlyPayload,
} from '../unit/renderer/fixtures';
import type { ModelWeights } from '../../src/core/types';
import { installFrameTimer, scrubTimes } from './benchPage';
import { codeCells, kernelPayload } from '../support/kernelPayload';
import { LESSONS, wideCells } from './exploreSamples';

const SATURATED: ModelWeights = {
  hidden: 1,
  input: 1,
  gates: {
    f: { wx: [[4]], wh: [[5]], b: [0.5] },
    i: { wx: [[-4]], wh: [[-5]], b: [-0.5] },
    g: { wx: [[1.2]], wh: [[0.8]], b: [0.03] },
    o: { wx: [[0.4]], wh: [[0.3]], b: [-0.2] },
  },
};

/** `?only=explore` keeps the explorable samples; `?only=wide` the H = 64, T = 100 one (bench:ui). */
function explorable(): Array<[string, StepPayload]> {
  const lesson2 = codeCells(LESSONS.lesson2);
  const lesson5 = codeCells(LESSONS.lesson5);
  const lesson6 = codeCells(LESSONS.lesson6);
  return [
    ['Lesson 2, try it: drag the numbers', kernelPayload(lesson2, lesson2.length - 1)],
    ['Lesson 6, sequence B over four days: the time slider', kernelPayload(lesson6, 1)],
    ['Lesson 5, try it: the vector form', kernelPayload(lesson5, lesson5.length - 1)],
  ];
}

function samples(): Array<[string, StepPayload]> {
  const only = new URLSearchParams(location.search).get('only');
  if (only === 'explore') return explorable();
  if (only === 'wide')
    return [['H = 64, T = 100: a bias per unit and every input', kernelPayload(wideCells(64, 100), 1)]];
  const seed = seedPayload();
  seed.expects.push(...HOSTILE_TEXTS.map((text) => expectResult(text, 'h', [1], null)));
  const saturated = lstmStep(SATURATED, 3, [1], [1], [-7.5]);
  return [
    ['The walkthrough step (words), with hostile expect texts', seed],
    ['A 2-unit LSTM over 40 steps, thinned to 8 (symbols)', vectorPayload(40, 8)],
    [
      'Saturated gates: points beyond ±6 clamp to the edge',
      { ...seedPayload({ weights: SATURATED }), steps: [saturated], expects: [] },
    ],
    ['A cell that only set weights', weightsOnlyPayload()],
    ...explorable(),
  ];
}

if (new URLSearchParams(location.search).has('bench')) installFrameTimer();

async function main(): Promise<void> {
  const dark = new URLSearchParams(location.search).get('theme') === 'dark';
  document.body.className = dark ? 'vscode-dark' : 'vscode-light';
  const messages: RenderedMessage[] = [];
  const context = rendererContext({
    isTrusted: true,
    postMessage: (message) => messages.push(message as RenderedMessage),
  });
  const rendererUrl = new URL('../renderer/renderer.js', import.meta.url).href;
  const { activate } = (await import(rendererUrl)) as { activate: (ctx: RendererContext<unknown>) => RendererApi };
  const api = activate(context);
  const outputs = document.getElementById('outputs');
  const renders = samples().map(([title, payload], index) => {
    const element = document.createElement('div');
    outputs?.append(Object.assign(document.createElement('div'), { className: 'sample' }));
    outputs?.lastElementChild?.append(Object.assign(document.createElement('h2'), { textContent: title }), element);
    return api.renderOutputItem(outputItem(`sample-${index}`, payload), element, new AbortController().signal);
  });
  await Promise.all(renders.map((rendering) => Promise.resolve(rendering)));
  // For bench:ui's peer figure: the same output drawn again from scratch, as a re-run would.
  const all = samples();
  Object.assign(window, {
    scrubTimes,
    rerender: async (index: number) => {
      const element = document.createElement('div');
      outputs?.append(element);
      await api.renderOutputItem(outputItem(`again-${index}`, all[index][1]), element, new AbortController().signal);
      element.remove();
    },
  });
  const report = document.getElementById('report');
  if (report) report.textContent = messages.map((m) => JSON.stringify(m)).join('\n');
  document.body.dataset.done = 'true';
}

main().catch((error: unknown) => {
  const report = document.getElementById('report');
  if (report) report.textContent = `preview failed: ${String(error)}`;
});
