// The readable report `lstm-notebook run` and `check` print.
import { formatNumber } from '../core/numbers';
import type { FileReport } from './runFile';

/** Six significant digits, written the Python way. */
function short(values: readonly number[]): string {
  const text = values.map((v) => formatNumber(Number(v.toPrecision(6))));
  return text.length === 1 ? text[0] : `[${text.join(', ')}]`;
}

export function summarize(report: FileReport, verbose: boolean): string {
  const out: string[] = [];
  for (const w of report.warnings) out.push(`${report.file}:${w.line}:${w.column}: warning: ${w.message}`);
  for (const cell of report.cells) {
    const { result } = cell;
    const mark = cell.ok ? '✓' : '✗';
    const steps = result.stepsRun ? `${result.stepsRun} step${result.stepsRun === 1 ? '' : 's'}` : 'no steps';
    out.push(`${mark} cell ${cell.index} (line ${cell.line}): ${steps}`);
    const last = result.steps.at(-1);
    if (verbose && last) {
      const parts = [
        `t=${last.t}`,
        `x=${short(last.x)}`,
        `f=${short(last.f)}`,
        `i=${short(last.i)}`,
        `g=${short(last.g)}`,
        `o=${short(last.o)}`,
        `c=${short(last.c)}`,
        `h=${short(last.h)}`,
      ];
      if (last.y) parts.push(`y=${short(last.y)}`);
      out.push(`    ${parts.join('  ')}`);
    }
    for (const e of cell.expects) {
      const actual = e.actual ? short(e.actual) : 'nothing';
      out.push(`    ${e.pass ? 'pass' : 'FAIL'}  line ${e.line}: ${e.text}   (actual ${actual})`);
    }
    for (const e of cell.errors) out.push(`    ${report.file}:${e.line}:${e.column}: error: ${e.message}`);
  }
  const expects = report.cells.flatMap((c) => c.expects);
  const failed = expects.filter((e) => !e.pass).length;
  const errors = report.cells.reduce((n, c) => n + c.errors.length, 0);
  out.push(
    `${report.ok ? 'ok' : 'FAILED'}: ${report.file}: ${report.cells.length} code cells, ${expects.length - failed} expects passed, ${failed} failed, ${errors} errors`,
  );
  return out.join('\n');
}
