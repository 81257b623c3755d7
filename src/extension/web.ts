// The `browser` entry: the web worker extension host of VS Code for the web (vscode.dev, github.dev,
// code-server with the extension set to run there). Built by esbuild.mjs with no Node built-in.
import type * as vscode from 'vscode';
import { activate as activateShared, type LstmNotebooksApi } from './extension';
import type { Platform } from './platform';

const WEB: Platform = { host: 'web' };

export function activate(context: vscode.ExtensionContext): LstmNotebooksApi {
  return activateShared(context, WEB);
}
