// What the kernel sends to the renderer, defined once for both sides.
import type { SessionState } from '../core/snapshot';
import type {
  ExpectResult,
  LoadSummary,
  ModelWeights,
  Notation,
  RecordedLoad,
  ShowRequest,
  StepTrace,
} from '../core/types';

export type { Notation };

export const STEP_MIME = 'application/vnd.lstm-notebook.step+json';
export const RENDERER_ID = 'lstm-notebook-renderer';
/** Key of the output metadata that holds the run id of an explorable output. */
export const RUN_ID_KEY = 'lstmRunId';

export interface StepPayload {
  version: 1;
  /** Steps this cell ran, possibly thinned: the first and last ones when there are many. */
  steps: StepTrace[];
  /** How many steps the cell really ran (>= steps.length). */
  totalSteps: number;
  expects: ExpectResult[];
  shows: ShowRequest[];
  /** Weights of the last step, for equations with numbers substituted. Absent when too large to show. */
  weights?: ModelWeights;
  /** The notebook's preferred vocabulary: the walkthroughs' words, or the symbols. */
  notation: Notation;
  /** What the renderer needs to re-run the cell as its numbers are dragged; absent when it cannot. */
  explore?: ExploreData;
  /** Why a cell that ran cleanly has no explore data (the output says so in place of the controls). */
  exploreOff?: ExploreOff;
  /** What this cell's `load` read (format, layout, layers, X, H, head, dtypes, keys unused). */
  loaded?: LoadSummary;
  /** `show layer N`: the steps are layer N's of a stacked model (weights then left out), not the top's. */
  layer?: number;
}

/** Why an output's numbers cannot be dragged: too many steps, too large a cell or model. */
export const EXPLORE_OFF = ['steps', 'size'] as const;
export type ExploreOff = (typeof EXPLORE_OFF)[number];

/** The cell's text as it ran, the kernel's state before it ran, and the models its loads read. */
export interface ExploreData {
  /** Names this run; the host finds the cell by it (the stable API has no output ids), see RUN_ID_KEY. */
  runId: string;
  /** The cell's text as it ran, its comments blanked out (see withoutComments). */
  source: string;
  /** textHash of the cell's exact text as it ran. */
  sourceHash: string;
  before: SessionState;
  /** The models the cell's load statements read, which its re-runs read in place of the files. */
  models?: RecordedLoad[];
}

/** Sent by the renderer: write these values into the cell that produced `outputId`, then re-run it. */
export interface WriteBackMessage {
  type: 'writeBack';
  outputId: string;
  /** The explore data's run id: which cell's output this came from. */
  runId: string;
  /** The explore data's source and hash: the host refuses when the cell's text has changed since. */
  source: string;
  sourceHash: string;
  /** Each changed number: where its literal is in `source` (1-based line and column, length) and its new value. */
  changes: Array<{ line: number; column: number; length: number; value: number }>;
}

/** The host's answer to a write-back. */
export interface WriteBackReply {
  type: 'writeBackResult';
  outputId: string;
  ok: boolean;
  message: string;
}

/** Sent by the renderer to the extension host after drawing one output (used by tests). */
export interface RenderedMessage {
  type: 'rendered';
  outputId: string;
  /** SVG elements drawn by mermaid. */
  diagrams: number;
  /** `.katex` elements drawn. */
  formulas: number;
  curves: number;
  badges: number;
  tables: number;
  errors: string[];
}
