// What differs between VS Code's two extension hosts, handed to the shared `activate` by the entry
// that VS Code loaded: node.ts (desktop, remotes, Codespaces) or web.ts (a web worker on vscode.dev,
// github.dev and any VS Code for the web). Everything else uses the same vscode API in both.

export interface Platform {
  /** 'node': the Node extension host; 'web': the browser's web worker extension host (no Node API). */
  readonly host: 'node' | 'web';
  /**
   * Resolves links in a file path (node:fs realpath), so `load` refuses a link whose target is outside the
   * notebook's folder. Absent in the web host, where a file VS Code reports as a link is refused outright.
   */
  readonly realpath?: (fsPath: string) => Promise<string>;
}
