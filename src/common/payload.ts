// What the kernel sends to the renderer, defined once for both sides.
import type { ExpectResult, ModelWeights, Notation, Problem, ShowRequest, StepTrace } from '../core/types';

export type { Notation };

export const STEP_MIME = 'application/vnd.lstm-notebook.step+json';
export const RENDERER_ID = 'lstm-notebook-renderer';

export interface StepPayload {
  version: 1;
  /** Steps this cell ran, possibly thinned: the first and last ones when there are many. */
  steps: StepTrace[];
  /** How many steps the cell really ran (>= steps.length). */
  totalSteps: number;
  expects: ExpectResult[];
  /** Problems reported by the cell (warnings; a cell with errors gets an error output instead). */
  problems: Problem[];
  shows: ShowRequest[];
  /** Weights of the last step, for equations with numbers substituted. Absent when too large to show. */
  weights?: ModelWeights;
  /** The notebook's preferred vocabulary: the walkthroughs' words, or the symbols. */
  notation: Notation;
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
