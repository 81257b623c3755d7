// One analysis per cell document version, shared by diagnostics, hover, completion and quick fixes.
// Pure (no `vscode`): documents are anything with a URI, a version and text.
import { checkCell } from '../core/check';
import type { Token } from '../core/lexer';
import { parseCell } from '../core/parser';
import { MAX_CELL_CHARS } from '../core/limits';
import type { Problem } from '../core/types';

export interface VersionedText {
  readonly uri: { toString(): string };
  readonly version: number;
  getText(): string;
}

export interface CellAnalysis {
  /** Tokens for hovers and completion (none for a cell too large for the kernel). */
  tokens: Token[];
  /** What is wrong with the cell without running it. */
  problems: Problem[];
}

/** Larger cells are not analyzed as you type (it runs synchronously on the extension host); running one reports its errors. */
export const MAX_ANALYZED_CHARS = 1024 * 1024;

export function analyze(source: string): CellAnalysis {
  if (source.length > MAX_ANALYZED_CHARS)
    return { tokens: [], problems: source.length > MAX_CELL_CHARS ? checkCell(source) : [] };
  // One parse gives both (tokenize and then checkCell read the cell twice).
  const { tokens, problems } = parseCell(source);
  return { tokens, problems };
}

export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; analysis: CellAnalysis }>();

  get(document: VersionedText): CellAnalysis {
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version) return cached.analysis;
    const analysis = analyze(document.getText());
    this.entries.set(key, { version: document.version, analysis });
    return analysis;
  }

  forget(document: VersionedText): void {
    this.entries.delete(document.uri.toString());
  }
}
