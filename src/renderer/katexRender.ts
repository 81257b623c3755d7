// Typesets TeX with KaTeX, loaded on first use (its own chunk), and wires up KaTeX's stylesheet.
import type katex from 'katex';
import { KATEX_OPTIONS } from './katexOptions';

type Katex = typeof katex;

let katexModule: Promise<Katex> | undefined;

/** The build copies katex.min.css and fonts/ next to the renderer's chunks; an exported page sets its own. */
let stylesheet: string | undefined;

export function setKatexStylesheet(href: string): void {
  stylesheet = href;
}

export function loadKatex(): Promise<Katex> {
  katexModule ??= import('katex').then((module) => module.default);
  return katexModule;
}

/** Renders one display formula into `element`; errors show as KaTeX's own red source text. */
export function typeset(katex: Katex, tex: string, element: HTMLElement): void {
  katex.render(tex, element, KATEX_OPTIONS);
}

/**
 * A <link> to KaTeX's stylesheet for one shadow root. Fonts declared inside a shadow root are not
 * loaded by browsers, so the same stylesheet also goes into the document head, once, for @font-face.
 */
export function katexStylesheet(): HTMLLinkElement {
  if (!document.head.querySelector('link[data-lstm-notebook-katex]')) {
    const global = link();
    global.dataset.lstmNotebookKatex = '';
    document.head.append(global);
  }
  return link();
}

function link(): HTMLLinkElement {
  const element = document.createElement('link');
  element.rel = 'stylesheet';
  element.href = stylesheet ??= new URL('./katex.min.css', import.meta.url).href;
  return element;
}
