// Runs the test harness's jobs side by side: most of `npm test` waits on a browser or a VS Code, so
// on a 2-core machine several jobs at once finish much sooner than one after another. Each job's
// output is held back and printed whole when it ends, so the log reads as if they had run in turn.
import { spawn } from 'node:child_process';
import { REPO_ROOT } from './cache.mjs';
import { log, seconds } from './log.mjs';

/** The closing line every runner prints: "N passed, N failed" (optionally ", N skipped"). */
export const SUMMARY = /^(?:\w+: )?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/;

/** The last summary line in `text`, as counts, or null. */
export function lastSummary(text) {
  let found = null;
  for (const line of text.split('\n')) {
    const match = SUMMARY.exec(line.trim());
    if (match) found = { passed: +match[1], failed: +match[2], skipped: +(match[3] ?? 0) };
  }
  return found;
}

/**
 * @typedef {{ name: string; command: string; args: string[]; env?: Record<string, string>; slots?: number;
 *   counts?: (output: string, code: number) => { passed: number; failed: number; skipped: number } }} Job
 * @typedef {{ job: Job; code: number; output: string; time: string;
 *   counts: { passed: number; failed: number; skipped: number } }} JobResult
 */

/** Runs one job with its output captured; never rejects. */
function runJob(job) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(job.command, job.args, {
      cwd: REPO_ROOT,
      env: { ...process.env, ...job.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    const finish = (code) => {
      const output = Buffer.concat(chunks).toString();
      const counts = job.counts ? job.counts(output, code) : fromOutput(output, code);
      resolve({ job, code, output, time: seconds(started), counts });
    };
    child.on('error', (error) => {
      chunks.push(Buffer.from(`${error.message}\n`));
      finish(1);
    });
    child.on('close', (code) => finish(code ?? 1));
  });
}

/** The counts a runner printed; a non-zero exit with no failure counted is one failure. */
function fromOutput(output, code) {
  const counts = lastSummary(output) ?? { passed: 0, failed: 0, skipped: 0 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

/**
 * Runs `jobs` side by side, in the order given (put the longest first), as long as their `slots`
 * (1 unless given; a job that keeps both cores busy takes more) fit in `concurrency`; a job that does
 * not fit yet lets a smaller one after it start. Prints each job's output when it ends. With `bail`,
 * starts nothing new after a failure.
 * @param {Job[]} jobs
 * @returns {Promise<JobResult[]>} in the order of `jobs`; a job never started is missing.
 */
export async function runJobs(jobs, { concurrency, bail = false }) {
  const slotsOf = (job) => Math.min(concurrency, job.slots ?? 1);
  const results = new Map();
  const pending = [...jobs];
  const running = new Set();
  let free = concurrency;
  let failed = false;
  /** @type {() => void} */
  let wake = () => {};
  while (pending.length || running.size) {
    for (const job of [...pending]) {
      if (bail && failed) break;
      if (slotsOf(job) > free) continue;
      pending.splice(pending.indexOf(job), 1);
      free -= slotsOf(job);
      log(`started ${job.name}`);
      const run = runJob(job).then((result) => {
        running.delete(run);
        free += slotsOf(job);
        if (result.code !== 0 || result.counts.failed > 0) failed = true;
        results.set(job, result);
        const { passed, failed: failures } = result.counts;
        process.stdout.write(`\n[harness] ━━ ${job.name} (${result.time}) ━━\n${result.output}`);
        if (!result.output.endsWith('\n')) process.stdout.write('\n');
        log(`ended ${job.name}: ${passed} passed, ${failures} failed (${result.time})`);
        wake();
      });
      running.add(run);
    }
    if (bail && failed && running.size === 0) break;
    if (running.size === 0) break; // nothing fits: cannot happen, as slots are capped at concurrency
    await new Promise((resolve) => (wake = () => resolve(undefined)));
  }
  return jobs.filter((job) => results.has(job)).map((job) => results.get(job));
}
