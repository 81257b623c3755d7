// What the inlay hints of a cell that ran say, and where: after each step or run the gates and the new
// memories of its last step (in the cell's notation), after each expect ✓ or ✗ with the actual value.
// Pure (no `vscode`): positions are 0-based lines and characters of the source that ran.
import { formatNumber } from '../core/numbers';
import { parseCell, stepsOf, type Statement } from '../core/parser';
import type { CellResult, Notation, StepTrace, Vector } from '../core/types';

export interface HintText {
  line: number;
  character: number;
  label: string;
  tooltip: string;
}

/** Labels of the values a step hint shows, in each notation. */
const STEP_LABELS: Record<Notation, Record<'f' | 'i' | 'c' | 'h' | 'y', string>> = {
  symbols: { f: 'f', i: 'i', c: 'C', h: 'h', y: 'y' },
  words: { f: 'forget', i: 'input', c: 'long-term', h: 'short-term', y: 'prediction' },
};

/** Three significant digits, as the walkthroughs write them (0.998, 0.990, 5.62); Python's e-notation beyond. */
const short = (value: number) =>
  value !== 0 && Math.abs(value) >= 1e-3 && Math.abs(value) < 1e4
    ? value.toPrecision(3)
    : formatNumber(Number(value.toPrecision(3)));
const shortVector = (values: Vector) =>
  values.length === 1
    ? short(values[0])
    : `[${values.slice(0, 4).map(short).join(', ')}${values.length > 4 ? ', …' : ''}]`;
/** Six significant digits, for an expect's actual value. */
const precise = (values: Vector) => {
  const text = values.map((value) => formatNumber(Number(value.toPrecision(6))));
  return text.length === 1 ? text[0] : `[${text.join(', ')}]`;
};

/** ▸ f 0.998 · i 0.990 · C 5.62 · h 0.994 */
function stepLabel(step: StepTrace, notation: Notation): string {
  const labels = STEP_LABELS[notation];
  const parts = (['f', 'i', 'c', 'h', 'y'] as const).flatMap((key) => {
    const value = step[key];
    return value ? [`${labels[key]} ${shortVector(value)}`] : [];
  });
  return `▸ ${parts.join(' · ')}`;
}

/** Cells longer than this get no hints: parsing them again would hold up the extension host. */
export const MAX_HINTED_CHARS = 200_000;

/** The hints of a cell's result, given the source that produced it. */
export function hintsFor(source: string, result: CellResult): HintText[] {
  if (source.length > MAX_HINTED_CHARS) return [];
  const { statements, problems } = parseCell(source);
  if (problems.length) return [];
  const hints: HintText[] = [];
  const end = (s: Statement) => ({ line: s.span.line - 1, character: s.span.column - 1 + s.span.length });
  // Steps are traced in the order they ran; when the trace was thinned only the cell's last step is known.
  const complete = result.stepsRun === result.steps.length;
  const last = [...statements].reverse().find((s) => stepsOf(s) > 0);
  let ran = 0;
  for (const s of statements) {
    ran += stepsOf(s);
    if (!stepsOf(s) || ran > result.stepsRun) continue;
    const step = complete ? result.steps[ran - 1] : s === last ? result.steps.at(-1) : undefined;
    if (step)
      hints.push({
        ...end(s),
        label: stepLabel(step, result.notation),
        tooltip: `After step t = ${step.t}: f ${shortVector(step.f)}, i ${shortVector(step.i)}, C̃ ${shortVector(step.g)}, o ${shortVector(step.o)}, C ${shortVector(step.c)}, h ${shortVector(step.h)}.`,
      });
  }
  for (const expect of result.expects) {
    const s = statements.find((statement) => statement.type === 'expect' && statement.span.line === expect.line);
    if (!s) continue;
    const actual = expect.actual ? precise(expect.actual) : 'nothing';
    const tolerance = `within ${formatNumber(expect.tolerance)}`;
    hints.push({
      ...end(s),
      label: `${expect.pass ? '✓' : '✗'} ${actual}`,
      tooltip: `${expect.pass ? 'Passed' : 'Failed'}: ${expect.name} is ${actual}; expected ${precise(expect.expected)} ${tolerance}.${expect.hint ? ` ${expect.hint}` : ''}`,
    });
  }
  return hints.sort((a, b) => a.line - b.line || a.character - b.character);
}
