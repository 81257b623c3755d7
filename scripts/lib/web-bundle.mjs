// The guard on the `browser` entry's bundle (dist/web/extension.js), which runs in VS Code for the
// web's web worker extension host: no Node built-in module, no Node global, and small. esbuild gives
// no polyfill for either, so a Node API that sneaks in fails the build here, not on a student's
// Chromebook.
// @ts-check
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

/** The limit issue #14 sets for the extension host side of the web build (mermaid and KaTeX are in the renderer). */
export const WEB_BUNDLE_LIMIT_BYTES = 400 * 1024;

/** Node's globals; each is replaced by a marker name so a use anywhere in the bundle can be found after the build. */
const NODE_GLOBALS = ['process', 'Buffer', 'global', '__dirname', '__filename', 'setImmediate', 'clearImmediate'];
/** @param {string} name */
const marker = (name) => `__node_global_${name}__`;
/** @type {Record<string, string>} */
export const NODE_GLOBAL_MARKERS = Object.fromEntries(NODE_GLOBALS.map((name) => [name, marker(name)]));

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
/** @param {string} path */
const isBuiltin = (path) => path.startsWith('node:') || builtins.has(path) || builtins.has(path.split('/')[0]);

/**
 * An esbuild plugin that errors on every import of a Node built-in, naming it (esbuild adds where).
 * @type {import('esbuild').Plugin}
 */
export const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point' || !isBuiltin(args.path)) return null;
      const text = `"${args.path}" is a Node built-in module; the web worker extension host has none (no polyfills).`;
      return { errors: [{ text }] };
    });
  },
};

/**
 * An esbuild plugin: no Node built-in (as above), then checks the written bundle for Node's globals and its size.
 * @param {string} outfile
 * @param {number} [limitBytes] Infinity: any size, and none printed
 * @returns {import('esbuild').Plugin}
 */
export function webGuard(outfile, limitBytes = WEB_BUNDLE_LIMIT_BYTES) {
  return {
    name: 'web-guard',
    async setup(build) {
      await noNodeBuiltins.setup(build);
      build.onEnd((result) => {
        if (result.errors.length > 0) return null;
        const code = readFileSync(outfile, 'utf8');
        const errors = NODE_GLOBALS.filter((name) => code.includes(marker(name))).map((name) => ({
          text: `the web bundle uses Node's global "${name}", which the web worker extension host does not have.`,
        }));
        const bytes = Buffer.byteLength(code);
        /** @param {number} n */
        const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
        if (bytes > limitBytes)
          errors.push({ text: `${outfile} is ${kb(bytes)} minified, over the ${kb(limitBytes)} limit.` });
        else if (errors.length === 0 && limitBytes !== Infinity)
          console.log(`${outfile}: ${kb(bytes)} minified (limit ${kb(limitBytes)})`);
        return { errors };
      });
    },
  };
}
