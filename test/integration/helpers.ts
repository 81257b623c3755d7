// What the integration tests share: the extension's identifiers and opening a lesson notebook.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'lstm-notebooks.lstm-notebooks';
export const NOTEBOOK_TYPE = 'lstm-notebook';
export const CONTROLLER_ID = 'lstm-kernel';

/** The extension host this bundle of the tests was built for (scripts/test-integration.mjs defines it). */
declare const LSTM_TEST_HOST: 'node' | 'web';
export const TEST_HOST = LSTM_TEST_HOST;

/** The `.lstm` files of the test workspace (a fresh copy of `lessons/`), sorted by path. */
export async function lessonUris(): Promise<vscode.Uri[]> {
  const uris = await vscode.workspace.findFiles('**/*.lstm');
  assert.ok(uris.length > 0, 'the test workspace has no .lstm file (it is a copy of lessons/)');
  return uris.sort((a, b) => a.path.localeCompare(b.path));
}

/** Opens a `.lstm` file in the notebook editor and returns its editor. */
export async function openNotebook(uri: vscode.Uri): Promise<vscode.NotebookEditor> {
  const document = await vscode.workspace.openNotebookDocument(uri);
  return vscode.window.showNotebookDocument(document);
}

/** Closes every editor, so each test starts from an empty window. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
