// The extension's commands: a new notebook, restarting the kernel, copying the shipped lessons.
import * as vscode from 'vscode';
import type { LstmKernel } from './kernel';
import { CELL_LANGUAGE, NOTEBOOK_TYPE } from './serializer';

const STARTER_MARKDOWN = `# My LSTM notebook

Each code cell sets weights or the state, runs steps and checks values with \`expect\`.
Run a cell with **Shift+Enter**; hover any word to see what it means and the value it had.`;

const STARTER_CODE = `x = 1          # input x_t
h = 1          # short-term memory (hidden state h_{t-1})
c = 5          # long-term memory (cell state c_{t-1})
forget     wx = 1.75   wh = 3.25   b = 1.40
input      wx = 2.30   wh = 1.85   b = 0.45
candidate  wx = 0.45   wh = 0.35   b = -0.05
output     wx = -0.03  wh = 4.67   b = 0.50
step
expect c = 5.62 within 0.01`;

/** Opens an untitled LSTM notebook with a starter markdown cell and code cell. */
export async function newNotebook(): Promise<vscode.NotebookDocument> {
  const data = new vscode.NotebookData([
    new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, STARTER_MARKDOWN, 'markdown'),
    new vscode.NotebookCellData(vscode.NotebookCellKind.Code, STARTER_CODE, CELL_LANGUAGE),
  ]);
  const notebook = await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, data);
  await vscode.window.showNotebookDocument(notebook);
  return notebook;
}

/** The notebook URI in a command's argument: a URI, or what a `notebook/toolbar` button passes. */
function uriOf(argument: unknown): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument;
  if (typeof argument !== 'object' || argument === null || !('notebookEditor' in argument)) return undefined;
  const editor = argument.notebookEditor;
  if (typeof editor !== 'object' || editor === null || !('notebookUri' in editor)) return undefined;
  return editor.notebookUri instanceof vscode.Uri ? editor.notebookUri : undefined;
}

export function notebookOf(argument: unknown): vscode.NotebookDocument | undefined {
  const uri = uriOf(argument);
  if (uri) return vscode.workspace.notebookDocuments.find((notebook) => notebook.uri.toString() === uri.toString());
  return vscode.window.activeNotebookEditor?.notebook;
}

/** Clears the kernel's weights, state and execution count for one notebook. */
export function restartKernel(kernel: LstmKernel, argument: unknown): void {
  const notebook = notebookOf(argument);
  if (!notebook || notebook.notebookType !== NOTEBOOK_TYPE) {
    void vscode.window.showInformationMessage('Open an LSTM notebook to restart its kernel.');
    return;
  }
  kernel.restart(notebook);
  vscode.window.setStatusBarMessage('LSTM kernel restarted: weights, state and execution count cleared.', 4000);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Copies a folder's files that are not at the destination yet; returns how many were copied and kept. */
async function copyMissing(source: vscode.Uri, destination: vscode.Uri): Promise<{ copied: number; kept: number }> {
  await vscode.workspace.fs.createDirectory(destination);
  const counts = { copied: 0, kept: 0 };
  for (const [name, type] of await vscode.workspace.fs.readDirectory(source)) {
    const from = vscode.Uri.joinPath(source, name);
    const to = vscode.Uri.joinPath(destination, name);
    if (type & vscode.FileType.Directory) {
      const inner = await copyMissing(from, to);
      counts.copied += inner.copied;
      counts.kept += inner.kept;
    } else if (await exists(to)) {
      counts.kept++;
    } else {
      await vscode.workspace.fs.copy(from, to);
      counts.copied++;
    }
  }
  return counts;
}

async function pickParentFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0].uri;
  if (folders.length > 1)
    return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Copy the LSTM lessons into which folder?' }))
      ?.uri;
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    openLabel: 'Copy lessons here',
  });
  return picked?.[0];
}

const LESSONS_FOLDER = 'lstm-lessons';

/**
 * Copies the lessons shipped with the extension into `<parent>/lstm-lessons`, keeping files already there.
 * `parent` defaults to the workspace folder. Returns the lessons folder, or undefined when cancelled.
 */
export async function copyLessons(extensionUri: vscode.Uri, parent?: unknown): Promise<vscode.Uri | undefined> {
  const source = vscode.Uri.joinPath(extensionUri, 'lessons');
  if (!(await exists(source))) {
    void vscode.window.showErrorMessage('This installation of LSTM Notebooks has no lessons folder to copy.');
    return undefined;
  }
  const folder = parent instanceof vscode.Uri ? parent : await pickParentFolder();
  if (!folder) return undefined;
  const destination = vscode.Uri.joinPath(folder, LESSONS_FOLDER);
  const { copied, kept } = await copyMissing(source, destination);
  const keptNote = kept ? ` ${kept} file(s) already there were kept as they are.` : '';
  void vscode.window.showInformationMessage(
    `Copied ${copied} lesson file(s) to ${vscode.workspace.asRelativePath(destination)}.${keptNote}`,
  );
  return destination;
}

/**
 * Opens one lesson (a file name such as "02-forget-gate.lstm", as the walkthrough passes it) from the
 * workspace's copy of the lessons, copying them there first when there is no copy yet.
 */
export async function openLesson(extensionUri: vscode.Uri, name: unknown): Promise<void> {
  const shipped = vscode.Uri.joinPath(extensionUri, 'lessons');
  if (
    typeof name !== 'string' ||
    !/^[\w.-]+\.lstm$/.test(name) ||
    !(await exists(vscode.Uri.joinPath(shipped, name)))
  ) {
    void vscode.window.showErrorMessage(`There is no lesson called ${JSON.stringify(name)}.`);
    return;
  }
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const copy = vscode.Uri.joinPath(folder.uri, LESSONS_FOLDER, name);
    if (await exists(copy)) {
      await vscode.window.showNotebookDocument(await vscode.workspace.openNotebookDocument(copy));
      return;
    }
  }
  const copied = await copyLessons(extensionUri);
  if (copied)
    await vscode.window.showNotebookDocument(
      await vscode.workspace.openNotebookDocument(vscode.Uri.joinPath(copied, name)),
    );
}
