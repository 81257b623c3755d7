// One analysis per document version: language features share it instead of re-reading the cell.
import { describe, expect, it } from 'vitest';
import { AnalysisCache, analyze } from '../../../src/extension/analysis';

function document(text: string, version: number, uri = 'vscode-notebook-cell:/a.lstm#cell1') {
  let reads = 0;
  return {
    uri: { toString: () => uri },
    version,
    getText: () => {
      reads++;
      return text;
    },
    get reads() {
      return reads;
    },
  };
}

describe('AnalysisCache', () => {
  it('reads a version once and again after an edit', () => {
    const cache = new AnalysisCache();
    const first = document('forgte wx = 1', 1);
    const analysis = cache.get(first);
    expect(cache.get(first)).toBe(analysis);
    expect(first.reads).toBe(1);
    const edited = document('forget wx = 1', 2);
    expect(cache.get(edited).problems).toEqual([]);
    expect(edited.reads).toBe(1);
  });

  it('keeps documents apart and forgets closed ones', () => {
    const cache = new AnalysisCache();
    const a = document('step', 1, 'cell-a');
    const b = document('step', 1, 'cell-b');
    expect(cache.get(a)).not.toBe(cache.get(b));
    cache.forget(a);
    cache.get(a);
    expect(a.reads).toBe(2);
  });
});

describe('analyze', () => {
  it('gives the tokens and the problems with their suggestion', () => {
    const { tokens, problems } = analyze('forgte wx = 1');
    expect(tokens.map((token) => token.text)).toEqual(['forgte', 'wx', '=', '1']);
    expect(problems).toMatchObject([{ line: 1, column: 1, length: 6, severity: 'error', suggestion: 'forget' }]);
  });
});
