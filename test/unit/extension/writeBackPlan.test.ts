// What the host writes into a cell when an output sends dragged numbers back, and what it refuses.
import { describe, expect, it } from 'vitest';
import { textHash, withoutComments } from '../../../src/core/literals';
import { planWriteBack, readWriteBack, type WriteBackPlan } from '../../../src/extension/writeBackPlan';

const CELL = `# Try it: drag wh
x = 1   # input
forget     wx = 1.75   wh = 3.25   b = 1.40
run x = [0, 0.5, 0.25]
expect f = 0.998`;

const message = (changes: unknown[], source = CELL): unknown => ({
  type: 'writeBack',
  outputId: 'out-1',
  runId: 'run-1',
  source: withoutComments(source),
  sourceHash: textHash(source),
  changes,
});

const errorOf = (plan: WriteBackPlan): string | undefined => ('error' in plan ? plan.error : undefined);

/** Applies the plan's edits to the cell's text, as the WorkspaceEdit does. */
function applied(changes: unknown[]): string {
  const read = readWriteBack(message(changes));
  if (typeof read === 'string') throw new Error(read);
  const plan = planWriteBack(read, CELL);
  if ('error' in plan) throw new Error(plan.error);
  const lines = CELL.split('\n');
  for (const edit of [...plan.edits].sort((a, b) => b.column - a.column)) {
    const line = lines[edit.line - 1];
    lines[edit.line - 1] = line.slice(0, edit.column - 1) + edit.text + line.slice(edit.column - 1 + edit.length);
  }
  return lines.join('\n');
}

describe('write-back', () => {
  it('replaces exactly the numbers sent, written as Python prints them; comments and spacing stay', () => {
    const wh = { line: 3, column: CELL.split('\n')[2].indexOf('3.25') + 1, length: 4, value: 3.3 };
    const input = { line: 4, column: CELL.split('\n')[3].indexOf('0.5') + 1, length: 3, value: -1.5e-5 };
    expect(applied([wh, input])).toBe(
      CELL.replace('wh = 3.25', 'wh = 3.3').replace('[0, 0.5, 0.25]', '[0, -1.5e-05, 0.25]'),
    );
  });

  it('refuses when the cell changed since the output was computed, even in a comment', () => {
    const read = readWriteBack(message([{ line: 3, column: 29, length: 4, value: 3 }]));
    if (typeof read === 'string') throw new Error(read);
    for (const edited of [CELL.replace('1.40', '1.50'), CELL.replace('# input', '# the input')])
      expect(errorOf(planWriteBack(read, edited))).toMatch(/^The cell was edited after this output was computed/);
  });

  it('refuses places that hold no number the cell sets: an expect, a comment, a wrong length', () => {
    const expectColumn = CELL.split('\n')[4].indexOf('0.998') + 1;
    for (const change of [
      { line: 5, column: expectColumn, length: 5, value: 1 },
      { line: 2, column: 1, length: 1, value: 2 },
      { line: 3, column: CELL.split('\n')[2].indexOf('3.25') + 1, length: 3, value: 2 },
    ]) {
      const read = readWriteBack(message([change]));
      if (typeof read === 'string') throw new Error(read);
      expect(errorOf(planWriteBack(read, CELL))).toMatch(/holds no number this cell sets/);
    }
  });

  it('accepts only finite numbers at whole positive positions, in a well-formed message', () => {
    expect(readWriteBack(message([{ line: 3, column: 29, length: 4, value: Infinity }]))).toMatch(/finite numbers/);
    expect(readWriteBack(message([{ line: 3, column: 29, length: 4, value: '3' }]))).toMatch(/finite numbers/);
    expect(readWriteBack(message([{ line: 0, column: 29, length: 4, value: 3 }]))).toMatch(/no valid place/);
    expect(readWriteBack(message([{ line: 1.5, column: 29, length: 4, value: 3 }]))).toMatch(/no valid place/);
    expect(readWriteBack(message([]))).toMatch(/no changed numbers/);
    expect(readWriteBack({ type: 'writeBack', outputId: 1, source: CELL, changes: [] })).toMatch(/not a write-back/);
    expect(readWriteBack(null)).toMatch(/not a write-back/);
  });
});
