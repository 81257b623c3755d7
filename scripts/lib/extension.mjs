// Building and packaging the extension, as `npm run build` and `npm run package` do.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT, rel } from './cache.mjs';
import { step } from './log.mjs';

/** `node esbuild.mjs [flags]`: dist/extension.js and dist/renderer/. */
export function buildExtension(flags = []) {
  const done = step(`Building the extension (node esbuild.mjs${flags.length ? ' ' + flags.join(' ') : ''})`);
  const result = spawnSync(process.execPath, ['esbuild.mjs', ...flags], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`node esbuild.mjs failed (code ${result.status})`);
  done();
}

/** `vsce package --no-dependencies -o output`: what ships is chosen by .vscodeignore. */
export function packageVsix(output) {
  const done = step(`Packaging the extension (vsce package) into ${rel(output)}`);
  mkdirSync(dirname(output), { recursive: true });
  rmSync(output, { force: true });
  const vsce = join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', output],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  if (result.status !== 0)
    throw new Error(`vsce package failed (code ${result.status}):\n${result.stdout}${result.stderr}`);
  done();
  return output;
}
