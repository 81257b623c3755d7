// Measures the worst slice times of the huge hostile cases (not a test: the numbers depend on the
// machine and its load). Bundles test/hostile/measure-run.ts with esbuild into a temporary folder and
// runs it with --expose-gc, so peak heap is measured from a collected heap.
//
//   node test/hostile/measure.mjs                  every generated case
//   node test/hostile/measure.mjs T-1e6 10MB       only the cases whose name holds one of these
//   node test/hostile/measure.mjs --root DIR       measure another checkout (e.g. one with fixes applied)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const root = rootAt >= 0 ? resolve(args[rootAt + 1]) : resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const names = args.filter((arg, k) => !arg.startsWith('--') && k !== rootAt + 1);
const dir = mkdtempSync(join(tmpdir(), 'lstm-measure-'));
try {
  const outfile = join(dir, 'measure.mjs');
  await esbuild.build({
    entryPoints: [join(root, 'test', 'hostile', 'measure-run.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  console.log(
    `# Hostile cases measured on ${root} (node ${process.version}, ${(await import('node:os')).cpus().length} CPUs, load ${(
      await import('node:os')
    )
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})\n`,
  );
  const run = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=6144', outfile, ...names], {
    stdio: 'inherit',
  });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
