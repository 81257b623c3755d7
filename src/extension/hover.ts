// Hovers over the words of a code cell: what the word means, its equation, and its value in the last run.
import * as vscode from 'vscode';
import type { AnalysisCache } from './analysis';
import { hoverMarkdown } from './hoverText';
import { toRange } from './ranges';
import type { CellResults } from './results';
import { wordAt } from './wordAt';

export class HoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly analyses: AnalysisCache,
    private readonly results: CellResults,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const { tokens } = this.analyses.get(document);
    const found = wordAt(tokens, position.line + 1, position.character + 1);
    if (!found) return undefined;
    const text = hoverMarkdown(found.word, found.statement, this.results.get(document.uri.toString()));
    return text === undefined ? undefined : new vscode.Hover(new vscode.MarkdownString(text), toRange(found));
  }
}
