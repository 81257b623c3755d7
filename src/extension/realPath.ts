// Resolving links for `load`, behind one small interface so the extension code stays free of Node: the
// Node entry (node.ts) supplies Platform.realpath from node:fs; the web entry has none, and a file VS Code
// reports as a link (FileType.SymbolicLink) is then refused outright.

/** The path with every link resolved, as node:fs/promises realpath gives it. */
export type RealPath = (fsPath: string) => Promise<string>;

let resolver: RealPath | undefined;

/** Called once by the Node entry point. */
export function useRealPath(realPath: RealPath | undefined): void {
  resolver = realPath;
}

export function realPath(): RealPath | undefined {
  return resolver;
}
