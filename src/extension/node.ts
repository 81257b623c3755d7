// The `main` entry: VS Code's Node extension host (desktop, remotes, Codespaces).
import { realpath } from 'node:fs/promises';
import type * as vscode from 'vscode';
import { activate as activateShared, type LstmNotebooksApi } from './extension';
import type { Platform } from './platform';

const NODE: Platform = { host: 'node', realpath: (fsPath) => realpath(fsPath) };

export function activate(context: vscode.ExtensionContext): LstmNotebooksApi {
  return activateShared(context, NODE);
}
