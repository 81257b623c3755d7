// GitHub Markdown export of every lesson: each markdown cell as written, each code cell fenced ```lstm
// with its source, and each output's equations ($$), gate diagram (```mermaid) and expectations table,
// whose actual values are the kernel's.
import { describe, expect, it } from 'vitest';
import { round, vector } from '../../../src/common/numbers';
import { buildPayload } from '../../../src/common/output';
import { toMarkdown } from '../../../src/export/markdown';
import { escapeMarkdown, expectTable, fenced } from '../../../src/export/outputMarkdown';
import { buildEquations } from '../../../src/renderer/equations';
import { lessonFiles, runLesson } from './lessons';

describe('Markdown export of the lessons', () => {
  it('covers the seven lessons', () => expect(lessonFiles.length).toBeGreaterThanOrEqual(7));

  for (const file of lessonFiles) {
    it(`${file}: holds every cell, and each output's math, diagram and expectations`, () => {
      const notebook = runLesson(file);
      const md = toMarkdown(notebook);
      const code = notebook.cells.filter((cell) => cell.kind === 'code');
      for (const cell of notebook.cells) {
        if (cell.kind === 'markdown') expect(md).toContain(cell.source);
        else expect(md).toContain('```lstm\n' + cell.source.replace(/\n$/, '') + '\n```\n');
      }
      const stepped = code.filter((cell) => cell.result.steps.length > 0);
      expect(md.match(/^```mermaid$/gm)?.length ?? 0).toBe(stepped.length);
      for (const cell of stepped) {
        const payload = buildPayload(cell.result);
        const last = payload.steps[payload.steps.length - 1];
        const equations = buildEquations(last, payload.weights, payload.notation);
        expect(equations.length).toBeGreaterThanOrEqual(6);
        for (const equation of equations) expect(md).toContain(`$$\n${equation.tex}\n$$`);
      }
      for (const cell of code)
        for (const e of cell.result.expects) {
          const actual = e.actual ? vector(e.actual, (v) => round(v, 6)) : 'nothing yet';
          expect(md).toContain(`| ${e.pass ? '✅ pass' : '❌ fail'} | \`${e.text}\` | ${actual} |`);
        }
    });
  }

  it('leaves the code out with --no-code and keeps the outputs', () => {
    const notebook = runLesson(lessonFiles[1]);
    const md = toMarkdown(notebook, { noCode: true });
    expect(md).not.toContain('```lstm');
    expect(md).toContain('```mermaid');
    expect(md).toContain('**Expectations:**');
  });
});

describe('Markdown pieces made from notebook text', () => {
  it('escapes markup in error messages', () => {
    expect(escapeMarkdown('Unknown word "<img src=x onerror=pwn()>" [a](javascript:pwn())')).toBe(
      'Unknown word \\"\\<img src\\=x onerror\\=pwn\\(\\)\\>\\" \\[a\\]\\(javascript\\:pwn\\(\\)\\)',
    );
  });

  it('keeps an expect text with a pipe or backticks inside its table cell', () => {
    const [, , , , row] = expectTable([
      { line: 1, text: 'expect h = 1 | `x`', name: 'h', pass: false, expected: [1], actual: [0.5], tolerance: 0 },
    ]);
    expect(row).toBe('| ❌ fail | `` expect h = 1 \\| `x` `` | 0.5 |');
  });

  it('fences a source holding a backtick fence with a longer fence', () => {
    expect(fenced('lstm', 'x = 1\n````\n')).toEqual(['`````lstm', 'x = 1\n````', '`````']);
  });
});
