// The web build's guard (scripts/lib/web-bundle.mjs): a Node built-in or Node global in code bound for
// the web worker extension host fails the build, by name; clean code builds and its size is printed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { NODE_GLOBAL_MARKERS, webGuard } from '../../../scripts/lib/web-bundle.mjs';

const dir = mkdtempSync(join(tmpdir(), 'lstm-web-guard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Builds `source` as esbuild.mjs builds the web entry; returns the error texts (none when it built). */
async function buildWeb(source: string, limitBytes?: number): Promise<string[]> {
  const entry = join(dir, `entry-${Math.random().toString(36).slice(2)}.ts`);
  const outfile = entry.replace(/\.ts$/, '.js');
  writeFileSync(entry, source);
  try {
    await esbuild.build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'browser',
      format: 'cjs',
      minify: true,
      external: ['vscode'],
      define: NODE_GLOBAL_MARKERS,
      plugins: [webGuard(outfile, limitBytes)],
      logLevel: 'silent',
    });
    return [];
  } catch (error) {
    return (error as esbuild.BuildFailure).errors.map((message) => message.text);
  }
}

describe('the web bundle guard', () => {
  it.each([
    ["import { join } from 'node:path'; export const p = join('a', 'b');", '"node:path" is a Node built-in'],
    ["import * as fs from 'fs'; export const f = fs.readFileSync;", '"fs" is a Node built-in'],
    ["export const f = require('fs/promises');", '"fs/promises" is a Node built-in'],
  ])('refuses the import in %s', async (source, message) => {
    const errors = await buildWeb(source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });

  it.each([
    ['export const home = process.env.HOME;', 'process'],
    ["export const bytes = Buffer.from('x');", 'Buffer'],
    ['export const later = (f: () => void) => setImmediate(f);', 'setImmediate'],
    ['export const here = __dirname;', '__dirname'],
  ])('refuses the Node global in %s', async (source, name) => {
    expect(await buildWeb(source)).toEqual([
      `the web bundle uses Node's global "${name}", which the web worker extension host does not have.`,
    ]);
  });

  it('lets a local variable of the same name through, and prints the minified size', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const source =
      "import * as vscode from 'vscode';\nexport function f(process: number) { return [process, vscode.Uri]; }";
    expect(await buildWeb(source)).toEqual([]);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/entry-\w+\.js: \d+\.\d KB minified \(limit 400\.0 KB\)$/));
    log.mockRestore();
  });

  it('refuses a bundle over the size limit', async () => {
    const errors = await buildWeb(`export const text = '${'x'.repeat(2048)}';`, 1024);
    expect(errors).toEqual([expect.stringMatching(/\.js is 2\.\d KB minified, over the 1\.0 KB limit\.$/)]);
  });
});
