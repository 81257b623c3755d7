// Entry of the lazily loaded KaTeX bundle (see esbuild.mjs).
export { default } from 'katex';
