// @vitest-environment jsdom
// The renderer end to end in jsdom, with fakes for VS Code's RendererContext and OutputItem. Mermaid
// needs real layout, so it is replaced at its module boundary; KaTeX runs for real.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RendererApi, RendererContext } from 'vscode-notebook-renderer';
import type { RenderedMessage, StepPayload } from '../../../src/common/payload';
import { activate } from '../../../src/renderer/index';
import { outputItem, rendererContext } from '../../support/rendererFakes';
import { HOSTILE_TEXTS, expectResult, seedPayload, vectorPayload, weightsOnlyPayload } from './fixtures';

const mermaid = vi.hoisted(() => ({
  initialize: vi.fn(),
  /** Draws one <g class="node"> per node the source declares, like mermaid's flowchart does. */
  render: vi.fn((id: string, source: string) => {
    const ids = [...source.matchAll(/^ {2}(\w+)[([]/gm)].map((m) => m[1]);
    const nodes = ids.map((node, n) => `<g class="node" id="${id}-flowchart-${node}-${n}"><rect></rect></g>`).join('');
    return Promise.resolve({
      svg: `<svg id="${id}" xmlns="http://www.w3.org/2000/svg">${nodes}</svg>`,
      diagramType: 'flowchart',
    });
  }),
}));
vi.mock('mermaid', () => ({ default: mermaid }));

let messages: RenderedMessage[];
let api: RendererApi;

function context(): RendererContext<unknown> {
  return rendererContext({ isTrusted: true, postMessage: (message) => messages.push(message as RenderedMessage) });
}

async function render(payload: unknown, id = 'out-1', element = document.createElement('div')): Promise<ShadowRoot> {
  document.body.append(element);
  await api.renderOutputItem(outputItem(id, payload), element, new AbortController().signal);
  if (!element.shadowRoot) throw new Error('no shadow root');
  return element.shadowRoot;
}

/** The TeX sources KaTeX typeset (its MathML keeps them as annotations). */
function texOf(root: ShadowRoot): string {
  return [...root.querySelectorAll('annotation')].map((a) => a.textContent).join('\n');
}

beforeEach(() => {
  messages = [];
  mermaid.initialize.mockClear();
  mermaid.render.mockClear();
  document.body.className = 'vscode-light';
  api = activate(context()) as RendererApi;
});

afterEach(() => {
  api.disposeOutputItem?.();
  document.body.replaceChildren();
});

describe('the walkthrough step', () => {
  it('draws the diagram, seven equations, five curves and the badges, and reports them', async () => {
    const root = await render(seedPayload());
    expect(messages).toEqual([
      { type: 'rendered', outputId: 'out-1', diagrams: 1, formulas: 7, curves: 5, badges: 2, tables: 0, errors: [] },
    ]);
    expect(root.querySelectorAll('.diagram > svg')).toHaveLength(1);
    expect(root.querySelector('style')?.textContent).toContain('--vscode-foreground');
    expect(root.querySelector('link[rel="stylesheet"]')?.getAttribute('href')).toMatch(/katex\.min\.css$/);
    expect(document.head.querySelectorAll('link[data-lstm-notebook-katex]')).toHaveLength(1);
  });

  it('substitutes the numbers into the equations', async () => {
    const tex = texOf(await render(seedPayload()));
    expect(tex).toContain('1\\times 1.75 + 1\\times 3.25 + 1.40) = \\sigma(6.40) = 0.998');
    expect(tex).toContain('0.998\\cdot 5 + 0.99\\cdot 0.635 = 4.99 + 0.629 = 5.62');
    expect(tex).toContain('2\\cdot 0.994 + 1 = 2.99');
  });

  it('shows pass and fail badges with the expectation and the actual value', async () => {
    const root = await render(seedPayload());
    const badges = [...root.querySelectorAll('.badge')];
    expect(badges.map((b) => b.className)).toEqual(['badge pass', 'badge fail']);
    expect(badges[0].textContent).toContain('expect f = 0.998');
    expect(badges[0].textContent).toContain('actual 0.998');
    expect(badges[1].textContent).toContain('actual 5.62, expected 5.67 ± 0.01');
  });

  it('labels the activation curves with the evaluated points', async () => {
    const root = await render(seedPayload());
    const labels = [...root.querySelectorAll('svg.curve')].map((svg) => svg.getAttribute('aria-label'));
    expect(labels).toEqual([
      'σ(6.40) = 0.998',
      'σ(4.60) = 0.99',
      'tanh(0.75) = 0.635',
      'σ(5.14) = 0.994',
      'tanh(5.62) = 0.99997',
    ]);
    // 6.40 lies beyond the axis (±6): the point sits on the edge with an arrow.
    expect(root.querySelector('svg.curve .clamp-arrow')).not.toBeNull();
  });

  it('starts in the payload notation and toggles between words and symbols', async () => {
    const root = await render(seedPayload({ notation: 'symbols' }));
    expect(texOf(root)).toContain('f_t &=');
    const button = root.querySelector<HTMLButtonElement>('button.notation');
    expect(button?.textContent).toBe('Show words');
    button?.click();
    await vi.waitFor(() => expect(texOf(root)).toContain('\\text{forget gate} &='));
    expect(button?.textContent).toBe('Show symbols');
    await vi.waitFor(() => expect(mermaid.render).toHaveBeenCalledTimes(2));
    expect(mermaid.render.mock.calls[1][1]).toContain('forget gate');
  });
});

describe('tooltips', () => {
  it('puts focusable chips with an explanation and the live value next to each equation', async () => {
    const root = await render(seedPayload());
    const chips = [...root.querySelectorAll<HTMLElement>('.equation .term')];
    expect(chips.length).toBeGreaterThan(30);
    expect(chips.every((chip) => chip.tabIndex === 0 && chip.getAttribute('aria-label'))).toBe(true);
    const sigma = chips.find((chip) => chip.getAttribute('aria-label')?.startsWith('sigmoid'));
    expect(sigma?.getAttribute('aria-label')).toContain('= σ(6.40) = 0.998');
    expect(sigma?.querySelector('.tip')?.textContent).toContain('percentage');
  });

  it('makes the diagram nodes focusable and explains them on focus', async () => {
    const root = await render(seedPayload());
    const nodes = [...root.querySelectorAll<SVGGElement>('.diagram g.node')];
    expect(nodes.length).toBeGreaterThanOrEqual(15);
    expect(nodes.every((node) => node.getAttribute('tabindex') === '0' && node.getAttribute('aria-label'))).toBe(true);
    const forget = nodes.find((node) => /_f-\d+$/.test(node.id));
    forget?.dispatchEvent(new FocusEvent('focus'));
    const tip = root.querySelector('.node-tip');
    expect(tip?.hasAttribute('hidden')).toBe(false);
    expect(tip?.textContent).toContain('forget gate = 0.998');
    forget?.dispatchEvent(new FocusEvent('blur'));
    expect(tip?.hasAttribute('hidden')).toBe(true);
  });
});

describe('several steps', () => {
  it('adds a table of t, x, h, C, y (first and last steps) and a chart over time', async () => {
    const root = await render(vectorPayload(40, 8));
    const table = root.querySelector('table.steps');
    expect(table?.querySelector('caption')?.textContent).toBe('8 of 40 steps (first and last)');
    const rows = [...(table?.querySelectorAll('tbody tr') ?? [])];
    expect(rows.map((row) => row.querySelector('td')?.textContent)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '…',
      '37',
      '38',
      '39',
      '40',
    ]);
    expect(root.querySelector('svg.timeline')).not.toBeNull();
    expect(messages[0]).toMatchObject({ tables: 1, diagrams: 1, formulas: 7, curves: 5, errors: [] });
  });

  it('shows a consecutive run in full', async () => {
    const root = await render(vectorPayload(5));
    expect(root.querySelector('table.steps caption')?.textContent).toBe('5 steps');
    expect(root.querySelectorAll('table.steps tbody tr')).toHaveLength(5);
  });
});

describe('a cell that ran no step', () => {
  it('summarises the weights it set, and its expectations', async () => {
    const payload = { ...weightsOnlyPayload(), expects: [expectResult('expect W_f = 1.75', 'wx', [1.75], [1.75])] };
    const root = await render(payload);
    expect(root.textContent).toContain('Weights set: hidden size 1, input size 1, dense layer 1×1.');
    expect(root.querySelector('table.weights')?.textContent).toContain('forget gate1.753.251.40');
    expect(mermaid.render).not.toHaveBeenCalled();
    expect(messages[0]).toMatchObject({ diagrams: 0, formulas: 0, curves: 0, badges: 1, tables: 1, errors: [] });
  });
});

describe('untrusted text', () => {
  it('shows hostile expect texts as text, creating no elements and reaching neither mermaid nor KaTeX', async () => {
    const payload = seedPayload();
    payload.expects = HOSTILE_TEXTS.map((text) => expectResult(text, text, [1], null));
    const root = await render(payload);
    const texts = [...root.querySelectorAll('.expect-text')].map((e) => e.textContent);
    expect(texts).toEqual(HOSTILE_TEXTS);
    expect(root.querySelectorAll('img, a, script, iframe')).toHaveLength(0);
    expect(document.querySelectorAll('img, a, script, iframe')).toHaveLength(0);
    const source = mermaid.render.mock.calls[0][1];
    for (const text of ['onerror', 'securityLevel', 'javascript', '%%']) {
      expect(source).not.toContain(text);
      expect(texOf(root)).not.toContain(text);
    }
  });

  it('turns non-numbers in numeric fields into "?"/NaN, never into markup', async () => {
    const payload = seedPayload() as unknown as { steps: Array<Record<string, unknown>> };
    payload.steps[0].h = ['<img src=x onerror=alert(1)>'];
    payload.steps[0].t = '\\href{javascript:alert(1)}{x}';
    const root = await render(payload);
    expect(root.querySelectorAll('img, a')).toHaveLength(0);
    expect(texOf(root)).not.toContain('javascript');
    expect(mermaid.render.mock.calls[0][1]).not.toContain('onerror');
    expect(root.textContent).toContain('step t = NaN');
  });

  it('reports an output it cannot read as text inside the output', async () => {
    const root = await render({ version: 2, steps: '<b>' });
    expect(root.querySelector('.error')?.textContent).toBe('Cannot read this output: unsupported output version: 2');
    expect(root.querySelectorAll('b')).toHaveLength(0);
    expect(messages[0].errors).toEqual(['Cannot read this output: unsupported output version: 2']);
  });

  it('shows a diagram error as text and draws the rest', async () => {
    mermaid.render.mockRejectedValueOnce(new Error('<b>parse</b> error'));
    const root = await render(seedPayload());
    expect(root.querySelector('.diagram .error')?.textContent).toBe('Diagram failed: <b>parse</b> error');
    expect(root.querySelectorAll('b')).toHaveLength(0);
    expect(messages[0]).toMatchObject({ diagrams: 0, formulas: 7, errors: ['Diagram failed: <b>parse</b> error'] });
  });
});

describe('lifecycle', () => {
  it('re-renders the diagram in the dark theme when VS Code switches theme', async () => {
    await render(seedPayload());
    expect(mermaid.initialize).toHaveBeenLastCalledWith(
      expect.objectContaining({ theme: 'default', securityLevel: 'strict' }),
    );
    document.body.className = 'vscode-dark';
    await vi.waitFor(() => expect(mermaid.render).toHaveBeenCalledTimes(2));
    expect(mermaid.initialize).toHaveBeenLastCalledWith(expect.objectContaining({ theme: 'dark' }));
  });

  it('gives each render its own mermaid ids', async () => {
    await render(seedPayload(), 'a');
    await render(seedPayload(), 'b');
    const [first, second] = mermaid.render.mock.calls;
    expect(first[0]).not.toBe(second[0]);
    expect(first[1].match(/lstm\d+_/)?.[0]).not.toBe(second[1].match(/lstm\d+_/)?.[0]);
  });

  it('disposes one output: its content goes and theme changes no longer reach it', async () => {
    const rootA = await render(seedPayload(), 'a');
    const rootB = await render(seedPayload(), 'b');
    api.disposeOutputItem?.('a');
    expect(rootA.childNodes).toHaveLength(0);
    expect(rootB.childNodes.length).toBeGreaterThan(0);
    mermaid.render.mockClear();
    document.body.className = 'vscode-dark';
    await vi.waitFor(() => expect(mermaid.render).toHaveBeenCalledTimes(1));
    api.disposeOutputItem?.();
    expect(rootB.childNodes).toHaveLength(0);
    // A live output is the witness: the disposed ones observed the theme before it, so had they still
    // been listening, their redraws would come first.
    const rootC = await render(seedPayload(), 'c');
    mermaid.render.mockClear();
    document.body.className = 'vscode-light';
    await vi.waitFor(() => expect(mermaid.render).toHaveBeenCalled());
    await vi.waitFor(() => expect(rootC.querySelector('svg')).not.toBeNull());
    expect(mermaid.render).toHaveBeenCalledTimes(1);
    expect(rootB.childNodes).toHaveLength(0);
  });

  it('drops a render superseded by a newer one into the same element', async () => {
    const element = document.createElement('div');
    document.body.append(element);
    const first = api.renderOutputItem(outputItem('old', seedPayload()), element, new AbortController().signal);
    const second = api.renderOutputItem(outputItem('new', vectorPayload(3)), element, new AbortController().signal);
    await Promise.all([first, second]);
    expect(messages.map((m) => m.outputId)).toEqual(['new']);
    expect(element.shadowRoot?.querySelectorAll('.lstm')).toHaveLength(1);
    expect(element.shadowRoot?.querySelector('table.steps')).not.toBeNull();
    // Disposing the superseded output must not clear the element's new content.
    api.disposeOutputItem?.('old');
    expect(element.shadowRoot?.querySelector('table.steps')).not.toBeNull();
  });

  it('drops the report of a render VS Code cancelled', async () => {
    const element = document.createElement('div');
    const controller = new AbortController();
    const rendering = api.renderOutputItem(outputItem('x', seedPayload()), element, controller.signal);
    controller.abort();
    await rendering;
    expect(messages).toEqual([]);
  });

  it('works without messaging (postMessage absent)', async () => {
    const withoutMessaging = context();
    delete withoutMessaging.postMessage;
    api = activate(withoutMessaging) as RendererApi;
    const root = await render(seedPayload() satisfies StepPayload);
    expect(root.querySelectorAll('.katex').length).toBe(7);
  });
});
