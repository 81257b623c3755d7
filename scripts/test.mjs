// `npm test`: every check, each ending with its own "N passed, N failed" line:
//
//   typecheck     npm run typecheck (tsc)
//   lint          npm run lint: ESLint and Prettier (scripts/lint.mjs), counted in files
//   unit          npm run test:unit (vitest)
//   integration   mocha tests inside code-server (scripts/test-integration.mjs), one job per
//                 extension host (Node, web worker)
//   e2e           the notebook UI in headless Chromium (scripts/test-e2e.mjs), one job per file
//
// The extension is built and packaged once, then the jobs run side by side, LSTM_TEST_JOBS at a
// time (2 by default; the unit job counts as 2, since vitest keeps both cores busy, so it runs
// first, alone): most of the others wait on a browser or a VS Code, not on the CPU. Each job's
// output is printed whole when it ends (scripts/lib/jobs.mjs). All jobs run even when one fails
// (--bail starts no new job after a failure); --only typecheck,unit runs some stages. The summary
// gives each stage's counts and the wall time; the last line is the total, in the same form.
// Exits 1 if anything failed, and leaves no process behind.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, ensureChromium, ensureCodeServer } from './lib/cache.mjs';
import { buildExtension, packageVsix } from './lib/extension.mjs';
import { runJobs } from './lib/jobs.mjs';
import { log, seconds } from './lib/log.mjs';
import { delay, descendants, onShutdown } from './lib/processes.mjs';

const { values: options } = parseArgs({
  options: { bail: { type: 'boolean', default: false }, only: { type: 'string' } },
});

const STAGES = ['typecheck', 'lint', 'unit', 'integration', 'e2e'];
/** Jobs at a time: LSTM_TEST_JOBS when it is a whole number from 1 up, else 2. */
function concurrency() {
  const given = Number(process.env.LSTM_TEST_JOBS ?? 2);
  if (Number.isInteger(given) && given >= 1) return given;
  console.error(
    `LSTM_TEST_JOBS is "${process.env.LSTM_TEST_JOBS}", not a whole number from 1 up: running 2 jobs at a time.`,
  );
  return 2;
}
const CONCURRENCY = concurrency();
const VITEST_JSON = join(REPO_ROOT, 'out', `vitest-results-${process.pid}.json`);
const VSIX = join(REPO_ROOT, 'out', 'e2e', `lstm-notebooks-${process.pid}.vsix`);
const npm = process.env.npm_execpath
  ? { command: process.execPath, args: [process.env.npm_execpath] }
  : { command: 'npm', args: [] };
const npmRun = (script, ...args) => ({
  command: npm.command,
  args: [...npm.args, 'run', '--silent', script, ...(args.length ? ['--', ...args] : [])],
});
const script = (name, ...args) => ({ command: process.execPath, args: [join(REPO_ROOT, 'scripts', name), ...args] });

/** tsc prints no count: one check, passed or failed. */
const exitOnly = (_output, code) => ({ passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 });

/** vitest's counts, from its JSON report. */
function vitestCounts(_output, code) {
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
}

/**
 * The e2e files whose suites use sharedWorkbench() on the Node host (scripts/lib/workbench.mjs): one job
 * runs them in one VS Code window, which costs about 15 CPU-seconds to load and to open a first notebook.
 */
const SHARED_WINDOW = ['explore.e2e.mjs', 'hostile-vscode.e2e.mjs', 'lesson-node.e2e.mjs'];

/**
 * The jobs of each stage.
 * @returns {import('./lib/jobs.mjs').Job[]}
 */
function jobsOf(stage) {
  switch (stage) {
    case 'typecheck':
      return [{ name: 'typecheck', ...npmRun('typecheck'), counts: exitOnly }];
    case 'lint':
      return [{ name: 'lint', ...npmRun('lint') }];
    case 'unit':
      rmSync(VITEST_JSON, { force: true });
      return [
        {
          name: 'unit',
          slots: 2, // vitest runs a worker per core
          ...npmRun('test:unit', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`),
          counts: vitestCounts,
        },
      ];
    case 'integration':
      return ['node', 'web'].map((host) => ({
        name: `integration (${host} host)`,
        ...script('test-integration.mjs', '--no-build', '--host', host),
      }));
    case 'e2e': {
      const files = readdirSync(join(REPO_ROOT, 'test', 'e2e'))
        .filter((file) => file.endsWith('.e2e.mjs'))
        .sort();
      const together = files.filter((file) => SHARED_WINDOW.includes(file));
      const groups = [together, ...files.filter((file) => !together.includes(file)).map((file) => [file])];
      return groups
        .filter((group) => group.length > 0)
        .map((group) => ({
          name: `e2e ${group.join(' + ')}`,
          ...script('test-e2e.mjs', '--no-build', '--vsix', VSIX, ...group.flatMap((file) => ['--file', file])),
        }));
    }
    default:
      throw new Error(`unknown stage "${stage}"`);
  }
}

/**
 * Roughly how long each job takes on a 2-core machine, in seconds: jobs start longest first, so the
 * last ones to start are short and the run ends soon after the longest. A job not listed counts 30.
 */
const EXPECTED_SECONDS = {
  unit: 90,
  'e2e explore.e2e.mjs + hostile-vscode.e2e.mjs + lesson-node.e2e.mjs': 110,
  'e2e export-html.e2e.mjs': 80,
  'e2e hostile-renderer.e2e.mjs': 65,
  'integration (node host)': 65,
  'integration (web host)': 65,
  lint: 30,
  'e2e explore-renderer.e2e.mjs': 20,
  typecheck: 8,
};
const expected = (job) => EXPECTED_SECONDS[job.name] ?? 30;

const line = ({ passed, failed, skipped }) =>
  `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;

async function main() {
  const started = Date.now();
  const selected = options.only ? options.only.split(',').map((s) => s.trim()) : STAGES;
  for (const name of selected)
    if (!STAGES.includes(name)) throw new Error(`unknown stage "${name}" (stages: ${STAGES.join(', ')})`);

  /** @type {{ stage: string; counts: { passed: number; failed: number; skipped: number }; time?: string }[]} */
  const results = [];
  const stageOf = new Map();
  const jobs = [];
  let prepared = true;
  if (selected.includes('integration') || selected.includes('e2e')) {
    try {
      buildExtension();
      if (selected.includes('e2e')) packageVsix(VSIX);
      await ensureCodeServer();
      if (selected.includes('e2e')) ensureChromium();
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      prepared = false;
    }
  }
  for (const stage of STAGES.filter((s) => selected.includes(s))) {
    if (!prepared && (stage === 'integration' || stage === 'e2e')) {
      results.push({ stage, counts: { passed: 0, failed: 1, skipped: 0 } });
      continue;
    }
    for (const job of jobsOf(stage)) {
      stageOf.set(job, stage);
      jobs.push(job);
    }
  }
  // The unit job first, alone (it takes every slot at the default 2), then the rest longest first.
  jobs.sort((a, b) => (b.slots ?? 1) - (a.slots ?? 1) || expected(b) - expected(a));
  log(`running ${jobs.length} jobs, ${CONCURRENCY} at a time (LSTM_TEST_JOBS)`);
  const ran = await runJobs(jobs, { concurrency: CONCURRENCY, bail: options.bail });
  rmSync(VSIX, { force: true });
  for (const result of ran) results.push({ stage: stageOf.get(result.job), ...result });

  const total = { passed: 0, failed: 0, skipped: 0 };
  process.stdout.write(`\n[harness] ━━ summary: npm test took ${seconds(started)} ━━\n`);
  for (const stage of STAGES.filter((s) => selected.includes(s))) {
    const ofStage = results.filter((r) => r.stage === stage);
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const result of ofStage) for (const key of Object.keys(counts)) counts[key] += result.counts[key];
    // Every job of the stage ended (a stage that could not be prepared has one result, its failure).
    const jobCount = Math.max(1, [...stageOf.values()].filter((s) => s === stage).length);
    const ok = ofStage.length === jobCount && counts.failed === 0 && counts.passed > 0;
    const times = ofStage
      .filter((r) => r.time)
      .map((r) => r.time)
      .join(' + ');
    process.stdout.write(`  ${ok ? 'ok  ' : 'FAIL'}  ${stage.padEnd(12)} ${line(counts).padEnd(32)} ${times}\n`);
    for (const key of Object.keys(total)) total[key] += counts[key];
    if (!ok && counts.failed === 0) total.failed++; // a stage that did not run, or ran no test
  }
  process.stdout.write(line(total) + '\n');
  return total.failed === 0 && total.passed > 0 ? 0 : 1;
}

// On Ctrl+C the jobs get the signal too: give them time to stop their servers and browsers.
onShutdown(async () => {
  for (let i = 0; i < 150 && descendants().length > 0; i++) await delay(100);
  log('stopped');
});
process.exitCode = await main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  console.log('0 passed, 1 failed');
  return 1;
});
