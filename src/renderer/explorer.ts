// Drives an explorable output: one control per number the cell set, and on every change a re-run of
// the cell through src/core (replayCell) whose result the view repaints once per animation frame.
import type { ExploreData, StepPayload, WriteBackMessage } from '../common/payload';
import { cellLiterals, type Literal } from '../core/literals';
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

export class Explorer {
  readonly literals: Literal[];
  readonly controls: ScrubControl[];
  private frame: number | undefined;
  private settlePending = false;
  /** The last payload computed, for tests and write-back. */
  latest: StepPayload | undefined;

  constructor(
    private readonly data: ExploreData,
    private readonly host: ExplorerHost,
  ) {
    this.literals = cellLiterals(data.source, data.before.time);
    this.controls = this.literals.map(
      (literal) =>
        new ScrubControl({
          text: literal.text,
          label: literal.label,
          onChange: () => {
            this.host.edited();
            this.schedule(false);
          },
          onSettle: () => this.schedule(true),
        }),
    );
  }

  get changed(): boolean {
    return this.controls.some((control) => control.changed);
  }

  /** The cell re-run with the controls' values, as the payload the kernel would have sent. */
  recompute(): { payload: StepPayload; error?: string } {
    const changes = this.literals
      .map((literal, k) => ({ literal, value: this.controls[k].current }))
      .filter((change, k) => this.controls[k].changed);
    const result = replayCell(this.data.source, this.data.before, changes, this.data.models);
    const failure = result.errors.find((problem) => problem.severity === 'error');
    const payload = buildPayload(result);
    return failure ? { payload, error: problemMessage(failure) } : { payload };
  }

  resetAll(): void {
    for (const control of this.controls) control.reset();
    this.schedule(true);
  }

  /** The write-back message for the changed values, or undefined when nothing changed. */
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
