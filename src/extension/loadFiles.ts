// Reads the files a cell's `load "…"` statements name, before the cell runs: the core reads them
// synchronously, and vscode.workspace.fs is asynchronous. Paths are relative to the notebook and must
// stay inside its workspace folder (or its own folder when it has none).
import * as vscode from 'vscode';
import { MAX_FILE_BYTES } from '../core/limits';
import type { Statement } from '../core/parser';

export type LoadedFile = { text: string } | { error: string };

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(path);
}

function isInside(target: vscode.Uri, folder: vscode.Uri): boolean {
  if (target.scheme !== folder.scheme || target.authority !== folder.authority) return false;
  const root = folder.path.endsWith('/') ? folder.path : folder.path + '/';
  return target.path.startsWith(root);
}

/** vscode.FileSystemError codes in a learner's words. */
const REASONS: Record<string, string> = {
  FileNotFound: 'there is no such file',
  FileIsADirectory: 'it is a folder, not a file',
  NoPermissions: 'you do not have permission to read it',
  FileNotADirectory: 'a part of its path is a file, not a folder',
};

async function readOne(notebook: vscode.Uri, path: string): Promise<LoadedFile> {
  if (notebook.scheme === 'untitled')
    return { error: `Save the notebook first: load reads "${path}" next to the notebook file.` };
  const base = vscode.Uri.joinPath(notebook, '..');
  const target =
    isAbsolute(path) && base.scheme === 'file'
      ? vscode.Uri.file(path)
      : vscode.Uri.joinPath(base, path.replace(/\\/g, '/'));
  const folder = vscode.workspace.getWorkspaceFolder(notebook)?.uri ?? base;
  if (!isInside(target, folder))
    return { error: `"${path}" is outside the notebook's folder ${folder.fsPath}; load only reads files inside it.` };
  try {
    const stat = await vscode.workspace.fs.stat(target);
    if (stat.type & vscode.FileType.Directory) return { error: `Can't read "${path}": it is a folder, not a file.` };
    if (stat.size > MAX_FILE_BYTES)
      return {
        error: `"${path}" is ${Math.round(stat.size / 1048576)} MB; load reads files up to ${MAX_FILE_BYTES / 1048576} MB.`,
      };
    return { text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(target)) };
  } catch (error) {
    const code = error instanceof vscode.FileSystemError ? error.code : '';
    const reason = REASONS[code] ?? String(error);
    return { error: `Can't read "${path}" (${target.fsPath}): ${reason}.` };
  }
}

/** The text (or why not) of every file the statements load, keyed by the path as written in the cell. */
export async function readLoadFiles(
  notebook: vscode.Uri,
  statements: readonly Statement[],
): Promise<Map<string, LoadedFile>> {
  const files = new Map<string, LoadedFile>();
  for (const statement of statements) {
    if (statement.type === 'load' && !files.has(statement.path))
      files.set(statement.path, await readOne(notebook, statement.path));
  }
  return files;
}
