// Format Document / Format Cell in code cells: the core formatter's result as edits of the lines it changes,
// so the cursor and the undo history stay on the lines that did not change.
import * as vscode from 'vscode';
import { formatCell } from '../core/formatCell';

export class CellFormatter implements vscode.DocumentFormattingEditProvider {
  provideDocumentFormattingEdits(document: vscode.TextDocument): vscode.TextEdit[] {
    const source = document.getText();
    const formatted = formatCell(source);
    if (formatted === source) return [];
    // The formatter keeps every line where it is, so line k of the result replaces line k.
    const lines = formatted.split(/\r\n|\r|\n/);
    const edits: vscode.TextEdit[] = [];
    for (let k = 0; k < document.lineCount && k < lines.length; k++) {
      const line = document.lineAt(k);
      if (line.text !== lines[k]) edits.push(vscode.TextEdit.replace(line.range, lines[k]));
    }
    return edits;
  }
}
