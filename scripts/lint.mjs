// @ts-check
// `npm run lint`: ESLint (eslint.config.mjs, type-checked rules) and Prettier (.prettierrc.json) over
// every file git knows that they cover, knip (knip.json: no file or export in src/ that nothing
// imports) and the size rule (no source file in src/ over 400 lines). Any warning fails. Prints each
// problem, then one line "lint: N passed, N failed" counting files (a file fails if any check objects).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
 * Files Prettier found formatted, by a hash of what decides it (Prettier's version, the options, the
 * text): a file whose hash is listed is formatted without asking Prettier again.
 */
const PRETTIER_CACHE = join(REPO_ROOT, 'out', 'lint-prettier-cache.json');

/** @returns {Set<string>} */
function readPrettierCache() {
  try {
    const hashes = JSON.parse(readFileSync(PRETTIER_CACHE, 'utf8'));
    return new Set(Array.isArray(hashes) ? hashes.filter((h) => typeof h === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * The files Prettier would reformat, and those it checked.
 * @param {string[]} files
 */
async function unformatted(files) {
  const ignorePath = [join(REPO_ROOT, '.gitignore'), join(REPO_ROOT, '.prettierignore')];
  const known = readPrettierCache();
  /** @type {string[]} */
  const formatted = [];
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
    const text = readFileSync(path, 'utf8');
    const hash = createHash('sha256')
      .update(JSON.stringify([prettier.version, options, text]))
      .digest('hex');
    if (known.has(hash) || (await prettier.check(text, options))) formatted.push(hash);
    else bad.push(file);
  }
  mkdirSync(dirname(PRETTIER_CACHE), { recursive: true });
  writeFileSync(PRETTIER_CACHE, JSON.stringify(formatted));
  return { checked, bad };
}

/** Source files in src/ over the team's limit: split them by concept (docs/architecture.md). */
const MAX_SOURCE_LINES = 400;

/**
 * The src/ files longer than MAX_SOURCE_LINES.
 * @param {string[]} files
 */
function oversized(files) {
  return files
    .filter((file) => file.startsWith('src/') && /\.(ts|mjs|js|css)$/.test(file))
    .map((file) => ({ file, lines: readFileSync(join(REPO_ROOT, file), 'utf8').split('\n').length - 1 }))
    .filter(({ lines }) => lines > MAX_SOURCE_LINES);
}

/** Files knip reports (unused files, exports or types in src/), with its report. */
function unusedCode() {
  const bin = join(REPO_ROOT, 'node_modules', 'knip', 'bin', 'knip.js');
  if (!existsSync(bin)) throw new Error('knip is not installed here: run npm install (it is a devDependency).');
  const out = spawnSync(process.execPath, [bin, '--no-progress', '--reporter', 'json'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (out.error || !out.stdout.trim()) throw new Error(`knip did not run: ${out.stderr || out.error?.message}`);
  /** @type {{ issues: Array<Record<string, unknown> & { file: string }> }} */
  const report = JSON.parse(out.stdout);
  /** @type {string[]} */
  const lines = [];
  for (const issue of report.issues)
    for (const [kind, found] of Object.entries(issue)) {
      if (!Array.isArray(found)) continue;
      for (const item of found) {
        if (kind === 'files') lines.push(`${issue.file}: no entry point imports this file (knip)`);
        else if (Array.isArray(item))
          lines.push(`${issue.file}: ${item.map((d) => d.name).join(' and ')} export the same thing`);
        else
          lines.push(
            `${issue.file}:${item.line ?? 1}: ${item.name} is exported but nothing imports it (knip: ${kind})`,
          );
      }
    }
  return { files: new Set(report.issues.map((issue) => issue.file)), lines, status: out.status };
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
  for (const { file, lines } of oversized(files)) {
    process.stdout.write(`${file}: ${lines} lines; a source file in src/ has at most ${MAX_SOURCE_LINES}\n`);
    failed.add(file);
  }
  const unused = unusedCode();
  for (const line of unused.lines) process.stdout.write(`${line}\n`);
  for (const file of unused.files) failed.add(file);
  if (unused.status !== 0 && unused.files.size === 0) throw new Error('knip failed without naming a file');
  const all = new Set([...results.map((r) => r.filePath.slice(REPO_ROOT.length + 1)), ...prettierRun.checked]);
  process.stdout.write(
    `eslint: ${results.length} files, prettier: ${prettierRun.checked.length} files, knip and size: src/\n` +
      `lint: ${all.size - failed.size} passed, ${failed.size} failed\n`,
  );
  return failed.size === 0 ? 0 : 1;
}

process.exitCode = await main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  console.log('lint: 0 passed, 1 failed');
  return 1;
});
