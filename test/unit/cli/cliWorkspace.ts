// A folder for one CLI test file: the CLI built into it with esbuild (from src/cli/main.ts), weight
// fixtures copied beside the notebooks, and what --json prints, typed.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { CellReport, FileReport, Located } from '../../../src/cli/runFile';
import { buildCli, spawnCli } from '../../support/buildCli';

export const ROOT = resolve(__dirname, '../../..');
const FIXTURES = join(ROOT, 'test/fixtures/weights');

/** What --json prints for one file (runFile.ts's report without the fields only the summary reads). */
export type JsonReport = Omit<FileReport, 'warnings' | 'cells' | 'unreadable'> & {
  warnings: Located[];
  cells: Omit<CellReport, 'result'>[];
  error?: string;
};

export const readReport = (stdout: string) => JSON.parse(stdout) as JsonReport;
export const readReports = (stdout: string) => JSON.parse(stdout) as JsonReport[];

/** The folder (made before the file's tests, removed after them), a notebook writer and the CLI. */
export function cliWorkspace() {
  const state = { dir: '', cli: '' };
  beforeAll(async () => {
    state.dir = mkdtempSync(join(tmpdir(), 'lstm-cli-'));
    state.cli = await buildCli(state.dir);
    mkdirSync(join(state.dir, 'nested/weights'), { recursive: true });
    copyFileSync(join(FIXTURES, 'pytorch-h1-x1-dense.json'), join(state.dir, 'nested/weights/trained.json'));
    copyFileSync(join(FIXTURES, 'keras-h1-x1.json'), join(state.dir, 'nested/keras.json'));
  });
  afterAll(() => {
    if (state.dir) rmSync(state.dir, { recursive: true, force: true });
  });
  return {
    /** The folder; the CLI runs here unless told otherwise. */
    get dir() {
      return state.dir;
    },
    /** Writes `text` to `file` in the folder (its folders made); returns the path. */
    notebook: (file: string, text: string): string => {
      const path = join(state.dir, file);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text);
      return path;
    },
    run: (args: string[], cwd = state.dir) => spawnCli(state.cli, args, cwd),
  };
}
