// Drives an explorable output: one control per number the cell set, and on every change a re-run of
// the cell through src/core (replayCell) whose result the view repaints once per animation frame.
import type { ExploreData, StepPayload, WriteBackMessage } from '../common/payload';
import { cellLiterals, KEY_WORDS, OWNER_WORDS, type Literal } from '../core/literals';
import { modelNumbersOf, withModelChanges, type ModelNumber } from '../core/modelNumbers';
import { replayCell } from '../core/replay';
import { buildPayload, problemMessage } from '../common/output';
import { ScrubControl } from './scrub';

export interface ExplorerHost {
  /** Repaints the output with a recomputed payload; `settled` when a drag or key burst ended. */
  paint(payload: StepPayload, settled: boolean): void;
  /** A control's value changed (before the repaint of its frame). */
  edited(): void;
  /** Shows why the changed cell cannot run (or clears it with undefined). */
  status(message: string | undefined): void;
}

/** Most numbers of loaded models made sliders; a larger network's weights are left to the cell's text. */
export const MAX_MODEL_SLIDERS = 400;

/** A loaded weight as its slider shows it: 4 significant digits (its step), the exact value behind them. */
function shortText(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** "layer 0, forget gate" (the layer only for a stacked model): a loaded weight's row in the inputs panel. */
export function modelOwnerName(number: ModelNumber, layered: boolean): string {
  const layer = layered && number.owner !== 'dense' ? `layer ${number.layer}, ` : '';
  return `${layer}${OWNER_WORDS[number.owner]}`;
}

/** "layer 0, forget gate, input weight wx [1, 2] (from the file)". */
function modelLabel(number: ModelNumber, layered: boolean): string {
  const element = number.index.map((k) => k + 1).join(', ');
  return `${modelOwnerName(number, layered)}, ${KEY_WORDS[number.key] ?? number.key} [${element}] (from the file)`;
}

export class Explorer {
  readonly literals: Literal[];
  readonly controls: ScrubControl[];
  /** The loaded models' own numbers, each a slider (none when there are over MAX_MODEL_SLIDERS). */
  readonly modelNumbers: ModelNumber[];
  readonly modelControls: ScrubControl[];
  /** How many numbers the loaded models hold in all. */
  readonly modelSize: number;
  /** Whether a loaded model is stacked (its weights are then named by layer). */
  readonly layered: boolean;
  private frame: number | undefined;
  private settlePending = false;
  /** The last payload computed, for tests and write-back. */
  latest: StepPayload | undefined;

  constructor(
    private readonly data: ExploreData,
    private readonly host: ExplorerHost,
  ) {
    this.literals = cellLiterals(data.source, data.before.time);
    this.controls = this.literals.map((literal) => this.control({ text: literal.text, label: literal.label }));
    const numbers = modelNumbersOf(data.models ?? []);
    this.modelSize = numbers.length;
    // A weight the cell's text sets has its slider there; the file's would change nothing the cell runs.
    const written = new Set(
      this.literals.flatMap((l) => (l.key === 'W' ? [`${l.owner}/wx`, `${l.owner}/wh`] : [`${l.owner}/${l.key}`])),
    );
    this.modelNumbers =
      numbers.length <= MAX_MODEL_SLIDERS ? numbers.filter((n) => !written.has(`${n.owner}/${n.key}`)) : [];
    this.layered = (data.models ?? []).some(({ model }) => model.layers.length > 1);
    this.modelControls = this.modelNumbers.map((number) =>
      this.control({ text: shortText(number.value), value: number.value, label: modelLabel(number, this.layered) }),
    );
  }

  /** A slider whose every change re-runs the cell in the next frame. */
  private control(options: { text: string; label: string; value?: number }): ScrubControl {
    return new ScrubControl({
      ...options,
      onChange: () => {
        this.host.edited();
        this.schedule(false);
      },
      onSettle: () => this.schedule(true),
    });
  }

  get changed(): boolean {
    return this.textChanged || this.modelControls.some((control) => control.changed);
  }

  /** Whether a number of the cell's text changed (what Write into the cell can write). */
  get textChanged(): boolean {
    return this.controls.some((control) => control.changed);
  }

  /** The cell re-run with the controls' values, as the payload the kernel would have sent. */
  recompute(): { payload: StepPayload; error?: string } {
    const changes = this.literals
      .map((literal, k) => ({ literal, value: this.controls[k].current }))
      .filter((change, k) => this.controls[k].changed);
    const modelChanges = this.modelNumbers
      .map((number, k) => ({ number, value: this.modelControls[k].current }))
      .filter((change, k) => this.modelControls[k].changed);
    const models = modelChanges.length ? withModelChanges(this.data.models ?? [], modelChanges) : this.data.models;
    const result = replayCell(this.data.source, this.data.before, changes, models);
    const failure = result.errors.find((problem) => problem.severity === 'error');
    const payload = buildPayload(result);
    return failure ? { payload, error: problemMessage(failure) } : { payload };
  }

  resetAll(): void {
    for (const control of [...this.controls, ...this.modelControls]) control.reset();
    this.schedule(true);
  }

  /** The write-back message for the changed numbers of the text (a file's weights are never written), or undefined. */
  writeBack(outputId: string): WriteBackMessage | undefined {
    const changes = this.literals
      .map((literal, k) => ({ literal, control: this.controls[k] }))
      .filter(({ control }) => control.changed)
      .map(({ literal, control }) => ({
        line: literal.line,
        column: literal.column,
        length: literal.length,
        value: control.current,
      }));
    const { runId, source, sourceHash } = this.data;
    return changes.length ? { type: 'writeBack', outputId, runId, source, sourceHash, changes } : undefined;
  }

  dispose(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
  }

  /** One recompute and repaint per animation frame, however many changes arrive in it. */
  private schedule(settled: boolean): void {
    this.settlePending ||= settled;
    if (this.frame !== undefined) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      const settle = this.settlePending;
      this.settlePending = false;
      this.update(settle);
    });
  }

  /** Recomputes and repaints now (the frame callback; tests call it directly). */
  update(settled: boolean): void {
    const { payload, error } = this.recompute();
    this.host.status(error);
    if (payload.steps.length === 0 && error) return; // nothing to draw: keep the last good picture
    this.latest = payload;
    this.host.paint(payload, settled);
  }
}
