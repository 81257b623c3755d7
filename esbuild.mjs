// @ts-check
// Builds the extension host bundles (Node and web worker), the notebook renderer bundle, the CLI and the benchmark.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mermaidFlowchartOnly } from './scripts/lib/mermaid-flowchart-only.mjs';
import { NODE_GLOBAL_MARKERS, webGuard } from './scripts/lib/web-bundle.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
};

/** Extension host: Node, CommonJS, `vscode` provided by the host. */
/** @type {esbuild.BuildOptions} */
const extension = {
  ...common,
  entryPoints: { extension: 'src/extension/node.ts' },
  outdir: 'dist',
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode'],
};

/**
 * Extension host in a web worker (VS Code for the web): CommonJS as VS Code loads it, no Node built-in
 * and no Node global (the guard fails the build on either), always minified so its size is the shipped one.
 */
/** @type {esbuild.BuildOptions} */
const web = {
  ...common,
  entryPoints: { extension: 'src/extension/web.ts' },
  outdir: 'dist/web',
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  minify: true,
  external: ['vscode'],
  define: NODE_GLOBAL_MARKERS,
  plugins: [webGuard('dist/web/extension.js')],
};

/**
 * Notebook renderer: an ES module in the webview. mermaid and KaTeX are imported lazily, each from a
 * single bundle of its own beside renderer.js (mermaid's own dynamic imports are inlined into it), so
 * the package holds three scripts rather than a hundred chunks.
 */
const LAZY_LIBRARIES = { mermaid: './mermaid.js', katex: './katex.js' };

/** @type {esbuild.Plugin} */
const lazyLibraries = {
  name: 'lazy-libraries',
  setup(build) {
    build.onResolve({ filter: /^(mermaid|katex)$/ }, (args) => ({ path: LAZY_LIBRARIES[args.path], external: true }));
  },
};

/** @type {esbuild.BuildOptions} */
const renderer = {
  ...common,
  minify: true, // each webview parses it; the source map still points into src/
  entryPoints: { renderer: 'src/renderer/index.ts' },
  outdir: 'dist/renderer',
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  plugins: [lazyLibraries],
};

/**
 * The libraries themselves, one file each; VS Code imports renderer.js by URL, so './mermaid.js' resolves
 * beside it. Always minified (each webview parses them) and mermaid with its flowchart alone.
 * @type {esbuild.BuildOptions}
 */
const libraries = {
  ...common,
  minify: true,
  entryPoints: { mermaid: 'src/renderer/lib/mermaid.ts', katex: 'src/renderer/lib/katex.ts' },
  outdir: 'dist/renderer',
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  plugins: [mermaidFlowchartOnly],
};

/** Headless runner and benchmark: Node scripts. */
/** @type {esbuild.BuildOptions} */
const node = {
  ...common,
  entryPoints: { cli: 'src/cli/main.ts', bench: 'bench/bench.ts' },
  outdir: 'dist',
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  banner: { js: '#!/usr/bin/env node' },
  external: ['@tensorflow/tfjs'],
};

/**
 * Exported HTML pages (src/export): the renderer with mermaid and KaTeX bundled in, one classic script
 * to inline, and the exporters themselves as a module the extension loads on first export, so
 * markdown-it and KaTeX stay out of extension.js.
 */
/** @type {esbuild.BuildOptions} */
const exportPage = {
  ...common,
  sourcemap: false,
  minify: true,
  entryPoints: { page: 'src/export/page/index.ts' },
  outdir: 'dist/export',
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  // katexRender's default stylesheet URL; the page sets its own before any formula is drawn.
  define: { 'import.meta.url': '"file:///"' },
  plugins: [mermaidFlowchartOnly],
};

/**
 * Loaded by the extension on first export in both hosts (src/extension/bundledModule.ts): no Node API, guarded as the web entry.
 * @type {esbuild.BuildOptions}
 */
const exporter = {
  ...common,
  entryPoints: { exporter: 'src/export/exportNotebook.ts' },
  outdir: 'dist/export',
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  define: NODE_GLOBAL_MARKERS,
  plugins: [webGuard('dist/export/exporter.js', Infinity)],
};

/** The page script's CSP hash, and KaTeX's stylesheet with its woff2 fonts inlined (the others dropped). */
function pageAssets() {
  // `<!--` and `<script` switch the HTML parser's script states and `</script` ends the element; in
  // the bundle they only occur in strings and regular expressions, where \x3C is the same character.
  const script = readFileSync('dist/export/page.js', 'utf8').replace(/<(?=!--|\/?script)/gi, '\\x3C');
  writeFileSync('dist/export/page.js', script);
  writeFileSync('dist/export/page.js.sha256', `sha256-${createHash('sha256').update(script).digest('base64')}`);
  const fonts = 'node_modules/katex/dist/';
  const css = readFileSync(`${fonts}katex.min.css`, 'utf8').replace(/src:([^;}]*)/g, (_, sources) => {
    const woff2 = /url\((fonts\/[^)]+\.woff2)\)/.exec(sources)?.[1];
    if (!woff2) throw new Error(`no woff2 font in KaTeX's ${sources}`);
    return `src:url(data:font/woff2;base64,${readFileSync(fonts + woff2).toString('base64')}) format("woff2")`;
  });
  writeFileSync('dist/export/katex.css', css);
}

function copyAssets() {
  mkdirSync('dist/renderer', { recursive: true });
  // KaTeX's stylesheet and fonts, loaded by the renderer into each output's shadow root.
  cpSync('node_modules/katex/dist/katex.min.css', 'dist/renderer/katex.min.css');
  cpSync('node_modules/katex/dist/fonts', 'dist/renderer/fonts', { recursive: true });
  pageAssets();
}

// Chunk names carry content hashes: start clean so stale chunks never reach the package.
rmSync('dist/renderer', { recursive: true, force: true });

const builds = [extension, web, renderer, libraries, node, exportPage, exporter];
if (watch) {
  copyAssets();
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  copyAssets();
}
