// "Did you mean …?" quick fixes: a problem with a suggestion replaces its range with the suggested word.
import * as vscode from 'vscode';
import type { CellDiagnostics } from './diagnostics';
import { toRange } from './ranges';

export class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(private readonly diagnostics: CellDiagnostics) {}

  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const problem of this.diagnostics.problemsAt(document, range)) {
      if (!problem.suggestion) continue;
      const target = toRange(problem);
      const action = new vscode.CodeAction(`Change to "${problem.suggestion}"`, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, target, problem.suggestion);
      action.isPreferred = true;
      action.diagnostics = context.diagnostics.filter(
        (diagnostic) => diagnostic.range.isEqual(target) && diagnostic.message === problem.message,
      );
      actions.push(action);
    }
    return actions;
  }
}
