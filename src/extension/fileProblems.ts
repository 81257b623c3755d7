// Problems of the .lstm file itself (an unclosed fence, bytes that are not UTF-8), shown as diagnostics on
// the notebook's URI with 1-based file lines: read when a notebook opens, re-read when it is saved.
import * as vscode from 'vscode';
import type { Problem } from '../core/types';
import { currentFileProblems, NOTEBOOK_TYPE, notebookMetadata } from './serializer';
import { toDiagnostic } from './ranges';

export class FileProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('lstm-file');
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidOpenNotebookDocument((notebook) => this.opened(notebook)),
      vscode.workspace.onDidSaveNotebookDocument((notebook) => this.show(notebook, currentFileProblems(notebook))),
      vscode.workspace.onDidCloseNotebookDocument((notebook) => this.collection.delete(notebook.uri)),
    );
    for (const notebook of vscode.workspace.notebookDocuments) this.opened(notebook);
  }

  private opened(notebook: vscode.NotebookDocument): void {
    if (notebook.notebookType !== NOTEBOOK_TYPE) return;
    const metadata = notebookMetadata(notebook.metadata);
    this.show(notebook, metadata.problems);
    if (metadata.encoding === 'latin1') {
      void vscode.window.showWarningMessage(
        `${vscode.workspace.asRelativePath(notebook.uri)} is not valid UTF-8: it was read as Latin-1 and will be saved the same way.`,
      );
    }
  }

  private show(notebook: vscode.NotebookDocument, problems: readonly Problem[]): void {
    if (notebook.notebookType !== NOTEBOOK_TYPE) return;
    this.collection.set(
      notebook.uri,
      problems.map((problem) => toDiagnostic(problem)),
    );
  }

  dispose(): void {
    this.collection.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
