// @vitest-environment jsdom
// The time slider, linked highlighting and forged explore data, in jsdom. Mermaid is replaced by a
// stand-in that draws the nodes and edge labels with mermaid's ids; KaTeX is real.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { kernelPayload, lessonCells, mount, must } from './exploreFixtures';

vi.mock('mermaid', () => ({
  default: {
    initialize: () => undefined,
    render: (id: string, source: string) => {
      const nodes = [...source.matchAll(/^ {2}(\w+)[([]/gm)].map(
        (m, n) => `<g class="node" id="${id}-flowchart-${m[1]}-${n}"><rect></rect></g>`,
      );
      const edges = [...source.matchAll(/^ {2}(\w+) -->\|?[^ ]* ?(\w+)$/gm)].map(
        (m) => `<path data-id="L_${m[1]}_${m[2]}_0"></path>`,
      );
      return Promise.resolve({
        svg: `<svg id="${id}" xmlns="http://www.w3.org/2000/svg">${nodes.join('')}${edges.join('')}</svg>`,
      });
    },
  },
}));

afterEach(() => document.body.replaceChildren());

const press = (element: Element, key: string): void => {
  element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
};

const SEQUENCE_B = kernelPayload(lessonCells('06-sequence.lstm'), 1);

describe('the time step slider', () => {
  it('starts at the last step; arrows, Home and End choose the step the output shows in full', async () => {
    const { root } = await mount(SEQUENCE_B);
    const slider = must(
      root.querySelector('[role="slider"][aria-label="Time step"]'),
      '[role="slider"][aria-label="Time step"]',
    );
    expect(slider.getAttribute('aria-valuenow')).toBe('4');
    expect(slider.getAttribute('aria-valuemin')).toBe('1');
    expect(slider.getAttribute('aria-valuemax')).toBe('4');
    press(slider, 'Home');
    expect(slider.getAttribute('aria-valuenow')).toBe('1');
    expect(root.querySelector('.lstm > header .title')?.textContent).toBe('LSTM step t = 1 (4 steps in this cell)');
    // Day 1 of sequence B: h = 0.276, as the lesson's day-1 cell checks.
    expect(root.querySelector('.curves')?.textContent).toContain('σ(2.27) = 0.906');
    expect(root.querySelector('tr.current')?.textContent).toMatch(/^1/);
    expect(root.querySelector('svg.timeline line.now')?.getAttribute('data-t')).toBe('1');
    press(slider, 'ArrowRight');
    expect(slider.getAttribute('aria-valuenow')).toBe('2');
    expect(root.querySelector('tr.current')?.textContent).toMatch(/^2/);
    press(slider, 'End');
    expect(slider.getAttribute('aria-valuetext')).toBe('step 4 of 4');
  });

  it('keeps the chosen step while a number is dragged', async () => {
    const { view, root } = await mount(SEQUENCE_B);
    const slider = must(
      root.querySelector('[role="slider"][aria-label="Time step"]'),
      '[role="slider"][aria-label="Time step"]',
    );
    press(slider, 'Home');
    press(
      must(root.querySelector('[aria-label="input x at step 1"]'), '[aria-label="input x at step 1"]'),
      'ArrowDown',
    ); // 1 → 0: sequence A's day 1
    must(view.explorer, 'explorer').update(true);
    expect(slider.getAttribute('aria-valuenow')).toBe('1');
    expect(root.querySelector('.curves')?.textContent).toContain('tanh(-0.32) = -0.31');
  });
});

describe('linked views', () => {
  it('hovering the forget gate’s weight chip lights the edge into the forget gate and the gate', async () => {
    const { root } = await mount(SEQUENCE_B);
    const chip = must(root.querySelector('.term[data-term="W:f"]'), '.term[data-term="W:f"]');
    chip.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    const lit = [...root.querySelectorAll('.diagram .linked')].map((e) => e.getAttribute('data-link'));
    expect(lit.sort()).toEqual(['cat>f', 'f']);
    chip.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
    expect(root.querySelectorAll('.linked')).toHaveLength(0);
  });

  it('focusing a diagram node lights the chips of the terms drawn there', async () => {
    const { root } = await mount(SEQUENCE_B);
    const node = must(
      root.querySelector<SVGGElement>('.diagram g.node[data-link="cp"]'),
      '.diagram g.node[data-link="cp"]',
    );
    node.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    const chips = new Set([...root.querySelectorAll('.term.linked')].map((e) => e.getAttribute('data-term')));
    expect([...chips]).toEqual(['c_prev']);
  });
});

/** The parts of a payload the forgeries below overwrite. */
interface Forgeable {
  explore: { source: unknown; before: { time: unknown; weights: { gates: { f: { wx: unknown } } } } };
}

describe('forged explore data', () => {
  it.each([
    ['a NaN weight', (p: Forgeable) => (p.explore.before.weights.gates.f.wx = { depth: 0, data: 'NaN' })],
    ['a ragged matrix', (p: Forgeable) => (p.explore.before.weights.gates.f.wx = { depth: 2, data: [[1, 2], [3]] })],
    ['a source that is not text', (p: Forgeable) => (p.explore.source = { toString: 1 })],
    ['a negative time', (p: Forgeable) => (p.explore.before.time = -1)],
  ])('%s: the output is drawn without controls', async (_, forge) => {
    const payload = JSON.parse(JSON.stringify(kernelPayload(lessonCells('02-forget-gate.lstm'), 0))) as Forgeable;
    forge(payload);
    const { root } = await mount(payload);
    expect(root.querySelector('.inputs')).toBeNull();
    expect(root.querySelectorAll('.badge').length).toBeGreaterThan(0);
    expect(root.querySelector('.error')).toBeNull();
  });

  it('markup in the cell’s text never becomes markup in the output', async () => {
    const cells = [
      'x = 1 # <img src=x onerror=alert(1)>\nh = 0\nc = 0\nforget wx = 1 wh = 1\ninput wx = 1 wh = 1\ncandidate wx = 1 wh = 1\noutput wx = 1 wh = 1\nstep',
    ];
    const { root } = await mount(kernelPayload(cells, 0));
    expect(root.querySelectorAll('.inputs [role="slider"]').length).toBe(11);
    expect(root.querySelector('img')).toBeNull();
  });
});
