// KaTeX's options for TeX built from a notebook, shared by the renderer and the exported page's markdown.
import type { KatexOptions } from 'katex';

/** Safe options for notebook-made TeX: no \href or \html*, bounded macro expansion and sizes. */
export const KATEX_OPTIONS: KatexOptions = {
  displayMode: true,
  throwOnError: false,
  trust: false,
  strict: 'ignore',
  maxExpand: 100,
  maxSize: 20,
  output: 'htmlAndMathml',
};
