// One analysis per cell document version, shared by diagnostics, hover, completion and quick fixes.
// Pure (no `vscode`): documents are anything with a URI, a version and text.
import { analyzeCell, type CellAnalysis } from '../core/check';
import { MAX_CELL_CHARS } from '../core/limits';

export interface VersionedText {
  readonly uri: { toString(): string };
  readonly version: number;
  getText(): string;
}

/** Larger cells are not analyzed as you type (it runs synchronously on the extension host); running one reports its errors. */
const MAX_ANALYZED_CHARS = 1024 * 1024;

export function analyze(source: string): CellAnalysis {
  // Between the two limits nothing is said while typing; beyond the kernel's, analyzeCell says so at once.
  if (source.length > MAX_ANALYZED_CHARS && source.length <= MAX_CELL_CHARS) return { tokens: [], problems: [] };
  return analyzeCell(source);
}

export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; analysis: CellAnalysis }>();

  constructor(private readonly analyzeText: (source: string) => CellAnalysis = analyze) {}

  get(document: VersionedText): CellAnalysis {
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version) return cached.analysis;
    const analysis = this.analyzeText(document.getText());
    this.entries.set(key, { version: document.version, analysis });
    return analysis;
  }

  forget(document: VersionedText): void {
    this.entries.delete(document.uri.toString());
  }
}
