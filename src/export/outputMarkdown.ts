// One code cell's output as markdown for GitHub and Jupyter: the kernel's summary line, the equations
// as $$ LaTeX, the gate diagram as a ```mermaid block, the gate table and the expectations as a table.
// Plus a text/plain form for Jupyter. The TeX and the mermaid source are the renderer's own (pure
// builders), so they hold formatted numbers and fixed words only, never notebook text.
import { inlineCode, problemMessage, stepTable, summaryHeading } from '../common/output';
import { round, vector } from '../common/numbers';
import { buildPayload } from '../common/output';
import type { CellResult, ExpectResult } from '../core/types';
import { diagramSource } from '../renderer/diagram';
import { buildEquations } from '../renderer/equations';

/** Backslash-escapes every ASCII punctuation mark (CommonMark allows it), so text can't become markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** A GFM table cell: a `|` would end the cell even inside a code span. */
const tableCell = (text: string): string => text.replace(/\|/g, '\\|');

const actualText = (expect: ExpectResult): string =>
  expect.actual ? vector(expect.actual, (value) => round(value, 6)) : 'nothing yet';

export function expectTable(expects: readonly ExpectResult[]): string[] {
  if (!expects.length) return [];
  const passed = expects.filter((expect) => expect.pass).length;
  return [
    `**Expectations:** ${passed} of ${expects.length} passed`,
    '',
    '| | expectation | actual |',
    '|---|---|---:|',
    ...expects.map(
      (e) => `| ${e.pass ? '✅ pass' : '❌ fail'} | ${tableCell(inlineCode(e.text))} | ${tableCell(actualText(e))} |`,
    ),
  ];
}

/** The cell's errors, one per line, as escaped text. */
function errorLines(result: CellResult): string[] {
  return result.errors
    .filter((problem) => problem.severity === 'error')
    .map((problem) => `**Error** ${escapeMarkdown(problemMessage(problem))}`);
}

/** A fence no line of `body` can close: one backtick longer than the longest run in it. */
export function fenced(info: string, body: string): string[] {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${info}`, ...(body === '' ? [] : [body.replace(/\n$/, '')]), fence];
}

export function outputMarkdown(result: CellResult): string {
  const lines: string[] = [];
  const errors = errorLines(result);
  if (errors.length) lines.push(errors.join('  \n'), '');
  lines.push(summaryHeading(result));
  const last = result.steps.at(-1);
  if (last) {
    const payload = buildPayload(result);
    for (const equation of buildEquations(last, payload.weights, payload.notation))
      lines.push('', `*${equation.title}*`, '', '$$', equation.tex, '$$');
    lines.push('', ...fenced('mermaid', diagramSource(last, payload.notation, 'lstm').source));
    lines.push('', ...stepTable(last));
  }
  const expects = expectTable(result.expects);
  if (expects.length) lines.push('', ...expects);
  return lines.join('\n') + '\n';
}

/** The same output as plain text: the last step's values, each expectation and each error. */
export function outputPlainText(result: CellResult): string {
  const lines: string[] = [];
  const last = result.steps.at(-1);
  if (last) {
    const names = ['x', 'f', 'i', 'g', 'o', 'c', 'h'] as const;
    const values = names.map((name) => `${name} = ${vector(last[name])}`);
    if (last.y) values.push(`y = ${vector(last.y)}`);
    lines.push(`step t = ${last.t}: ${values.join(', ')}`);
  } else {
    lines.push(`no step ran (t = ${result.time})`);
  }
  for (const e of result.expects) lines.push(`${e.pass ? 'pass' : 'FAIL'}  ${e.text}   (actual ${actualText(e)})`);
  for (const problem of result.errors)
    if (problem.severity === 'error') lines.push(`error: ${problemMessage(problem)}`);
  return lines.join('\n') + '\n';
}
