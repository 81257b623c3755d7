// The readable report `lstm-notebook run` and `check` print.
import { describeLoad } from '../core/load';
import { formatNumber } from '../core/numbers';
import { GATE_ORDER } from '../core/vocabulary';
import type { FileReport } from './runFile';

/** Six significant digits, written the Python way. */
function short(values: readonly number[]): string {
  const text = values.map((v) => formatNumber(Number(v.toPrecision(6))));
  return text.length === 1 ? text[0] : `[${text.join(', ')}]`;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function summarize(report: FileReport, verbose: boolean): string {
  if (report.unreadable !== undefined) return `FAILED: ${report.file}: cannot read it: ${report.unreadable}`;
  const out: string[] = [];
  for (const w of report.warnings) out.push(`${report.file}:${w.line}:${w.column}: warning: ${w.message}`);
  for (const cell of report.cells) {
    const { result } = cell;
    const mark = cell.ok ? '✓' : '✗';
    const steps = result.stepsRun ? count(result.stepsRun, 'step') : 'no steps';
    out.push(`${mark} cell ${cell.index} (line ${cell.line}): ${steps}`);
    if (cell.loaded) out.push(`    ${describeLoad(cell.loaded)}`);
    const last = result.steps.at(-1);
    if (verbose && last) {
      const parts = [
        `t=${last.t}`,
        `x=${short(last.x)}`,
        ...GATE_ORDER.map((gate) => `${gate}=${short(last[gate])}`),
        `c=${short(last.c)}`,
        `h=${short(last.h)}`,
      ];
      if (last.y) parts.push(`y=${short(last.y)}`);
      out.push(`    ${parts.join('  ')}`);
    }
    for (const e of cell.expects) {
      const actual = e.actual ? short(e.actual) : 'nothing';
      out.push(`    ${e.pass ? 'pass' : 'FAIL'}  line ${e.line}: ${e.text}   (actual ${actual})`);
      if (e.hint) out.push(`          ${e.hint}`);
    }
    for (const e of cell.errors) out.push(`    ${report.file}:${e.line}:${e.column}: error: ${e.message}`);
  }
  const expects = report.cells.flatMap((c) => c.expects);
  const failed = expects.filter((e) => !e.pass).length;
  const errors = report.cells.reduce((n, c) => n + c.errors.length, 0);
  out.push(
    `${report.ok ? 'ok' : 'FAILED'}: ${report.file}: ${count(report.cells.length, 'code cell')}, ${count(expects.length - failed, 'expect')} passed, ${failed} failed, ${count(errors, 'error')}`,
  );
  return out.join('\n');
}
