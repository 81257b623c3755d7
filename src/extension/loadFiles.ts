// Reads the files a cell's `load "…"` statements name, as bytes, before the cell runs: the core reads them
// synchronously, and vscode.workspace.fs is asynchronous. Paths are relative to the notebook and must
// stay inside its workspace folder (or its own folder when it has none), links resolved (realPath.ts).
import * as vscode from 'vscode';
import { MAX_WEIGHT_FILE_BYTES } from '../core/limits';
import type { Statement } from '../core/parser';
import { realPath } from './realPath';

export type LoadedFile = { bytes: Uint8Array } | { error: string };

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

/** Why a target that looks inside the folder is not, once links are resolved; undefined when it is inside. */
async function outsideThroughLink(
  target: vscode.Uri,
  folder: vscode.Uri,
  stat: vscode.FileStat,
): Promise<string | undefined> {
  const resolve = realPath();
  if (!resolve || target.scheme !== 'file') {
    // No way to see where a link leads: refuse any the file system reports.
    return stat.type & vscode.FileType.SymbolicLink
      ? `"${target.path.split('/').pop()}" is a link, and load cannot check where it leads here; load a plain file.`
      : undefined;
  }
  const [real, root] = await Promise.all([resolve(target.fsPath), resolve(folder.fsPath)]);
  return isInside(vscode.Uri.file(real), vscode.Uri.file(root))
    ? undefined
    : `it leads to ${real}, outside the notebook's folder ${root} (through a link); load only reads files inside it.`;
}

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
    const linked = await outsideThroughLink(target, folder, stat);
    if (linked) return { error: linked };
    if (stat.size > MAX_WEIGHT_FILE_BYTES)
      return {
        error: `"${path}" is ${stat.size} bytes; load reads weight files up to ${MAX_WEIGHT_FILE_BYTES} bytes (MAX_WEIGHT_FILE_BYTES, 512 MiB).`,
      };
    return { bytes: await vscode.workspace.fs.readFile(target) };
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
