// Payloads as the kernel builds them, with the data to re-run the cell: lessons' cells run in a real
// Session after the cells before them, and the CLI's --json run of a changed cell to compare with.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { StepTrace } from '../../../src/core/types';
import { mountOutput, type MountOptions } from '../../../src/renderer/mount';
import { codeCells } from '../../support/kernelPayload';

export { kernelPayload } from '../../support/kernelPayload';

export const ROOT = resolve(__dirname, '../../..');

/** The code cells of a lesson, in order. */
export function lessonCells(file: string): string[] {
  return codeCells(readFileSync(join(ROOT, 'lessons', file), 'utf8'));
}

/** Mounts an output in a fresh element of the document, as VS Code's renderer host does; its view and shadow root. */
export async function mount(payload: unknown, options?: MountOptions) {
  const element = document.createElement('div');
  document.body.append(element);
  const view = await mountOutput(element, payload, options);
  return { view, root: must(element.shadowRoot, 'shadow root') };
}

export interface CliCell {
  steps: Array<Partial<StepTrace>>;
  expects: Array<{ text: string; pass: boolean; actual: number[] | null }>;
}

let cli: string | undefined;

/** Builds the CLI from src/cli/main.ts into a temporary folder (esbuild's own binary: it refuses to load under jsdom). */
export function buildCli(): void {
  const dir = mkdtempSync(join(tmpdir(), 'lstm-explore-cli-'));
  cli = join(dir, 'cli.cjs');
  const esbuild = join(ROOT, 'node_modules/esbuild/bin/esbuild');
  const args = [
    join(ROOT, 'src/cli/main.ts'),
    '--bundle',
    '--platform=node',
    '--format=cjs',
    `--outfile=${cli}`,
    '--log-level=error',
  ];
  const out = spawnSync(esbuild, args, { encoding: 'utf8', timeout: 60_000 });
  if (out.status !== 0) throw new Error(`building the CLI failed: ${out.stderr}`);
}

/** `lstm-notebook run --json` of a notebook holding these code cells; the last cell's result. */
export function cliRun(cells: readonly string[]): CliCell {
  if (!cli) throw new Error('call buildCli() first');
  const dir = mkdtempSync(join(tmpdir(), 'lstm-explore-'));
  const file = join(dir, 'cells.lstm');
  writeFileSync(file, cells.map((cell) => '```lstm\n' + cell + '\n```\n').join('\n'));
  const out = spawnSync(process.execPath, [cli, 'run', '--json', file], { encoding: 'utf8', timeout: 30_000 });
  if (!out.stdout) throw new Error(`the CLI printed nothing: ${out.stderr}`);
  const json = JSON.parse(out.stdout) as { cells: CliCell[] };
  return json.cells[json.cells.length - 1];
}

/** The value, or a failed test naming what was missing. */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`no ${what}`);
  return value;
}
