// What a finished cell shows: the renderer's payload and a markdown summary, used by the kernel's
// fallback output and by the exporters (src/export). Pure (no `vscode`, DOM or Node).
import { textHash, withoutComments } from '../core/literals';
import { modelWeightCount } from '../core/modelNumbers';
import { stateWeightCount } from '../core/snapshot';
import type { CellResult, ExpectResult, Problem, StepTrace } from '../core/types';
import { describeLoad } from '../core/loadSummary';
import { GATE_ORDER, GATES } from '../core/vocabulary';
import { fixed, round, vector } from './numbers';
import type { ExploreData, ExploreOff, StepPayload } from './payload';

/** Steps kept in a payload: the first and the last half of this many. */
export const MAX_PAYLOAD_STEPS = 200;
/** Numbers a payload's steps may hold in all, so a wide LSTM keeps fewer steps (a few MB of JSON at most). */
const MAX_PAYLOAD_STEP_NUMBERS = 200_000;
/** Weights are left out of the payload when a gate's matrix is wider than this (H + X columns). */
const MAX_PAYLOAD_WEIGHT_COLUMNS = 32;

/** The first and last steps when there are too many to send; all of them otherwise. */
export function thinSteps(steps: readonly StepTrace[], max = MAX_PAYLOAD_STEPS): StepTrace[] {
  if (steps.length <= max) return [...steps];
  const head = Math.ceil(max / 2);
  return [...steps.slice(0, head), ...steps.slice(steps.length - (max - head))];
}

/** Numbers one step's trace holds (15·H + X + Y + 1). */
function numbersPerStep(step: StepTrace): number {
  const { x, h_prev, c_prev, z, f, i, g, o, fc, ig, c, tanh_c, h, y } = step;
  const vectors = [x, h_prev, c_prev, z.f, z.i, z.g, z.o, f, i, g, o, fc, ig, c, tanh_c, h, y ?? []];
  return 1 + vectors.reduce((sum, vector) => sum + vector.length, 0);
}

/** How many steps fit in a payload: at most MAX_PAYLOAD_STEPS, fewer when each step is large (at least 2). */
function payloadStepBudget(steps: readonly StepTrace[]): number {
  const first = steps[0];
  if (!first) return MAX_PAYLOAD_STEPS;
  return Math.max(2, Math.min(MAX_PAYLOAD_STEPS, Math.floor(MAX_PAYLOAD_STEP_NUMBERS / numbersPerStep(first))));
}

/** The layer `show layer N` asks for, when it is a lower layer of the stacked model that ran. */
function shownLayer(result: CellResult): number | undefined {
  const layer = result.shows.find((show) => show.layer !== undefined)?.layer;
  const count = result.steps[0]?.layers?.length ?? 1;
  return layer !== undefined && layer < count - 1 ? layer : undefined;
}

/** The steps as shown: layer N's own (x, gates, c, h) after `show layer N`, else the top layer's. */
function shownSteps(result: CellResult): StepTrace[] {
  const layer = shownLayer(result);
  if (layer === undefined) return result.steps;
  return result.steps.map((step) => {
    const own = step.layers?.[layer];
    return own ? { ...own, t: step.t } : step;
  });
}

/** Limits on what an output re-runs as a number is dragged: the cell's text, the weights it starts from, its steps. */
export const MAX_EXPLORE_CHARS = 50_000;
const MAX_EXPLORE_NUMBERS = 50_000;
const MAX_EXPLORE_STEPS = 2_000;

/**
 * The data to re-run the cell in the renderer, when it ran cleanly and is small enough; otherwise why
 * not (undefined for a cell that did not run cleanly: its output has no numbers to drag).
 */
function exploreData(
  result: CellResult,
  explore: RunToExplore | undefined,
): { data: ExploreData } | { off: ExploreOff } | undefined {
  if (!explore || result.errors.some((problem) => problem.severity === 'error')) return undefined;
  const { runId, source, before } = explore;
  const models = result.models ?? [];
  if (result.stepsRun > MAX_EXPLORE_STEPS) return { off: 'steps' };
  const numbers = stateWeightCount(before) + models.reduce((sum, load) => sum + modelWeightCount(load.model), 0);
  if (source.length > MAX_EXPLORE_CHARS || numbers > MAX_EXPLORE_NUMBERS) return { off: 'size' };
  const data = { runId, source: withoutComments(source), sourceHash: textHash(source), before };
  return { data: models.length ? { ...data, models } : data };
}

/** What an output says in place of its controls, for each reason its numbers cannot be dragged. */
export const EXPLORE_OFF_TEXT: Record<ExploreOff, string> = {
  steps: `This cell ran more than ${MAX_EXPLORE_STEPS} steps (MAX_EXPLORE_STEPS), too many to re-run as a number is dragged.`,
  size: `This cell is too large to re-run as a number is dragged: over ${MAX_EXPLORE_CHARS} characters (MAX_EXPLORE_CHARS) or ${MAX_EXPLORE_NUMBERS} weights (MAX_EXPLORE_NUMBERS), counting those of the models it loads.`,
};

/** What the kernel knows of a run: the cell's exact text and the state before it. */
export type RunToExplore = Omit<ExploreData, 'sourceHash' | 'models'>;

export function buildPayload(result: CellResult, run?: RunToExplore): StepPayload {
  const explore = exploreData(result, run);
  const layer = shownLayer(result);
  const weights = layer === undefined ? result.weights : undefined;
  const small = weights !== undefined && weights.hidden + weights.input <= MAX_PAYLOAD_WEIGHT_COLUMNS;
  const steps = shownSteps(result);
  return {
    version: 1,
    steps: thinSteps(steps, payloadStepBudget(steps)),
    totalSteps: Math.max(result.stepsRun, result.steps.length),
    expects: result.expects,
    shows: result.shows,
    ...(small ? { weights } : {}),
    notation: result.notation,
    ...(explore && 'data' in explore ? { explore: explore.data } : {}),
    ...(explore && 'off' in explore ? { exploreOff: explore.off } : {}),
    ...(result.loaded ? { loaded: result.loaded } : {}),
    ...(layer === undefined ? {} : { layer }),
  };
}

/** "line 3, column 5: Unknown word …": how an error names its place in the cell. */
export function problemMessage(problem: Problem): string {
  return `line ${problem.line}, column ${problem.column}: ${problem.message}`;
}

/** The cell's errors, one per line; warnings are left to the step output. */
export function errorText(result: CellResult): string {
  return result.errors
    .filter((problem) => problem.severity === 'error')
    .map(problemMessage)
    .join('\n');
}

export function hasErrors(result: CellResult): boolean {
  return result.errors.some((problem) => problem.severity === 'error');
}

/** The step's gates (pre-activation and value) and its memories before and after, as markdown tables. */
export function stepTable(step: StepTrace): string[] {
  const lines = [
    '| | pre-activation z | value |',
    '|---|---:|---:|',
    ...GATE_ORDER.map((gate) => {
      const { name, activation } = GATES[gate];
      return `| ${name} ${gate} = ${activation}(z) | ${vector(step.z[gate], fixed)} | ${vector(step[gate])} |`;
    }),
    '',
    '| | before | after |',
    '|---|---:|---:|',
    `| long-term memory c | ${vector(step.c_prev)} | ${vector(step.c)} |`,
    `| short-term memory h | ${vector(step.h_prev)} | ${vector(step.h)} |`,
  ];
  if (step.y) lines.push(`| prediction y | | ${vector(step.y)} |`);
  return lines;
}

/** Text as a markdown code span that no backtick in it can close (CommonMark shows a code span's content literally, HTML included). */
export function inlineCode(text: string): string {
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^`|`$|^ .* $/.test(flat) || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function expectLine(expect: ExpectResult): string {
  const actual = expect.actual ? vector(expect.actual, (value) => round(value, 6)) : 'nothing yet';
  const hint = expect.hint ? ` ${expect.hint}` : '';
  return `- ${expect.pass ? '✅' : '❌'} ${inlineCode(expect.text)} (actual ${actual})${hint}`;
}

function stateLine(state: CellResult['state']): string {
  const parts: string[] = [];
  if (state.x) parts.push(`x = ${vector(state.x)}`);
  if (state.h) parts.push(`h = ${vector(state.h)}`);
  if (state.c) parts.push(`c = ${vector(state.c)}`);
  return parts.length ? parts.join(', ') : 'nothing set yet';
}

/** The summary's first line: which step ran, with what input, or the state when none did. */
export function summaryHeading(result: CellResult): string {
  const last = shownSteps(result).at(-1);
  if (!last) return `No step ran (t = ${result.time}). State: ${stateLine(result.state)}.`;
  const count = Math.max(result.stepsRun, result.steps.length);
  const ran = count === 1 ? `Step t = ${last.t}` : `${count} steps ran; the last, t = ${last.t}`;
  const layer = shownLayer(result);
  return `**${ran}${layer === undefined ? '' : `, layer ${layer}`}** with input x = ${vector(last.x)}`;
}

/** A markdown summary of the cell: the last step's gates as a table, then each expect with its actual value. */
export function markdownSummary(result: CellResult): string {
  const lines: string[] = [];
  // What was loaded, as a code span: key names come from the file and are shown, never rendered.
  if (result.loaded) lines.push(`**Loaded:** ${inlineCode(describeLoad(result.loaded))}`, '');
  lines.push(summaryHeading(result));
  const last = shownSteps(result).at(-1);
  if (last) lines.push('', ...stepTable(last));
  if (result.expects.length) {
    const passed = result.expects.filter((expect) => expect.pass).length;
    lines.push(
      '',
      `**Expectations:** ${passed} of ${result.expects.length} passed`,
      '',
      ...result.expects.map(expectLine),
    );
  }
  return lines.join('\n') + '\n';
}
