// Bundles the extension loads on first use (dist/export/exporter.js: markdown-it and KaTeX, which
// stay out of the activation bundle), read through vscode.workspace.fs and evaluated the same way in
// the Node and the web worker extension host. A bundle must be built for both: CommonJS, no Node
// built-in (esbuild.mjs guards it as it guards the web entry).
import * as vscode from 'vscode';
import { evaluateCommonJs } from './commonJs';

const loaded = new Map<string, Promise<unknown>>();

/** The exports of `path` (relative to the extension folder), evaluated once per session. */
export function loadBundledModule<T>(extensionUri: vscode.Uri, path: string): Promise<T> {
  const uri = vscode.Uri.joinPath(extensionUri, path);
  let module = loaded.get(uri.toString());
  if (!module) {
    module = Promise.resolve(vscode.workspace.fs.readFile(uri)).then((bytes) =>
      evaluateCommonJs(new TextDecoder().decode(bytes), uri.toString(true), { vscode }),
    );
    loaded.set(uri.toString(), module);
    module.catch(() => loaded.delete(uri.toString())); // a failed read may succeed later
  }
  return module as Promise<T>; // the cast stays: a bundle's exports are whatever it was built with; the caller names them
}
