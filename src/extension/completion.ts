// Completion in code cells: statement words, a gate's keys, the names expect and show read.
import * as vscode from 'vscode';
import type { AnalysisCache } from './analysis';
import { suggestionsAt, type SuggestionKind } from './suggestions';

const KINDS: Record<SuggestionKind, vscode.CompletionItemKind> = {
  statement: vscode.CompletionItemKind.Keyword,
  key: vscode.CompletionItemKind.Property,
  name: vscode.CompletionItemKind.Variable,
  keyword: vscode.CompletionItemKind.Keyword,
};

export class CompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly analyses: AnalysisCache) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const { tokens } = this.analyses.get(document);
    return suggestionsAt(tokens, document.offsetAt(position)).map((suggestion) => {
      const item = new vscode.CompletionItem(suggestion.label, KINDS[suggestion.kind]);
      item.detail = suggestion.detail;
      return item;
    });
  }
}
