// @vitest-environment jsdom
// Explorable outputs in jsdom: the numbers a cell set are sliders; changing one re-runs the cell
// through the core, and what the output then shows equals the CLI's --json run of the cell with that
// number written in. Mermaid is replaced at its module boundary (it needs real layout); KaTeX is real.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WriteBackMessage } from '../../../src/common/payload';
import { textHash, withoutComments } from '../../../src/core/literals';
import type { StepTrace } from '../../../src/core/types';
import type { OutputView } from '../../../src/renderer/outputView';
import { buildCli, cliRun, kernelPayload, lessonCells, mount, must } from './exploreFixtures';

vi.mock('mermaid', () => ({
  default: {
    initialize: () => undefined,
    render: (id: string) => Promise.resolve({ svg: `<svg id="${id}" xmlns="http://www.w3.org/2000/svg"></svg>` }),
  },
}));

beforeAll(buildCli, 60_000);
afterEach(() => document.body.replaceChildren());

function slider(root: ShadowRoot, label: string): HTMLElement {
  const found = [...root.querySelectorAll<HTMLElement>('.inputs [role="slider"]')].filter(
    (element) => element.getAttribute('aria-label') === label,
  );
  if (found.length !== 1) throw new Error(`${found.length} sliders named "${label}"`);
  return found[0];
}

function press(element: HTMLElement, key: string, init: KeyboardEventInit = {}): void {
  element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
}

/** Runs the frame the explorer scheduled. */
function frame(view: OutputView): void {
  must(view.explorer, 'explorer').update(true);
}

const TRY_IT_2 = must(lessonCells('02-forget-gate.lstm').at(-1), 'try-it cell');

describe('the inputs panel of lesson 2’s try-it cell', () => {
  it('has one slider per number the cell set, named in words, with its value', async () => {
    const { root } = await mount(kernelPayload([TRY_IT_2], 0));
    const labels = [...root.querySelectorAll('.inputs [role="slider"]')].map((s) => s.getAttribute('aria-label'));
    expect(labels).toEqual([
      'input x',
      'short-term memory h',
      'long-term memory c',
      'forget gate, input weight wx',
      'forget gate, short-term weight wh',
      'forget gate, bias b',
      'input gate, input weight wx',
      'input gate, short-term weight wh',
      'input gate, bias b',
      'potential memory, input weight wx',
      'potential memory, short-term weight wh',
      'potential memory, bias b',
      'output gate, input weight wx',
      'output gate, short-term weight wh',
      'output gate, bias b',
    ]);
    const wh = slider(root, 'forget gate, short-term weight wh');
    expect(wh.textContent).toBe('3.25');
    expect(wh.getAttribute('aria-valuenow')).toBe('3.25');
    expect(wh.getAttribute('aria-valuetext')).toBe('3.25');
    expect(wh.tabIndex).toBe(0);
  });

  it('long = 10 by keyboard: the numbers shown equal the CLI’s run of the cell with long = 10', async () => {
    const { view, root } = await mount(kernelPayload([TRY_IT_2], 0));
    const long = slider(root, 'long-term memory c');
    for (let k = 0; k < 5; k++) press(long, 'ArrowUp'); // "5" moves by 1
    frame(view);
    expect(long.getAttribute('aria-valuetext')).toBe('10, was 5');
    const cli = cliRun([TRY_IT_2.replace(/^long = 5/m, 'long = 10')]);
    const shown = must(view.explorer?.latest, 'recomputed payload');
    // Every field the CLI prints for a step (t, x, h_prev, c_prev, z, the gates, c, h, …), exactly.
    const keys = Object.keys(cli.steps[0]) as Array<keyof StepTrace>;
    expect(keys.length).toBeGreaterThanOrEqual(11);
    expect(shown.steps.map((step) => Object.fromEntries(keys.map((key) => [key, step[key]])))).toEqual(cli.steps);
    // The badges: f still passes, fc now fails, as the lesson's answer says.
    const badges = [...root.querySelectorAll('.badge')].map((b) => [
      b.classList.contains('pass'),
      b.querySelector('code')?.textContent,
    ]);
    expect(badges).toEqual(cli.expects.map((e) => [e.pass, e.text]));
    expect(badges).toEqual([
      [true, 'expect f = 0.998'],
      [false, 'expect fc = 4.99'],
    ]);
    // The table of the summary, the curves and the equations show the new values.
    expect(root.querySelector('.equations')?.textContent).toContain('10');
    expect(root.querySelector('.inputs .was:not([hidden])')?.textContent).toBe('was 5');
  });

  it('steps follow the last digit written; Shift ×10, Alt ÷10, Home/End, typing, Escape', async () => {
    const { root } = await mount(kernelPayload([TRY_IT_2], 0));
    const wh = slider(root, 'forget gate, short-term weight wh');
    press(wh, 'ArrowUp');
    expect(wh.textContent).toBe('3.26');
    press(wh, 'ArrowDown', { shiftKey: true });
    expect(wh.textContent).toBe('3.16');
    press(wh, 'ArrowUp', { altKey: true });
    expect(wh.textContent).toBe('3.161');
    press(wh, 'End');
    expect(Number(wh.getAttribute('aria-valuenow'))).toBe(Number(wh.getAttribute('aria-valuemax')));
    press(wh, 'Home');
    expect(Number(wh.getAttribute('aria-valuenow'))).toBe(Number(wh.getAttribute('aria-valuemin')));
    press(wh, 'Escape');
    expect(wh.textContent).toBe('3.25');
    press(wh, '7');
    const input = must(root.querySelector<HTMLInputElement>('input.scrub-input'), 'text field');
    expect(input.value).toBe('7');
    input.value = '-2.5';
    press(input, 'Enter');
    expect(slider(root, 'forget gate, short-term weight wh').textContent).toBe('-2.5');
  });

  it('names the elements of a run by step and of a matrix by [row, column]', async () => {
    const cells = lessonCells('06-sequence.lstm');
    const { root } = await mount(kernelPayload(cells, 0));
    const labels = [...root.querySelectorAll('.inputs [role="slider"]')].map((s) => s.getAttribute('aria-label'));
    expect(labels.slice(-4)).toEqual([
      'input x at step 1',
      'input x at step 2',
      'input x at step 3',
      'input x at step 4',
    ]);
    const vector = lessonCells('05-vector-form.lstm').findIndex((cell) => /wh = \[\[/.test(cell));
    const { root: vectorRoot } = await mount(kernelPayload(lessonCells('05-vector-form.lstm'), vector));
    const names = [...vectorRoot.querySelectorAll('.inputs [role="slider"]')].map((s) => s.getAttribute('aria-label'));
    expect(names.some((name) => /, short-term weight wh \[1, 2\]$/.test(name ?? ''))).toBe(true);
  });
});

describe('write-back', () => {
  it('sends exactly the changed numbers, where they are in the cell, and the text they came from', async () => {
    const sent: WriteBackMessage[] = [];
    const { root } = await mount(kernelPayload([TRY_IT_2], 0), { writeBack: (message) => sent.push(message) });
    const button = must(root.querySelector<HTMLButtonElement>('button.write-back'), 'write-back button');
    expect(button.disabled).toBe(true);
    press(slider(root, 'forget gate, short-term weight wh'), 'ArrowUp');
    press(slider(root, 'long-term memory c'), 'ArrowDown');
    (root.querySelector('button.reset-all') as HTMLButtonElement).click();
    press(slider(root, 'forget gate, short-term weight wh'), 'ArrowUp');
    expect(button.disabled).toBe(false);
    button.click();
    const line = TRY_IT_2.split('\n').findIndex((text) => text.startsWith('forget')) + 1;
    const column = TRY_IT_2.split('\n')[line - 1].indexOf('3.25') + 1;
    expect(sent).toEqual([
      {
        type: 'writeBack',
        outputId: sent[0]?.outputId,
        runId: 'run-0',
        source: withoutComments(TRY_IT_2),
        sourceHash: textHash(TRY_IT_2),
        changes: [{ line, column, length: 4, value: 3.26 }],
      },
    ]);
  });

  it('has no write-back button outside VS Code', async () => {
    const { root } = await mount(kernelPayload([TRY_IT_2], 0));
    expect(root.querySelector('button.write-back')).toBeNull();
    expect(root.querySelector('button.reset-all')).not.toBeNull();
  });
});
