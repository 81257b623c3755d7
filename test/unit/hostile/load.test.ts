// Trust: in an untrusted workspace `load` is refused with a clear message and reads nothing; in a
// trusted one it never asks for a file outside the notebook's folder (absolute, `..`, drive or UNC
// paths are refused by name first). The extension's own check (loadFiles.ts: inside the workspace
// folder) runs in the real VS Code test, test/integration/suite/hostile.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { Session } from '../../../src/core/session';
import { FIXTURES } from '../../hostile/corpus';

export const FUZZ_RUNS = { paths: 5_000 };

const WEIGHTS = readFileSync(join(FIXTURES, 'weights-ok.json'), 'utf8');
const UNTRUSTED = 'load is turned off in an untrusted workspace: trust the workspace to read weight files.';

describe('load in an untrusted workspace', () => {
  it('is refused with a clear message, and no file is read, whatever the path', () => {
    const readFile = vi.fn(() => ({ text: WEIGHTS }));
    const session = new Session({ allowLoad: false, readFile });
    for (const path of ['weights-ok.json', '../../etc/passwd', '/etc/passwd', '']) {
      const result = session.run(`load "${path}"\nx = 1\nstep`);
      expect(result.errors.map((p) => [p.line, p.column, p.message])).toEqual([[1, 6, UNTRUSTED]]);
      expect(result.stepsRun).toBe(0);
    }
    expect(readFile).not.toHaveBeenCalled();
  });

  it('works once the workspace is trusted, without a restart (allowLoad is read at each load)', () => {
    let trusted = false;
    const session = new Session({
      get allowLoad() {
        return trusted;
      },
      readFile: () => ({ text: WEIGHTS }),
    });
    expect(session.run('load "weights-ok.json"').errors.map((p) => p.message)).toEqual([UNTRUSTED]);
    trusted = true;
    const result = session.run('load "weights-ok.json"\nx = 1\nstep\nexpect y = 1.355 within 0.001');
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('a session with no reader says so', () => {
    expect(new Session().run('load "w.json"').errors.map((p) => p.message)).toEqual([
      'load is not available here: nothing can read files.',
    ]);
  });
});

describe("load in a trusted workspace never leaves the notebook's folder", () => {
  const OUTSIDE = [
    '../w.json',
    '../../etc/passwd',
    'a/../../w.json',
    'a/b/../../../w.json',
    './../w.json',
    '..',
    '../',
    'a/..',
    '..\\w.json',
    'a\\..\\..\\w.json',
    '/etc/passwd',
    '/',
    '\\',
    '\\\\server\\share\\w.json',
    '//server/share/w.json',
    'C:\\w.json',
    'C:/w.json',
    'c:\\Windows\\win.ini',
    'z:/x',
    '/proc/self/environ',
    '/dev/zero',
    '/dev/stdin',
  ];

  it.each(OUTSIDE)('%s is refused by name, before anything is read', (path) => {
    const readFile = vi.fn(() => ({ text: WEIGHTS }));
    const result = new Session({ readFile }).run(`load "${path}"`);
    expect(result.errors.map((p) => p.message)).toEqual([
      `load reads files beside the notebook or in folders below it; "${path}" points elsewhere.`,
    ]);
    expect(readFile).not.toHaveBeenCalled();
  });

  it(`random paths of ., .., separators and drive letters: whatever reaches readFile stays below the folder (${FUZZ_RUNS.paths} paths)`, () => {
    const segment = fc.constantFrom(
      '..',
      '.',
      'a',
      'weights.json',
      '',
      '...',
      '%2e%2e',
      '~',
      'C:',
      'c:',
      '\u2025',
      '．．',
    );
    const separator = fc.constantFrom('/', '\\', '//');
    const path = fc
      .tuple(fc.option(separator, { nil: '' }), fc.array(fc.tuple(segment, separator), { maxLength: 5 }), segment)
      .map(([lead, parts, last]) => lead + parts.map(([s, sep]) => s + sep).join('') + last)
      .filter((p) => !/["\n\r]/.test(p));
    fc.assert(
      fc.property(path, (p) => {
        const asked: string[] = [];
        new Session({ readFile: (file) => (asked.push(file), { error: 'no such file' }) }).run(`load "${p}"`);
        for (const file of asked) {
          expect(file.split(/[\\/]/)).not.toContain('..');
          expect(file).not.toMatch(/^([a-zA-Z]:)?[\\/]/);
        }
      }),
      { numRuns: FUZZ_RUNS.paths, seed: 77 },
    );
  });
});
