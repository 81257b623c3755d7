// @vitest-environment jsdom
// A drag repaints the output in place (KaTeX typesets an equation once per structure, then only its
// digits change; curves, badges and the table are patched). After it, the output shows exactly what a
// fresh render of the cell shows with the new numbers written into its text. Mermaid is a stand-in
// (it needs real layout; the Chromium tests check the diagram); KaTeX is real.
import { afterEach, describe, expect, it, vi } from 'vitest';
import katex from 'katex';
import type { StepPayload } from '../../../src/common/payload';
import { withValues } from '../../../src/core/literals';
import { buildEquations } from '../../../src/renderer/equations';
import { KATEX_OPTIONS } from '../../../src/renderer/katexOptions';
import type { OutputView } from '../../../src/renderer/outputView';
import { patchChildren } from '../../../src/renderer/patch';
import { kernelPayload, lessonCells, mount, must } from './exploreFixtures';

vi.mock('mermaid', () => {
  const render = (id: string) => Promise.resolve({ svg: `<svg id="${id}"></svg>` });
  return { default: { initialize: () => undefined, render } };
});

afterEach(() => document.body.replaceChildren());

function slider(root: ParentNode, label: string): HTMLElement {
  return must(root.querySelector<HTMLElement>(`.inputs [role="slider"][aria-label="${label}"]`), label);
}

const press = (element: Element, key: string, init: KeyboardEventInit = {}): void => {
  element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
};

/**
 * What the output shows: header, equations (HTML, and unless `drawn` only, MathML and the copied TeX),
 * chips, curves, badges, steps. A slider's "was …" text and its range come from the number first
 * written, so they are left out.
 */
function shown(root: ShadowRoot, drawn = false): Record<string, string> {
  const copy = must(root.querySelector('.lstm'), '.lstm').cloneNode(true) as HTMLElement;
  if (drawn) for (const mathml of copy.querySelectorAll('.katex-mathml')) mathml.remove();
  for (const element of copy.querySelectorAll('[role="slider"]')) {
    for (const name of ['aria-valuetext', 'aria-valuemin', 'aria-valuemax', 'title']) element.removeAttribute(name);
    element.classList.remove('changed');
    if (element.classList.length === 0) element.removeAttribute('class');
  }
  const part = (selector: string): string => must(copy.querySelector(selector), selector).innerHTML;
  return {
    title: part('header .title'),
    equations: part('.equations'),
    curves: part('.curves'),
    expects: copy.querySelector('.expects')?.innerHTML ?? '',
    overTime: copy.querySelector('.over-time')?.innerHTML ?? '',
  };
}

/** Each equation's drawn text, its MathML's text and its copied TeX. */
function equationTexts(root: ParentNode): string[][] {
  return [...root.querySelectorAll('.equation .math')].map((math) => [
    math.querySelector('.katex-html')?.textContent ?? '',
    math.querySelector('.katex-mathml math semantics > :first-child')?.textContent ?? '',
    math.querySelector('annotation')?.textContent ?? '',
  ]);
}

/** The same, from KaTeX typesetting the TeX that equations.ts writes for the payload's last step. */
function typesetTexts(payload: StepPayload): string[][] {
  const step = must(payload.steps.at(-1), 'a step');
  return buildEquations(step, payload.weights, payload.notation).map(({ tex }) => {
    const math = document.createElement('div');
    katex.render(tex, math, KATEX_OPTIONS);
    return equationTexts({ querySelectorAll: () => [math] } as unknown as ParentNode)[0];
  });
}

/** The cell run afresh with the explorer's current numbers written into its text, as the kernel runs it. */
function rerun(view: OutputView, cells: string[], index: number) {
  const explorer = must(view.explorer, 'explorer');
  const changes = explorer.literals.map((literal, k) => ({ literal, value: explorer.controls[k].current }));
  const edited = cells.map((cell, k) => (k === index ? withValues(cell, changes) : cell));
  return kernelPayload(edited, index);
}

/** An H-unit cell over three steps (H = 8: vectors are summarised by their first elements). */
function wideCells(H: number): string[] {
  const number = (k: number): string => ((((k * 37) % 19) - 9) / 10).toFixed(1);
  const matrix = (rows: number, cols: number, seed: number): string =>
    `[${Array.from({ length: rows }, (_, r) => `[${Array.from({ length: cols }, (_, c) => number(seed + r * cols + c)).join(', ')}]`).join(', ')}]`;
  const gates = ['forget', 'input', 'candidate', 'output'].map(
    (gate, k) => `${gate} wh = ${matrix(H, H, 100 * k)} wx = ${matrix(H, 1, 100 * k + 50)}`,
  );
  return [`reset\n${gates.join('\n')}`, `forget b = ${matrix(1, H, 7).slice(1, -1)}\nrun x = [0.5, -1, 2]`];
}

const CASES: Array<{
  name: string;
  file: string | string[];
  index?: number;
  label: string;
  keys: Array<[string, boolean?]>;
}> = [
  {
    name: 'lesson 2, try it: a weight up three steps',
    file: '02-forget-gate.lstm',
    label: 'forget gate, short-term weight wh',
    keys: [['ArrowUp'], ['ArrowUp'], ['ArrowUp']],
  },
  {
    name: 'lesson 6, sequence B: an input over four steps, to zero',
    file: '06-sequence.lstm',
    index: 1,
    label: 'input x at step 1',
    keys: [['ArrowDown']],
  },
  {
    // 0.3 → -0.3: the sign changes how the equation is written ("+ (-0.3)"), so it is typeset anew.
    name: 'lesson 5, try it: a matrix weight across zero',
    file: '05-vector-form.lstm',
    label: 'forget gate, weight W [2, 5]',
    keys: [
      ['ArrowDown', true],
      ['ArrowDown', true],
      ['ArrowDown', true],
      ['ArrowDown', true],
      ['ArrowDown', true],
      ['ArrowDown', true],
    ],
  },
  {
    name: 'H = 8 over three steps: a bias, with vectors shown by their first elements',
    file: wideCells(8),
    index: 1,
    label: 'forget gate, bias b [1]',
    keys: [
      ['ArrowUp', true],
      ['ArrowUp', true],
      ['ArrowUp', true],
    ],
  },
];

describe('a drag repaints in place', () => {
  it.each(CASES)('$name: the output equals a fresh render of the edited cell', async ({ file, index, label, keys }) => {
    const cells = typeof file === 'string' ? lessonCells(file) : file;
    const at = index ?? cells.length - 1;
    const { view, root } = await mount(kernelPayload(cells, at));
    const explorer = must(view.explorer, 'explorer');
    for (const [key, shiftKey] of keys) {
      press(slider(root, label), key, { shiftKey });
      explorer.update(false); // a frame of the drag, not the end of it
    }
    // Mid-drag, what is drawn; the MathML copy (hidden from screen readers: the numbers are sliders) waits.
    const dragged = shown(root, true);
    const payload = rerun(view, cells, at);
    const fresh = await mount(payload);
    expect(dragged).toEqual(shown(fresh.root, true));
    const drawnText = (texts: string[][]): string[] => texts.map(([html]) => html);
    expect(drawnText(equationTexts(root))).toEqual(drawnText(typesetTexts(payload)));
    // The numbers did change (so the comparison says something).
    expect(dragged.equations).not.toEqual(shown((await mount(kernelPayload(cells, at))).root, true).equations);
    // Once the drag ends, all of it, MathML and copied TeX included; and what KaTeX draws for that TeX.
    explorer.update(true);
    expect(shown(root)).toEqual(shown(fresh.root));
    expect(shown(root, true)).toEqual(dragged);
    expect(equationTexts(root)).toEqual(typesetTexts(payload));
  });

  it('keeps the typeset equations while only digits change: a focused number in an equation stays focused', async () => {
    const cells = lessonCells('02-forget-gate.lstm');
    const { view, root } = await mount(kernelPayload(cells, cells.length - 1));
    const explorer = must(view.explorer, 'explorer');
    const handle = must(root.querySelector<HTMLElement>('.equations [role="slider"][aria-label="input x"]'), 'handle');
    const block = must(handle.closest('.equation'), '.equation');
    handle.focus();
    press(handle, 'ArrowUp');
    explorer.update(false);
    expect(root.activeElement).toBe(handle);
    expect(handle.isConnected && block.isConnected).toBe(true);
    expect(handle.textContent).toBe('2');
    // The drag's end typesets anew: focus moves to the same number, the copied TeX has the new digits.
    explorer.update(true);
    expect(root.activeElement?.closest('.equations')).not.toBeNull();
    expect(root.activeElement?.getAttribute('aria-label')).toBe('input x');
    const annotation = root.querySelector('.equation annotation')?.textContent;
    expect(annotation).toContain('2\\times 1.75 + 1\\times 3.25 + 1.40');
  });
});

/** An IntersectionObserver the test tells what is in view (jsdom has none). */
class FakeObserver {
  static last: FakeObserver | undefined;
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.last = this;
  }
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
  /** Reports `target` as come into view or gone out of it. */
  show(target: Element, inView: boolean): void {
    const entry = { target, isIntersecting: inView } as IntersectionObserverEntry;
    this.callback([entry], this as unknown as IntersectionObserver);
  }
}

describe('a drag repaints what is in view', () => {
  afterEach(() => vi.unstubAllGlobals());
  const cells = lessonCells('06-sequence.lstm');
  const OUT_OF_SIGHT = ['.equations', '.curves', '.over-time'];

  /** Lesson 6's sequence B with its equations, curves and steps out of sight, after a frame of a drag. */
  async function dragged() {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const { view, root } = await mount(kernelPayload(cells, 1));
    const observer = must(FakeObserver.last, 'the output’s observer');
    const before = shown(root, true);
    for (const selector of OUT_OF_SIGHT) observer.show(must(root.querySelector(selector), selector), false);
    press(slider(root, 'input x at step 1'), 'ArrowDown');
    const explorer = must(view.explorer, 'explorer');
    explorer.update(false);
    return { root, observer, explorer, before, fresh: (await mount(rerun(view, cells, 1))).root };
  }

  it('lesson 6: the views out of sight wait until they come into view, then show the drag’s numbers', async () => {
    const { root, observer, before, fresh } = await dragged();
    const expected = shown(fresh, true);
    // The title, in view, shows the drag at once; the equations, curves and steps out of sight do not yet.
    const now = shown(root, true);
    expect(now.title).toBe(expected.title);
    for (const key of ['equations', 'curves', 'overTime']) expect(now[key]).toBe(before[key]);
    expect(expected.equations).not.toBe(before.equations);
    // Each one as it comes into view: then it equals a fresh render of the edited cell.
    const part = (selector: string): Element => must(root.querySelector(selector), selector);
    observer.show(part('.equations'), true);
    expect(shown(root, true).equations).toBe(expected.equations);
    expect(shown(root, true).curves).toBe(before.curves);
    observer.show(part('.curves'), true);
    observer.show(part('.over-time'), true);
    expect(shown(root, true)).toEqual(expected);
  });

  it('lesson 6: the drag’s end repaints every view, in view or not', async () => {
    const { root, explorer, fresh } = await dragged();
    explorer.update(true);
    expect(shown(root)).toEqual(shown(fresh));
  });
});

describe('patchChildren', () => {
  const build = (markup: string): Node[] => {
    const template = document.createElement('template');
    template.innerHTML = markup;
    return [...template.content.childNodes];
  };

  it('leaves the old nodes equal to the fresh ones, keeping the elements of the same kind', () => {
    const parent = document.createElement('div');
    parent.append(...build('<p class="a" title="x">one<b>two</b></p><svg><circle r="1"></circle></svg><i>gone</i>'));
    const [p, svgElement] = [parent.children[0], parent.children[1]];
    const fresh = '<p class="b">one!<i>two</i></p><svg><circle r="2" cx="3"></circle><text>t</text></svg>';
    patchChildren(parent, build(fresh));
    expect(parent.innerHTML).toBe(fresh);
    expect(parent.children[0]).toBe(p);
    expect(parent.children[1]).toBe(svgElement);
  });

  it('skips a data-static subtree whose key is unchanged, and patches it when the key changes', () => {
    const parent = document.createElement('div');
    parent.append(...build('<svg><g data-static="a"><line x1="1"></line></g><circle r="1"></circle></svg>'));
    // The same key promises the same content: what the fresh copy holds under it is not even read.
    patchChildren(parent, build('<svg><g data-static="a"><line x1="9"></line></g><circle r="2"></circle></svg>'));
    expect(parent.querySelector('circle')?.getAttribute('r')).toBe('2');
    expect(parent.querySelector('line')?.getAttribute('x1')).toBe('1');
    const changed = '<svg><g data-static="b"><line x1="5"></line></g><circle r="2"></circle></svg>';
    patchChildren(parent, build(changed));
    expect(parent.innerHTML).toBe(changed);
  });
});
