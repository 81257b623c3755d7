// @vitest-environment jsdom
// The renderer against every hostile payload (test/hostile/payloads.ts) in jsdom: KaTeX runs for real;
// mermaid, which needs a real layout, is replaced at its module boundary by a fake that records the
// source it is given (the Chromium test, test/e2e/hostile-renderer.e2e.mjs, runs the real one).
// Checked: nothing executable or fetching is created in the output, hostile text shows literally
// where it shows at all, mermaid gets only sources of the diagram's own grammar, and payloads made by
// the kernel never show "NaN".
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RendererApi } from 'vscode-notebook-renderer';
import { activate } from '../../../src/renderer/index';
import { committedCorpus, TAINT } from '../../hostile/corpus';
import { corpusPayloads, forgedPayloads, HOSTILE_STRINGS } from '../../hostile/payloads';
import { outputItem, rendererContext } from '../../support/rendererFakes';

export const FUZZ_RUNS = { payloads: 100 };

const mermaid = vi.hoisted(() => ({
  sources: [] as string[],
  initialize: vi.fn(),
  render: vi.fn((id: string, source: string) => {
    mermaid.sources.push(source);
    const ids = [...source.matchAll(/^ {2}(\w+)[([]/gm)].map((m) => m[1]);
    const nodes = ids.map((node, n) => `<g class="node" id="${id}-flowchart-${node}-${n}"><rect></rect></g>`).join('');
    return Promise.resolve({
      svg: `<svg id="${id}" xmlns="http://www.w3.org/2000/svg">${nodes}</svg>`,
      diagramType: 'flowchart',
    });
  }),
}));
vi.mock('mermaid', () => ({ default: mermaid }));

let api: RendererApi;
let count = 0;

beforeEach(() => {
  mermaid.sources.length = 0;
  api = activate(rendererContext({ isTrusted: true })) as RendererApi;
});

afterEach(() => {
  api.disposeOutputItem?.();
  document.body.replaceChildren();
});

async function render(data: unknown): Promise<ShadowRoot> {
  const element = document.createElement('div');
  document.body.append(element);
  await api.renderOutputItem(outputItem(`out-${++count}`, data), element, new AbortController().signal);
  if (!element.shadowRoot) throw new Error('no shadow root');
  return element.shadowRoot;
}

const FORBIDDEN = new Set(
  'script iframe frame object embed base meta form input img image foreignobject audio video source use'.split(' '),
);

/** What in an output could run or fetch something (one pass over its elements: jsdom's selectors are slow). */
function dangers(root: ShadowRoot): string[] {
  const found: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    const tag = element.localName;
    if (FORBIDDEN.has(tag.toLowerCase())) found.push(`<${tag}>`);
    if (tag === 'link' && !/katex\.min\.css$/.test(element.getAttribute('href') ?? ''))
      found.push(`<link href=${element.getAttribute('href')}>`);
    if (tag === 'style' && /@import|url\s*\(|PWN/i.test(element.textContent ?? ''))
      found.push('<style> with @import/url()');
    for (const { name, value } of element.attributes) {
      if (/^on/i.test(name)) found.push(`${tag}[${name}]`);
      if (/^(href|src|xlink:href|action|formaction|data)$/i.test(name) && !/katex\.min\.css$/.test(value))
        found.push(`${tag}[${name}=${value.slice(0, 80)}]`);
      if (name === 'style' && /url\s*\(|expression\s*\(|javascript:|@import/i.test(value))
        found.push(`${tag}[style=${value.slice(0, 80)}]`);
    }
  }
  return found;
}

/** Text and attribute values that show a number that is not one. */
function notANumber(root: ShadowRoot): string[] {
  const found: string[] = [];
  const text = root.textContent ?? '';
  for (const word of ['NaN', 'Infinity', 'undefined']) if (text.includes(word)) found.push(`text holds ${word}`);
  for (const element of root.querySelectorAll('*')) {
    for (const { name, value } of element.attributes)
      if (/NaN|Infinity/.test(value)) found.push(`${element.localName}[${name}=${value.slice(0, 60)}]`);
  }
  return found;
}

const corpus = corpusPayloads(committedCorpus());
const forged = forgedPayloads();

describe('the renderer with the hostile corpus and forged payloads (jsdom)', () => {
  it('has payloads from most corpus files and from forgeries', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30); // the kernel's payloads of 44 files (some only error)
    expect(forged.length).toBeGreaterThanOrEqual(15);
  });

  it('the danger check finds each kind of executable or fetching markup', () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML =
      '<p onclick="pwn()">a</p><img src="x"><a href="javascript:pwn()">b</a><span style="background:url(x)"></span>' +
      '<link href="evil.css"><style>@import "x";</style><svg><foreignObject></foreignObject><use href="#x"></use></svg>';
    expect(dangers(root)).toEqual([
      'p[onclick]',
      '<img>',
      'img[src=x]',
      'a[href=javascript:pwn()]',
      'span[style=background:url(x)]',
      '<link href=evil.css>',
      'link[href=evil.css]',
      '<style> with @import/url()',
      '<foreignObject>',
      '<use>',
      'use[href=#x]',
    ]);
  });

  it.each([...corpus, ...forged].map((payload) => [payload.name, payload] as const))('%s', async (_, payload) => {
    const root = await render(payload.data);
    expect(dangers(root)).toEqual([]);
    const text = root.textContent ?? '';
    for (const literal of payload.literal)
      expect(text.includes(literal), `shows ${JSON.stringify(literal.slice(0, 80))} literally`).toBe(true);
    if (payload.fromKernel) expect(notANumber(root)).toEqual([]);
    for (const source of mermaid.sources)
      for (const mark of TAINT) expect(source.includes(mark), `mermaid source holds ${mark}`).toBe(false);
    for (const annotation of root.querySelectorAll('annotation')) {
      for (const mark of TAINT) expect(annotation.textContent?.includes(mark), `TeX holds ${mark}`).toBe(false);
    }
  });

  it(`random payloads built from hostile strings and numbers never create anything executable (${FUZZ_RUNS.payloads} payloads)`, async () => {
    const hostile = fc.constantFrom(...HOSTILE_STRINGS.map((s) => s.slice(0, 300)));
    const anything = fc.oneof(
      hostile,
      fc.double(),
      fc.constantFrom(null, true, [], {}),
      fc.array(fc.double(), { maxLength: 4 }),
    );
    const vector = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.array(fc.oneof({ weight: 5, arbitrary: fc.double() }, anything), { minLength: 1, maxLength: 4 }),
      },
      anything,
    );
    const stepArb = fc.record({
      t: fc.oneof(fc.nat(), anything),
      x: vector,
      h_prev: vector,
      c_prev: vector,
      z: fc.record({ f: vector, i: vector, g: vector, o: vector }),
      f: vector,
      i: vector,
      g: vector,
      o: vector,
      fc: vector,
      ig: vector,
      c: vector,
      tanh_c: vector,
      h: vector,
      y: fc.option(vector, { nil: undefined }),
    });
    const payload = fc.record({
      version: fc.oneof({ weight: 9, arbitrary: fc.constant(1) }, anything),
      steps: fc.array(stepArb, { maxLength: 3 }),
      totalSteps: fc.oneof(fc.nat(), anything),
      expects: fc.array(
        fc.record({
          line: anything,
          text: hostile,
          name: anything,
          pass: fc.boolean(),
          expected: vector,
          actual: fc.option(vector),
          tolerance: anything,
        }),
        { maxLength: 3 },
      ),
      shows: fc.array(fc.record({ line: anything, what: hostile }), { maxLength: 2 }),
      notation: fc.oneof(fc.constantFrom('words', 'symbols'), hostile),
    });
    await fc.assert(
      fc.asyncProperty(payload, async (data) => {
        mermaid.sources.length = 0;
        const root = await render(data);
        expect(dangers(root)).toEqual([]);
        if (data.version === 1) {
          const text = root.textContent ?? '';
          for (const e of data.expects) expect(text.includes(e.text)).toBe(true);
        }
        for (const source of mermaid.sources) for (const mark of TAINT) expect(source.includes(mark)).toBe(false);
        api.disposeOutputItem?.();
        document.body.replaceChildren();
        // A macrotask between payloads lets the worker answer vitest's calls (else a slow machine times them out).
        await new Promise((resolve) => setTimeout(resolve, 0));
      }),
      { numRuns: FUZZ_RUNS.payloads, seed: 5150 },
    );
  }, 300_000);
});
