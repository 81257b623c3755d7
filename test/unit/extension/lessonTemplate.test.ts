// "LSTM: New Lesson" starts from a lesson that runs cleanly, proves its numbers and is already formatted.
import { describe, expect, it } from 'vitest';
import { runNotebook } from '../../../src/cli/runFile';
import { formatNotebook } from '../../../src/core/formatNotebook';
import { parseNotebook, printNotebook } from '../../../src/core/notebook';
import { LESSON_TEMPLATE } from '../../../src/extension/lessonTemplate';

describe('the New Lesson template', () => {
  const text = printNotebook({
    cells: LESSON_TEMPLATE.map((cell) => ({ ...cell, line: 0 })),
    bom: '',
    eol: '\n',
    trailing: '',
    problems: [],
  });

  it('has a title, an introduction, the walkthrough step and a "try it" cell', () => {
    const cells = parseNotebook(text).cells;
    expect(cells.map((cell) => cell.kind)).toEqual(['markdown', 'markdown', 'code', 'markdown', 'code']);
    expect(cells[0].source).toMatch(/^# Lesson: /);
    expect(cells[3].source).toMatch(/^## Try it/);
    expect(cells[4].source).toMatch(/^# Try it: /);
  });

  it('runs cleanly and every expect passes (the walkthrough values, from PyTorch)', () => {
    const report = runNotebook('lesson.lstm', text, {});
    expect(report.cells.flatMap((cell) => cell.errors)).toEqual([]);
    expect(report.cells.flatMap((cell) => cell.expects.map((e) => [e.text, e.pass]))).toEqual([
      ['expect f = 0.998', true],
      ['expect fc = 4.99', true],
      ['expect c = 5.62', true],
      ['expect h = 0.994', true],
      ['expect fc = 4.99', true],
      ['expect c = 5.62', true],
    ]);
  });

  it('is formatted', () => {
    expect(formatNotebook(text).text).toBe(text);
  });
});
