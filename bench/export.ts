// The export section of `npm run bench`: every lesson exported to HTML by the CLI as a user runs it
// (one `lstm-notebook export` process per lesson, dist/cli.js beside this script), against
// `lstm-notebook run` of the same lessons in the same way: the peer that only computes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** CPU seconds (user + system) of this process's finished children, from Linux's /proc (cutime, cstime). */
function childCpu(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100; // clock ticks of 1/100 s
}

/** CPU and wall seconds of one CLI process per lesson, run one after another. */
function timeCli(lessons: string[], args: (lesson: string) => string[]): { cpu: number; wall: number } {
  const cli = join(__dirname, 'cli.js');
  const cpu = childCpu();
  const start = process.hrtime.bigint();
  for (const lesson of lessons) {
    const out = spawnSync(process.execPath, [cli, ...args(lesson)], { encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`lstm-notebook ${args(lesson).join(' ')}: ${out.stderr}`);
  }
  return { cpu: childCpu() - cpu, wall: Number(process.hrtime.bigint() - start) / 1e9 };
}

export function benchExport(runs: number, seconds: (s: number) => string): void {
  const folder = resolve(__dirname, '..', 'lessons');
  const lessons = readdirSync(folder)
    .filter((name) => name.endsWith('.lstm'))
    .sort()
    .map((name) => join(folder, name));
  const out = mkdtempSync(join(tmpdir(), 'lstm-bench-export-'));
  const target = (lesson: string) => join(out, lesson.replace(/^.*[\\/]/, '').replace(/\.lstm$/, '.html'));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const exports: { cpu: number; wall: number }[] = [];
  const runTimes: { cpu: number; wall: number }[] = [];
  for (let k = 0; k <= runs; k++) {
    const html = timeCli(lessons, (lesson) => ['export', lesson, '--to', 'html', '-o', target(lesson)]);
    const run = timeCli(lessons, (lesson) => ['run', lesson]);
    if (k === 0) continue; // warm-up: the file cache
    exports.push(html);
    runTimes.push(run);
  }
  const sizes = lessons.map((lesson) => statSync(target(lesson)).size);
  rmSync(out, { recursive: true, force: true });
  const mib = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MiB`;
  const cpu = median(exports.map((t) => t.cpu));
  const wall = median(exports.map((t) => t.wall));
  const runCpu = median(runTimes.map((t) => t.cpu));
  console.log(
    `\nexport ${lessons.length} lessons to HTML, one CLI process each: ${seconds(cpu)} CPU, ${seconds(wall)} wall ` +
      `(target < 3 s); lstm-notebook run of the same: ${seconds(runCpu)} CPU (export ${(cpu / runCpu).toFixed(1)}× the run); ` +
      `pages ${mib(Math.min(...sizes))} to ${mib(Math.max(...sizes))} (limit 6 MiB)`,
  );
}
