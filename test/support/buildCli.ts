// The CLI as users run it, built once per test file with esbuild from src/cli/main.ts, and a way to
// spawn it with node.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = resolve(__dirname, '../..');

/** Builds the CLI into `dir`/cli.cjs; returns its path. */
export async function buildCli(dir: string): Promise<string> {
  const cli = join(dir, 'cli.cjs');
  await esbuild.build({
    entryPoints: [join(ROOT, 'src/cli/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    outfile: cli,
    logLevel: 'error',
  });
  return cli;
}

export function spawnCli(cli: string, args: string[], cwd: string) {
  const out = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}
