// Builds the renderer preview page (test/renderer-preview) into dist/renderer-preview, over the
// renderer as dist/ holds it: used by the screenshots, the Chromium tests and bench:ui.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { REPO_ROOT } from './cache.mjs';

export const PREVIEW_DIR = join(REPO_ROOT, 'dist', 'renderer-preview');

/** Builds (with `build`, the whole extension first) and returns the page's file:// URL. */
export async function buildPreview({ build = true } = {}) {
  if (build) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  mkdirSync(PREVIEW_DIR, { recursive: true });
  const entry = join(REPO_ROOT, 'test', 'renderer-preview', 'preview.ts');
  /** @type {import('esbuild').BuildOptions} */
  const browser = { bundle: true, format: 'esm', platform: 'browser', target: 'es2022', logLevel: 'warning' };
  // The lessons are bundled as text (the explorable samples run their cells).
  await esbuild.build({
    ...browser,
    entryPoints: [entry],
    outfile: join(PREVIEW_DIR, 'preview.js'),
    loader: { '.lstm': 'text' },
  });
  copyFileSync(join(REPO_ROOT, 'test', 'renderer-preview', 'preview.html'), join(PREVIEW_DIR, 'preview.html'));
  return pathToFileURL(join(PREVIEW_DIR, 'preview.html')).href;
}

/** Chromium flags the file:// page needs (ES modules over file://). */
export const PREVIEW_ARGS = ['--allow-file-access-from-files'];
