// Types of web-bundle.mjs, for the unit test that builds with its guard.
import type { Plugin } from 'esbuild';

export const WEB_BUNDLE_LIMIT_BYTES: number;
export const NODE_GLOBAL_MARKERS: Record<string, string>;
export const noNodeBuiltins: Plugin;
export function webGuard(outfile: string, limitBytes?: number): Plugin;
