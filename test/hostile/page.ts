// The Chromium hostile test's page script (bundled into page.js): renders every payload of
// window.__HOSTILE with the built renderer (./renderer/renderer.js, copied from dist/renderer), one
// output per payload, as VS Code would; then window.__inspect() reports what each output holds and
// window.__poke() clicks, hovers and focuses every element of every output.
import type { RendererApi, RendererContext } from 'vscode-notebook-renderer';
import { outputItem, rendererContext } from '../support/rendererFakes';

interface HostilePayload {
  name: string;
  data: unknown;
  literal: string[];
  fromKernel: boolean;
}

export interface OutputReport {
  name: string;
  fromKernel: boolean;
  /** Elements or attributes that could run script or fetch something. */
  dangers: string[];
  /** Literal strings that do not show in the output's text. */
  missing: string[];
  /** "NaN", "Infinity" or "undefined" shown in text or in an attribute. */
  notANumber: string[];
  /** Hostile markers in what mermaid drew or in the TeX KaTeX typeset. */
  tainted: string[];
  diagrams: number;
  formulas: number;
  /** Drawing errors the output shows. */
  alerts: string[];
}

const TAINT = [
  'PWN',
  'pwn(',
  'javascript:',
  '%%{',
  'click ',
  '\\href',
  '\\url',
  '\\html',
  '\\def',
  '<script',
  'onerror',
  'onload',
  '127.0.0.1',
];
const FORBIDDEN =
  'script, iframe, frame, object, embed, base, meta, form, input, img, image, audio, video, source, use, portal, applet';
const URL_ATTRIBUTES = /^(href|src|xlink:href|action|formaction|data|srcset|poster|background)$/i;

declare global {
  interface Window {
    __HOSTILE: HostilePayload[];
    __inspect: () => OutputReport[];
    __poke: () => number;
    __renderErrors: string[];
  }
}

const roots: Array<{ payload: HostilePayload; element: HTMLElement }> = [];

function dangers(root: ShadowRoot): string[] {
  const found: string[] = [];
  for (const element of root.querySelectorAll(FORBIDDEN)) found.push(`<${element.localName}>`);
  for (const link of root.querySelectorAll('link')) {
    const href = link.getAttribute('href') ?? '';
    if (!href.endsWith('/renderer/katex.min.css')) found.push(`<link href="${href.slice(0, 80)}">`);
  }
  for (const element of root.querySelectorAll('*')) {
    for (const { name, value } of element.attributes) {
      if (/^on/i.test(name)) found.push(`${element.localName}[${name}]`);
      if (
        URL_ATTRIBUTES.test(name) &&
        !(element.localName === 'link' && value.endsWith('/renderer/katex.min.css')) &&
        !/^#/.test(value)
      ) {
        found.push(`${element.localName}[${name}="${value.slice(0, 80)}"]`);
      }
      if (name === 'style' && /url\s*\(|expression\s*\(|javascript:|@import/i.test(value))
        found.push(`${element.localName}[style="${value.slice(0, 80)}"]`);
    }
  }
  for (const style of root.querySelectorAll('style')) {
    const css = style.textContent ?? '';
    if (/@import|PWN|127\.0\.0\.1|javascript:/i.test(css)) found.push('<style> with @import or hostile text');
  }
  return found;
}

function notANumber(root: ShadowRoot): string[] {
  const found: string[] = [];
  const text = root.textContent ?? '';
  for (const word of ['NaN', 'Infinity', 'undefined'])
    if (text.includes(word))
      found.push(`text: …${text.slice(Math.max(0, text.indexOf(word) - 40), text.indexOf(word) + 20)}…`);
  for (const element of root.querySelectorAll('*')) {
    for (const { name, value } of element.attributes)
      if (/NaN|Infinity/.test(value)) found.push(`${element.localName}[${name}="${value.slice(0, 60)}"]`);
  }
  return found;
}

function tainted(root: ShadowRoot): string[] {
  const found: string[] = [];
  const sinks = [
    ...[...root.querySelectorAll('.diagram svg')].map((svg) => ['mermaid', svg.outerHTML] as const),
    ...[...root.querySelectorAll('annotation')].map((annotation) => ['TeX', annotation.textContent ?? ''] as const),
    ...[...root.querySelectorAll('.katex')].map((katex) => ['KaTeX', katex.textContent ?? ''] as const),
  ];
  for (const [sink, text] of sinks)
    for (const mark of TAINT) if (text.includes(mark)) found.push(`${sink} holds ${mark}`);
  return found;
}

window.__inspect = () =>
  roots.map(({ payload, element }) => {
    const root = element.shadowRoot;
    if (!root) {
      return {
        name: payload.name,
        fromKernel: payload.fromKernel,
        dangers: [],
        missing: payload.literal,
        notANumber: [],
        tainted: [],
        diagrams: 0,
        formulas: 0,
        alerts: ['no shadow root'],
      };
    }
    const text = root.textContent ?? '';
    return {
      name: payload.name,
      fromKernel: payload.fromKernel,
      dangers: dangers(root),
      missing: payload.literal.filter((literal) => !text.includes(literal)).map((literal) => literal.slice(0, 100)),
      notANumber: payload.fromKernel ? notANumber(root) : [],
      tainted: tainted(root),
      diagrams: root.querySelectorAll('.diagram > svg').length,
      formulas: root.querySelectorAll('.katex').length,
      alerts: [...root.querySelectorAll('[role="alert"]')].map((alert) => (alert.textContent ?? '').slice(0, 200)),
    };
  });

/** Every event an inline handler or a mermaid click binding could hang on, on every element of every output. */
window.__poke = () => {
  let count = 0;
  for (const { element } of roots) {
    const root = element.shadowRoot;
    if (!root) continue;
    for (const target of root.querySelectorAll('*')) {
      // A real link click would navigate the page; links are reported by __inspect instead.
      if (target.localName === 'a') continue;
      for (const type of ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'click', 'dblclick'])
        target.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
      for (const type of ['focus', 'focusin'])
        target.dispatchEvent(new FocusEvent(type, { bubbles: type === 'focusin' }));
      for (const type of ['load', 'error', 'toggle', 'animationstart', 'transitionend', 'pointerover'])
        target.dispatchEvent(new Event(type));
      count++;
    }
  }
  return count;
};

async function main(): Promise<void> {
  const status = document.getElementById('status') as HTMLElement;
  const outputs = document.getElementById('outputs') as HTMLElement;
  window.__renderErrors = [];
  const context = rendererContext({ isTrusted: false });
  const rendererUrl = new URL('./renderer/renderer.js', import.meta.url).href;
  const { activate } = (await import(rendererUrl)) as { activate: (ctx: RendererContext<unknown>) => RendererApi };
  const api = activate(context);
  let index = 0;
  for (const payload of window.__HOSTILE) {
    const section = document.createElement('section');
    section.className = 'payload';
    const title = document.createElement('h2');
    title.textContent = payload.name;
    const element = document.createElement('div');
    section.append(title, element);
    outputs.append(section);
    roots.push({ payload, element });
    const item = outputItem(`hostile-${index++}`, payload.data);
    status.textContent = `rendering ${index} of ${window.__HOSTILE.length}: ${payload.name}`;
    try {
      await api.renderOutputItem(item, element, new AbortController().signal);
    } catch (error) {
      window.__renderErrors.push(`${payload.name}: ${String(error)}`);
    }
  }
  status.textContent = `rendered ${index}`;
  document.body.dataset.done = 'true';
}

main().catch((error: unknown) => {
  window.__renderErrors?.push(`page: ${String(error)}`);
  document.body.dataset.done = 'failed';
});
