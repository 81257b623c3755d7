// Helpers for the notebook tests: write a .lstm file into the test workspace, open it with the LSTM
// kernel selected, run cells and wait until they have finished.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CONTROLLER_ID, EXTENSION_ID } from '../helpers';

let fileCount = 0;

/** A folder of the test workspace for files the tests write (the workspace is a fresh copy per run). */
export function scratchFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'the integration tests need a workspace folder');
  return vscode.Uri.joinPath(folder, 'integration-scratch');
}

/**
 * Writes a file with a name not used before in this run, and waits (at most 2 s) until VS Code's file
 * watcher has reported it. A save failed once on a machine at load 7, most likely because that report
 * came after the notebook was opened and edited, so VS Code took the file for changed on disk.
 */
export async function writeScratch(name: string, content: string | Uint8Array): Promise<vscode.Uri> {
  const fileName = `${++fileCount}-${name}`;
  const uri = vscode.Uri.joinPath(scratchFolder(), fileName);
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(scratchFolder(), fileName));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const seen = new Promise<void>((resolve) => {
    watcher.onDidCreate(() => resolve());
    watcher.onDidChange(() => resolve());
    timer = setTimeout(resolve, 2000);
  });
  try {
    await vscode.workspace.fs.writeFile(uri, bytes);
    await seen; // about 0.1 to 0.3 s on a quiet machine
  } finally {
    clearTimeout(timer);
    watcher.dispose();
  }
  return uri;
}

export async function readBytes(uri: vscode.Uri): Promise<number[]> {
  return [...(await vscode.workspace.fs.readFile(uri))];
}

/** Opens a notebook in an editor with the LSTM kernel selected. */
export async function openWithKernel(notebook: vscode.Uri | vscode.NotebookDocument): Promise<vscode.NotebookEditor> {
  await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  const document = notebook instanceof vscode.Uri ? await vscode.workspace.openNotebookDocument(notebook) : notebook;
  const editor = await vscode.window.showNotebookDocument(document);
  await vscode.commands.executeCommand('notebook.selectKernel', { id: CONTROLLER_ID, extension: EXTENSION_ID });
  return editor;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const finishedSince = (cell: vscode.NotebookCell, since: number) =>
  (cell.executionSummary?.timing?.endTime ?? 0) >= since;

/** Runs the given code cells (all of them by default) and waits until each has an end time. */
export async function runCells(notebook: vscode.NotebookDocument, cells?: vscode.NotebookCell[]): Promise<void> {
  const since = Date.now();
  const targets = cells ?? notebook.getCells().filter((cell) => cell.kind === vscode.NotebookCellKind.Code);
  if (cells) {
    for (const cell of cells) {
      await vscode.commands.executeCommand('notebook.cell.execute', {
        ranges: [{ start: cell.index, end: cell.index + 1 }],
        document: notebook.uri,
      });
    }
  } else {
    await vscode.commands.executeCommand('notebook.execute', notebook.uri);
  }
  await waitFor('the cells to finish', () => targets.every((cell) => finishedSince(cell, since)));
}

/** The code cells of a notebook, in order. */
export function codeCells(notebook: vscode.NotebookDocument): vscode.NotebookCell[] {
  return notebook.getCells().filter((cell) => cell.kind === vscode.NotebookCellKind.Code);
}

/** Decodes the output item of a mime type from a cell's outputs. */
export function outputItem(cell: vscode.NotebookCell, mime: string): vscode.NotebookCellOutputItem | undefined {
  for (const output of cell.outputs) {
    const item = output.items.find((candidate) => candidate.mime === mime);
    if (item) return item;
  }
  return undefined;
}

export function outputJson<T>(cell: vscode.NotebookCell, mime: string): T | undefined {
  const item = outputItem(cell, mime);
  return item && (JSON.parse(new TextDecoder().decode(item.data)) as T);
}

export const ERROR_MIME = 'application/vnd.code.notebook.error';

/** The walkthrough's weights, one cell. */
export { SEED_SETUP as WEIGHTS_CELL } from '../../support/seedCell';

/** A .lstm file with a markdown cell and the given code cells. */
export function lstmFile(...cells: string[]): string {
  return ['# Integration test', '', ...cells.map((cell) => '```lstm\n' + cell + '\n```\n')].join('\n');
}
