// @vitest-environment jsdom
// An output whose numbers cannot be dragged says why, in place of the controls: the cell ran too many
// steps or is too large. What it says is the
// renderer's own text for a known reason, never text from the payload.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildPayload, EXPLORE_OFF_TEXT, MAX_EXPLORE_CHARS } from '../../../src/common/output';
import type { StepPayload } from '../../../src/common/payload';
import { Session } from '../../../src/core/session';
import { readPayload } from '../../../src/renderer/readPayload';
import { SEED_SETUP } from '../../support/seedCell';
import { sessionWith } from '../models/support';
import { mount } from './exploreFixtures';

vi.mock('mermaid', () => ({
  default: {
    initialize: () => undefined,
    render: (id: string) => Promise.resolve({ svg: `<svg id="${id}" xmlns="http://www.w3.org/2000/svg"></svg>` }),
  },
}));

afterEach(() => document.body.replaceChildren());

/** The payload of `source` run after `before`, as the kernel builds it for an output that may be explored. */
function payloadOf(source: string, before: string[] = [], session: Session = sessionWith()): StepPayload {
  for (const cell of before) session.run(cell);
  const snapshot = session.snapshot();
  const result = session.run(source);
  expect(result.errors).toEqual([]);
  return JSON.parse(JSON.stringify(buildPayload(result, { runId: 'run-1', source, before: snapshot }))) as StepPayload;
}

const steps = (count: number) => `run x = [${Array.from({ length: count }, (_, k) => (k % 5) / 10).join(', ')}]`;

describe('an output whose numbers cannot be dragged', () => {
  it.each([
    ['steps', 'a cell of 2,001 steps', `${SEED_SETUP}\n${steps(2001)}`, []],
    [
      'size',
      `a cell over ${MAX_EXPLORE_CHARS} characters`,
      `${SEED_SETUP}\n# ${'x'.repeat(MAX_EXPLORE_CHARS)}\nstep`,
      [],
    ],
  ] as const)('%s: %s says why, in place of the controls', async (reason, _what, source, before) => {
    const payload = payloadOf(source, [...before]);
    expect(payload.explore).toBeUndefined();
    expect(payload.exploreOff).toBe(reason);
    const { root } = await mount(payload);
    const note = root.querySelector('.explore-off');
    expect(note?.textContent).toBe(EXPLORE_OFF_TEXT[reason]);
    expect(root.querySelectorAll('[role="slider"][aria-label]:not([aria-label="Time step"])')).toHaveLength(0);
  });

  it('size: a cell that loads a model of over 50,000 weights says why; one just under the limit explores', () => {
    // An LSTM of H units and one input: its four gates hold 4·H·(H + 2) weights (wx, wh and the summed b).
    const model = (H: number) => {
      const rows = (columns: number) =>
        Array.from({ length: 4 * H }, (_, r) => Array.from({ length: columns }, (_, k) => ((r + k) % 7) / 70));
      const bias = Array.from({ length: 4 * H }, () => 0);
      const json = { weight_ih_l0: rows(1), weight_hh_l0: rows(H), bias_ih_l0: bias, bias_hh_l0: bias };
      return new Session({ readFile: () => ({ text: JSON.stringify(json) }) });
    };
    const fits = payloadOf('load "big.json"\nstep x = 1', [], model(110)); // 4·110·112 = 49,280
    expect(fits.exploreOff).toBeUndefined();
    expect(fits.explore?.models).toHaveLength(1);
    const tooLarge = payloadOf('load "big.json"\nstep x = 1', [], model(111)); // 4·111·113 = 50,172
    expect(tooLarge.explore).toBeUndefined();
    expect(tooLarge.exploreOff).toBe('size');
  });

  it('names the limit it hit', () => {
    expect(EXPLORE_OFF_TEXT.steps).toMatch(/more than 2000 steps \(MAX_EXPLORE_STEPS\)/);
    expect(EXPLORE_OFF_TEXT.size).toMatch(/MAX_EXPLORE_CHARS/);
  });

  it('a cell that can be explored has controls and no such note', async () => {
    const payload = payloadOf(`${SEED_SETUP}\nstep`);
    expect(payload.exploreOff).toBeUndefined();
    const { root } = await mount(payload);
    expect(root.querySelector('.explore-off')).toBeNull();
    expect(root.querySelectorAll('.inputs [role="slider"]').length).toBeGreaterThan(0);
  });

  it('a reason the renderer does not know is dropped, and its text is never shown', async () => {
    const forged = { ...payloadOf(`${SEED_SETUP}\n${steps(2001)}`), exploreOff: '<img src=x onerror=pwn()>' };
    expect(readPayload(forged).exploreOff).toBeUndefined();
    const { root } = await mount(forged);
    expect(root.querySelector('.explore-off')).toBeNull();
    expect(root.querySelector('img')).toBeNull();
  });
});
