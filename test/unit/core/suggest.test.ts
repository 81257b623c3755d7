// "Did you mean …?": closest() skips candidates whose length alone rules them out; it must pick what
// comparing every candidate would pick.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest } from '../../../src/core/suggest';
import { STATEMENT_WORDS } from '../../../src/core/vocabulary';

/** Reference: optimal string alignment distance, every candidate compared, first best kept. */
function reference(word: string, candidates: readonly string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i + j));
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) {
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    return d[a.length][b.length];
  };
  if (word.length > 40) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const w = word.toLowerCase();
    const found = c === w ? 0.5 : distance(w, c);
    if (found < bestDistance) [best, bestDistance] = [candidate, found];
  }
  return bestDistance <= Math.min(2, Math.max(1, Math.floor(word.length / 3))) ? best : undefined;
}

describe('closest', () => {
  it('suggests "step" for "stpe" and nothing for a word far from every candidate', () => {
    expect(closest('stpe', STATEMENT_WORDS)).toBe('step');
    expect(closest('Forgett', STATEMENT_WORDS)).toBe('forget');
    expect(closest('zebra', STATEMENT_WORDS)).toBeUndefined();
  });

  it('picks what comparing every candidate picks (5,000 words near and far from the vocabulary)', () => {
    const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzİK'.split(''));
    const near = fc
      .tuple(fc.constantFrom(...STATEMENT_WORDS), fc.array(fc.tuple(fc.nat(12), letters, fc.nat(3)), { maxLength: 3 }))
      .map(([word, edits]) =>
        edits.reduce<string>((w, [at, ch, kind]) => {
          const k = at % (w.length + 1);
          return kind === 0
            ? w.slice(0, k) + ch + w.slice(k)
            : kind === 1
              ? w.slice(0, k) + w.slice(k + 1)
              : w.slice(0, k) + ch + w.slice(k + 1);
        }, word),
      );
    const word = fc.oneof(near, fc.string({ maxLength: 12 }), fc.stringMatching(/^[A-Za-z]{1,45}$/));
    fc.assert(
      fc.property(word, (w) => closest(w, STATEMENT_WORDS) === reference(w, STATEMENT_WORDS)),
      { numRuns: 5_000, seed: 4242 },
    );
  });
});
