// `npm test`: every check, in order, each ending with its own "N passed, N failed" line:
//
//   typecheck     npm run typecheck (tsc)
//   lint          npm run lint: ESLint and Prettier (scripts/lint.mjs), counted in files
//   unit          npm run test:unit (vitest)
//   integration   npm run test:integration: mocha tests inside code-server (scripts/test-integration.mjs)
//   e2e           npm run test:e2e: a lesson in the notebook UI in headless Chromium (scripts/test-e2e.mjs)
//
// The extension is built once (node esbuild.mjs) before the stages that need it. All stages run
// even when one fails (--bail stops at the first failure); --only typecheck,unit runs some of them.
// The last line is the total over all stages, in the same "N passed, N failed" form. Exits 1 if
// anything failed, and leaves no process behind.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './lib/cache.mjs';
import { buildExtension } from './lib/extension.mjs';
import { log, seconds } from './lib/log.mjs';
import { delay, descendants, onShutdown } from './lib/processes.mjs';

const { values: options } = parseArgs({
  options: { bail: { type: 'boolean', default: false }, only: { type: 'string' } },
});

const SUMMARY = /^(?:\w+: )?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/;
const VITEST_JSON = join(REPO_ROOT, 'out', `vitest-results-${process.pid}.json`);
const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];

/**
 * Runs a command with its output passed through; returns its exit code and the last
 * "N passed, N failed" line it printed.
 */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let summary = null;
    let partial = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const match = SUMMARY.exec(line.trim());
        if (match) summary = { passed: +match[1], failed: +match[2], skipped: +(match[3] ?? 0) };
      }
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('error', (error) => {
      console.error(error.message);
      resolve({ code: 1, summary });
    });
    child.on('close', (code) => {
      const match = SUMMARY.exec(partial.trim());
      if (match) summary = { passed: +match[1], failed: +match[2], skipped: +(match[3] ?? 0) };
      resolve({ code: code ?? 1, summary });
    });
  });
}

const npmRun = (script, ...args) =>
  run(npm[0], [...npm[1], 'run', '--silent', script, ...(args.length ? ['--', ...args] : [])]);

/** Each stage returns { passed, failed, skipped }; a stage prints its closing line itself. */
const stages = {
  async typecheck() {
    const { code } = await npmRun('typecheck');
    return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 };
  },

  async lint() {
    return fromRun(await npmRun('lint'));
  },

  async unit() {
    rmSync(VITEST_JSON, { force: true });
    const { code } = await npmRun(
      'test:unit',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${VITEST_JSON}`,
    );
    let counts = { passed: 0, failed: 0, skipped: 0 };
    if (existsSync(VITEST_JSON)) {
      const report = JSON.parse(readFileSync(VITEST_JSON, 'utf8'));
      rmSync(VITEST_JSON, { force: true });
      counts = {
        passed: report.numPassedTests,
        // A test file that fails to load has no failed test in it, but is a failure.
        failed: report.numFailedTests + (report.numFailedTests === 0 ? report.numFailedTestSuites : 0),
        skipped: report.numPendingTests + report.numTodoTests,
      };
    }
    if (code !== 0 && counts.failed === 0) counts.failed = 1; // an error outside any test
    return counts;
  },

  async integration(built) {
    if (!built) return { passed: 0, failed: 1, skipped: 0 };
    return fromRun(await run(process.execPath, [join(REPO_ROOT, 'scripts', 'test-integration.mjs'), '--no-build']));
  },

  async e2e(built) {
    if (!built) return { passed: 0, failed: 1, skipped: 0 };
    return fromRun(await run(process.execPath, [join(REPO_ROOT, 'scripts', 'test-e2e.mjs'), '--no-build']));
  },
};

/** The counts a runner printed; a non-zero exit without a failure counted is one failure. */
function fromRun({ code, summary }) {
  const counts = { ...(summary ?? { passed: 0, failed: 0, skipped: 0 }), printed: summary !== null };
  if (code !== 0 && counts.failed === 0) {
    counts.failed = 1;
    counts.printed = false;
  }
  return counts;
}

const line = ({ passed, failed, skipped }) =>
  `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;

async function main() {
  const started = Date.now();
  const selected = options.only ? options.only.split(',').map((s) => s.trim()) : Object.keys(stages);
  for (const name of selected)
    if (!(name in stages)) throw new Error(`unknown stage "${name}" (stages: ${Object.keys(stages).join(', ')})`);

  let built = null;
  const results = [];
  for (const name of Object.keys(stages).filter((s) => selected.includes(s))) {
    process.stdout.write(`\n[harness] ━━ ${name} ━━\n`);
    const stageStarted = Date.now();
    if ((name === 'integration' || name === 'e2e') && built === null) {
      try {
        buildExtension();
        built = true;
      } catch (error) {
        console.error(error instanceof Error ? error.message : error);
        built = false;
      }
    }
    const counts = await stages[name](built);
    const ok = counts.failed === 0 && counts.passed > 0;
    // The stage's closing line, unless its runner printed it (lint, integration and e2e do; tsc
    // and vitest print other forms).
    if (!counts.printed) process.stdout.write(line(counts) + '\n');
    results.push({ name, counts, ok, time: seconds(stageStarted) });
    if (!ok && options.bail) break;
  }

  const total = results.reduce(
    (sum, { counts }) => ({
      passed: sum.passed + counts.passed,
      failed: sum.failed + counts.failed,
      skipped: sum.skipped + counts.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  process.stdout.write(`\n[harness] ━━ summary (${seconds(started)}) ━━\n`);
  for (const { name, counts, ok, time } of results) {
    process.stdout.write(`  ${ok ? 'ok  ' : 'FAIL'}  ${name.padEnd(12)} ${line(counts).padEnd(32)} ${time}\n`);
  }
  process.stdout.write(line(total) + '\n');
  return results.every((r) => r.ok) && results.length === selected.length ? 0 : 1;
}

// On Ctrl+C the stages get the signal too: give them time to stop their servers and browsers.
onShutdown(async () => {
  for (let i = 0; i < 150 && descendants().length > 0; i++) await delay(100);
  log('stopped');
});
process.exitCode = await main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  console.log('0 passed, 1 failed');
  return 1;
});
