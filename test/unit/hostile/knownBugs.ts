// Bugs the hostile corpus found and that are not fixed yet. Each names the corpus files it shows in
// and the checks (see checks.ts) it breaks there: the corpus test skips those checks for those files
// and checks them again in an it.fails test, which starts failing (so this entry must go) once the
// bug is fixed. The report with the patches: the hostile-input task's closing note.
import type { Check } from './checks';

export interface KnownBug {
  id: string;
  summary: string;
  files: string[];
  checks: Check[];
}

// HOSTILE-1 (expect text kept a comment after U+2028), HOSTILE-2 (0e999 implied an infinite tolerance) and
// HOSTILE-3 (Object.prototype names passed as value names) are fixed in src/core/parser.ts.
export const KNOWN_BUGS: KnownBug[] = [];

export function knownBugFor(file: string, check: Check): KnownBug | undefined {
  return KNOWN_BUGS.find((bug) => bug.files.includes(file) && bug.checks.includes(check));
}
