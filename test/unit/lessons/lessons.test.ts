// Every shipped lesson proves its numbers: each code cell runs cleanly and every `expect` passes.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNotebook } from '../../../src/cli/runFile';
import { parseNotebook, printNotebook } from '../../../src/core/notebook';

const LESSONS = resolve(__dirname, '../../../lessons');
const files = readdirSync(LESSONS).filter((f) => f.endsWith('.lstm')).sort();

describe('lessons', () => {
  it('ships at least the seven lessons of the course', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  for (const file of files) {
    it(`${file} runs cleanly and every expect passes`, () => {
      const path = join(LESSONS, file);
      const text = readFileSync(path, 'utf8');
      const report = runNotebook(path, text, {
        readFile: (p) => ({ bytes: new Uint8Array(readFileSync(resolve(dirname(path), p))) }),
      });
      const failures = report.cells.flatMap((c) => [
        ...c.errors.map((e) => `line ${e.line}: ${e.message}`),
        ...c.expects.filter((e) => !e.pass).map((e) => `line ${e.line}: ${e.text} (actual ${JSON.stringify(e.actual)})`),
      ]);
      expect(failures).toEqual([]);
      expect(report.cells.flatMap((c) => c.expects).length).toBeGreaterThan(3);
      expect(printNotebook(parseNotebook(text))).toBe(text);
    });
  }

  it('lesson 7 loads the real .pt PyTorch saved, and says what it loaded', () => {
    const path = join(LESSONS, '07-real-weights.lstm');
    const report = runNotebook(path, readFileSync(path, 'utf8'), {
      readFile: (p) => ({ bytes: new Uint8Array(readFileSync(resolve(dirname(path), p))) }),
    });
    expect(report.cells[0].loaded).toEqual({
      file: 'weights/remember-first.pt',
      format: 'PyTorch .pt',
      layout: 'PyTorch',
      lstm: 'lstm',
      layers: 1,
      input: 1,
      hidden: 2,
      head: { name: 'fc', outputs: 1 },
      dtypes: ['float32'],
      unused: [],
    });
  });
});
