// @ts-check
// `npm run lint`: ESLint (eslint.config.mjs, type-checked rules) and Prettier (.prettierrc.json) over
// every file git knows that they cover. Any warning fails. Prints each problem, then one line
// "lint: N passed, N failed" counting files (a file fails if either tool objects to it).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { REPO_ROOT } from './lib/cache.mjs';

/** Files tracked or new, without the git-ignored ones (as `prettier --check .` sees them). */
function repositoryFiles() {
  const out = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(`git ls-files failed: ${out.stderr || out.error?.message}`);
  return out.stdout.split('\0').filter(Boolean);
}

/**
 * The files Prettier would reformat, and those it checked.
 * @param {string[]} files
 */
async function unformatted(files) {
  const ignorePath = [join(REPO_ROOT, '.gitignore'), join(REPO_ROOT, '.prettierignore')];
  /** @type {string[]} */
  const bad = [];
  /** @type {string[]} */
  const checked = [];
  for (const file of files) {
    const path = join(REPO_ROOT, file);
    const info = await prettier.getFileInfo(path, { ignorePath });
    if (info.ignored || !info.inferredParser) continue;
    checked.push(file);
    const options = { ...(await prettier.resolveConfig(path)), filepath: path };
    if (!(await prettier.check(readFileSync(path, 'utf8'), options))) bad.push(file);
  }
  return { checked, bad };
}

async function main() {
  const eslint = new ESLint({ cwd: REPO_ROOT });
  const results = await eslint.lintFiles(['.']);
  const formatter = await eslint.loadFormatter('stylish');
  const report = await formatter.format(results);
  if (report) process.stdout.write(report);
  const failed = new Set(
    results.filter((r) => r.errorCount + r.warningCount > 0).map((r) => r.filePath.slice(REPO_ROOT.length + 1)),
  );

  const files = repositoryFiles();
  const prettierRun = await unformatted(files);
  for (const file of prettierRun.bad) {
    process.stdout.write(`${file}: not formatted (npx prettier --write ${file})\n`);
    failed.add(file);
  }
  const all = new Set([...results.map((r) => r.filePath.slice(REPO_ROOT.length + 1)), ...prettierRun.checked]);
  process.stdout.write(
    `eslint: ${results.length} files, prettier: ${prettierRun.checked.length} files\n` +
      `lint: ${all.size - failed.size} passed, ${failed.size} failed\n`,
  );
  return failed.size === 0 ? 0 : 1;
}

process.exitCode = await main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  console.log('lint: 0 passed, 1 failed');
  return 1;
});
