// Live values in code cells: after a cell ran, inlay hints show each step's gates and new memories and each
// expect's result next to the code. A hint goes when its line is edited and comes back with the next run;
// the setting lstmNotebook.inlayHints.enabled turns them off.
import * as vscode from 'vscode';
import type { CellResult } from '../core/types';
import { hintsFor, type HintText } from './inlayHintText';

const INLAY_HINTS_SETTING = 'lstmNotebook.inlayHints.enabled';

export class ResultHints implements vscode.InlayHintsProvider, vscode.Disposable {
  private readonly hints = new Map<string, HintText[]>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      this.changed,
      vscode.workspace.onDidChangeTextDocument((event) => this.edited(event)),
      vscode.workspace.onDidCloseTextDocument((document) => this.hints.delete(document.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(INLAY_HINTS_SETTING)) this.changed.fire();
      }),
    ];
  }

  /** The kernel's hook: `cell` finished with `result` after running `source`. */
  publish(cell: vscode.TextDocument, source: string, result: CellResult): void {
    // Lines typed into while the cell ran no longer hold what ran: they get no hint.
    const ran = source.split(/\r\n|\r|\n/);
    const current = (line: number) => (line < cell.lineCount ? cell.lineAt(line).text : undefined);
    this.hints.set(
      cell.uri.toString(),
      hintsFor(source, result).filter((hint) => current(hint.line) === ran[hint.line]),
    );
    this.changed.fire();
  }

  /** Forgets the hints of a notebook's cells, as a restarted kernel forgets their results. */
  clear(notebook: vscode.NotebookDocument): void {
    for (const cell of notebook.getCells()) this.hints.delete(cell.document.uri.toString());
    this.changed.fire();
  }

  provideInlayHints(document: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    if (!vscode.workspace.getConfiguration().get<boolean>(INLAY_HINTS_SETTING, true)) return [];
    return (this.hints.get(document.uri.toString()) ?? [])
      .filter((hint) => hint.line >= range.start.line && hint.line <= range.end.line && hint.line < document.lineCount)
      .map((hint) => {
        const item = new vscode.InlayHint(new vscode.Position(hint.line, hint.character), hint.label);
        item.paddingLeft = true;
        item.tooltip = hint.tooltip;
        return item;
      });
  }

  /** Drops the hints of edited lines and moves the ones below with the lines added or removed. */
  private edited(event: vscode.TextDocumentChangeEvent): void {
    const key = event.document.uri.toString();
    let hints = this.hints.get(key);
    if (!hints?.length || !event.contentChanges.length) return;
    // The last change first, so each range still refers to the lines it was given for.
    const changes = [...event.contentChanges].sort((a, b) => b.range.start.compareTo(a.range.start));
    for (const { range, text } of changes) {
      const added = (text.match(/\r\n|\r|\n/g)?.length ?? 0) - (range.end.line - range.start.line);
      hints = hints
        .filter((hint) => hint.line < range.start.line || hint.line > range.end.line)
        .map((hint) => (hint.line > range.end.line ? { ...hint, line: hint.line + added } : hint));
    }
    this.hints.set(key, hints);
    this.changed.fire();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
