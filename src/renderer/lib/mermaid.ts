// Entry of the lazily loaded mermaid bundle (see esbuild.mjs).
export { default } from 'mermaid';
