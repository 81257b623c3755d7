// Completion in code cells: statement words, a gate's keys, the names expect and show read.
import * as vscode from 'vscode';
import type { AnalysisCache } from './analysis';
import { parseCell } from '../core/parser';
import { sizesOf, type Sizes } from './shapes';
import { suggestionsAt, type SuggestionKind } from './suggestions';

/** Sizes read only when a property is asked for. */
function lazySizes(read: () => Sizes): Sizes {
  let sizes: Sizes | undefined;
  return {
    get H() {
      return (sizes ??= read()).H;
    },
    get X() {
      return (sizes ??= read()).X;
    },
  };
}

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
    const offset = document.offsetAt(position);
    // The sizes only matter for a gate's keys; parsing the cell for them is skipped elsewhere.
    const sizes = () => sizesOf(parseCell(document.getText()).statements);
    return suggestionsAt(tokens, offset, lazySizes(sizes)).map((suggestion) => {
      const label = suggestion.shape ? { label: suggestion.label, description: suggestion.shape } : suggestion.label;
      const item = new vscode.CompletionItem(label, KINDS[suggestion.kind]);
      item.detail = suggestion.shape ? `${suggestion.label}: ${suggestion.shape}` : suggestion.detail;
      if (suggestion.shape) item.documentation = suggestion.detail;
      return item;
    });
  }
}
