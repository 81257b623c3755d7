// Squiggles in code cells: the cell's parse problems as you type (once typing pauses, see ./typingPause),
// plus the errors of its last run until the cell is edited again. Quick fixes read the problems back from here.
import * as vscode from 'vscode';
import type { Problem } from '../core/types';
import type { AnalysisCache } from './analysis';
import { toDiagnostic, toRange } from './ranges';
import { CELL_LANGUAGE } from './serializer';
import { TypingPause } from './typingPause';

const sameProblem = (a: Problem, b: Problem) => a.line === b.line && a.column === b.column && a.message === b.message;

export class CellDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('lstm');
  private readonly runProblems = new Map<string, Problem[]>();
  private readonly shown = new Map<string, Problem[]>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly typing = new TypingPause<vscode.TextDocument>((document) => this.update(document));

  constructor(private readonly analyses: AnalysisCache) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.update(document)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        this.runProblems.delete(event.document.uri.toString());
        this.typing.changed(event.document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document)),
    );
    for (const document of vscode.workspace.textDocuments) this.update(document);
  }

  /** Shows the errors a run of the cell reported, next to its parse problems. */
  setRunProblems(document: vscode.TextDocument, problems: readonly Problem[]): void {
    this.runProblems.set(document.uri.toString(), [...problems]);
    this.update(document);
  }

  /** Problems shown in the document whose range meets `range`. */
  problemsAt(document: vscode.TextDocument, range: vscode.Range): Problem[] {
    return (this.shown.get(document.uri.toString()) ?? []).filter(
      (problem) => toRange(problem).intersection(range) !== undefined,
    );
  }

  private update(document: vscode.TextDocument): void {
    this.typing.cancel(document);
    const key = document.uri.toString();
    if (document.languageId !== CELL_LANGUAGE) {
      if (this.shown.has(key)) this.forget(document);
      return;
    }
    const problems = [...this.analyses.get(document).problems];
    for (const problem of this.runProblems.get(key) ?? []) {
      if (!problems.some((shown) => sameProblem(shown, problem))) problems.push(problem);
    }
    this.shown.set(key, problems);
    this.collection.set(
      document.uri,
      problems.map((problem) => toDiagnostic(problem)),
    );
  }

  private forget(document: vscode.TextDocument): void {
    this.typing.cancel(document);
    const key = document.uri.toString();
    this.runProblems.delete(key);
    this.shown.delete(key);
    this.analyses.forget(document);
    this.collection.delete(document.uri);
  }

  dispose(): void {
    this.typing.dispose();
    this.collection.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
