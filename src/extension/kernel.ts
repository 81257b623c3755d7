// The LSTM kernel: one controller, one Session per notebook, cells run strictly one after another.
// A cell runs in slices of SLICE_MS, yielding to the extension host between them, so the host stays
// responsive and an interrupt stops the cell within one slice.
import * as vscode from 'vscode';
import { RUN_ID_KEY, STEP_MIME } from '../common/payload';
import { parseCell } from '../core/parser';
import { Session, type CellExecution } from '../core/session';
import type { CellResult } from '../core/types';
import type { CellDiagnostics } from './diagnostics';
import type { ResultHints } from './inlayHints';
import { readLoadFiles, type LoadedFile } from './loadFiles';
import { buildPayload, errorText, hasErrors, markdownSummary, type RunToExplore } from '../common/output';
import type { CellResults } from './results';
import { runInSlices } from './slices';
import { CELL_LANGUAGE, NOTEBOOK_TYPE } from './serializer';

const KERNEL_ID = 'lstm-kernel';
const SLICE_MS = 20;

/** What the kernel keeps per notebook, like a Jupyter kernel process. */
interface NotebookState {
  session: Session;
  /** Files read for the cell about to run; the session's readFile looks here. */
  files: Map<string, LoadedFile>;
  /** The last execution order number handed out. */
  order: number;
  /** The cells queued or running: each batch runs after the one before it. */
  queue: Promise<void>;
  running?: CellExecution;
  /** Bumped by interrupt and restart: batches queued under an older generation don't run. */
  generation: number;
}

export class LstmKernel implements vscode.Disposable {
  private readonly controller = vscode.notebooks.createNotebookController(KERNEL_ID, NOTEBOOK_TYPE, 'LSTM');
  private readonly notebooks = new Map<string, NotebookState>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly results: CellResults,
    private readonly diagnostics: CellDiagnostics,
    private readonly hints?: ResultHints,
  ) {
    this.controller.supportedLanguages = [CELL_LANGUAGE];
    this.controller.supportsExecutionOrder = true;
    this.controller.description = 'Computes every gate, step by step';
    this.controller.executeHandler = (cells, notebook) => this.execute(cells, notebook);
    this.controller.interruptHandler = (notebook) => this.interrupt(notebook);
    this.subscriptions.push(
      vscode.workspace.onDidOpenNotebookDocument((notebook) => this.prefer(notebook)),
      vscode.workspace.onDidCloseNotebookDocument((notebook) => this.forget(notebook)),
    );
    for (const notebook of vscode.workspace.notebookDocuments) this.prefer(notebook);
  }

  /** Forgets the notebook's weights, state and execution count, as restarting a Jupyter kernel does. */
  restart(notebook: vscode.NotebookDocument): void {
    this.forget(notebook);
  }

  dispose(): void {
    for (const state of this.notebooks.values()) this.stop(state);
    this.notebooks.clear();
    this.controller.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private prefer(notebook: vscode.NotebookDocument): void {
    if (notebook.notebookType === NOTEBOOK_TYPE)
      this.controller.updateNotebookAffinity(notebook, vscode.NotebookControllerAffinity.Preferred);
  }

  private stateOf(notebook: vscode.NotebookDocument): NotebookState {
    const key = notebook.uri.toString();
    let state = this.notebooks.get(key);
    if (!state) {
      const files = new Map<string, LoadedFile>();
      const session = new Session({
        // A getter, so trusting the workspace later enables load without a restart.
        get allowLoad() {
          return vscode.workspace.isTrusted;
        },
        readFile: (path) => files.get(path) ?? { error: `"${path}" was not read.` },
      });
      state = { session, files, order: 0, queue: Promise.resolve(), generation: 0 };
      this.notebooks.set(key, state);
    }
    return state;
  }

  private execute(cells: vscode.NotebookCell[], notebook: vscode.NotebookDocument): Promise<void> {
    const state = this.stateOf(notebook);
    const generation = state.generation;
    const executions: vscode.NotebookCellExecution[] = [];
    for (const cell of cells) {
      if (cell.kind !== vscode.NotebookCellKind.Code || cell.document.languageId !== CELL_LANGUAGE) continue;
      try {
        executions.push(this.controller.createNotebookCellExecution(cell)); // shown as queued until it starts
      } catch {
        // Already queued or running, or removed from the notebook meanwhile: nothing to add.
      }
    }
    const batch = async () => {
      for (const execution of executions) {
        if (state.generation !== generation)
          execution.end(undefined); // interrupted before its turn
        else await this.runCell(execution, state, notebook, generation);
      }
    };
    state.queue = state.queue.then(batch, batch);
    return state.queue;
  }

  private async runCell(
    execution: vscode.NotebookCellExecution,
    state: NotebookState,
    notebook: vscode.NotebookDocument,
    generation: number,
  ): Promise<void> {
    let success = false;
    let shown: Thenable<void> = Promise.resolve();
    let ran: { source: string; result: CellResult } | undefined;
    try {
      // Inside the try: should the cell be gone already, the error shows and the batch goes on.
      execution.executionOrder = ++state.order;
      execution.start(Date.now());
      const source = execution.cell.document.getText();
      await this.readFiles(source, state, notebook);
      const before = state.session.snapshot(); // for outputs that re-run the cell as a number is dragged
      const run = state.session.start(source);
      state.running = run;
      if (state.generation !== generation) run.cancel(); // interrupted while the files were read
      const cancel = execution.token.onCancellationRequested(() => run.cancel());
      let result: CellResult;
      try {
        result = await runInSlices(run, SLICE_MS);
      } finally {
        cancel.dispose();
        state.running = undefined;
      }
      success = !hasErrors(result) && result.ok;
      shown = this.report(execution, result, notebook, { runId: newRunId(), source, before });
      ran = { source, result };
    } catch (error) {
      shown = execution.replaceOutput(
        new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.error(asError(error))]),
      );
    } finally {
      // end() sends the queued output edits first, so the cell ends as soon as its run does,
      // not after the outputs' round trip to the workbench.
      try {
        execution.end(success, Date.now());
      } catch {
        // The cell was removed from the notebook meanwhile: there is nothing left to end.
      }
    }
    if (ran) this.hints?.publish(execution.cell.document, ran.source, ran.result); // after end: hints can wait
    await Promise.resolve(shown).catch(() => undefined); // the cell may have been deleted meanwhile
  }

  /** Reads the files the cell loads into `state.files`, where the session's readFile finds them. */
  private async readFiles(source: string, state: NotebookState, notebook: vscode.NotebookDocument): Promise<void> {
    state.files.clear();
    if (!vscode.workspace.isTrusted || !/\bload\b/.test(source)) return; // a parse only for cells that may load
    // Only the lines that start with load (a load statement is one line): parsing a whole 10 MB cell
    // here, synchronously before the sliced run, blocked the extension host for seconds.
    const loads = source.match(/^[ \t\f\v\u00a0\ufeff]*load\b[^\r\n]*/gm)?.join('\n') ?? '';
    for (const [path, file] of await readLoadFiles(notebook.uri, parseCell(loads).statements))
      state.files.set(path, file);
  }

  /** Shows a finished cell's outputs and squiggles. */
  private report(
    execution: vscode.NotebookCellExecution,
    result: CellResult,
    notebook: vscode.NotebookDocument,
    explore: RunToExplore,
  ): Thenable<void> {
    this.results.set(notebook.uri.toString(), execution.cell.document.uri.toString(), result);
    this.diagnostics.setRunProblems(
      execution.cell.document,
      result.errors.filter((problem) => problem.severity === 'error'),
    );
    const outputs: vscode.NotebookCellOutput[] = [];
    const failed = hasErrors(result);
    if (!failed || result.steps.length > 0) {
      outputs.push(
        new vscode.NotebookCellOutput(
          [
            vscode.NotebookCellOutputItem.json(buildPayload(result, explore), STEP_MIME),
            vscode.NotebookCellOutputItem.text(markdownSummary(result), 'text/markdown'),
          ],
          { [RUN_ID_KEY]: explore.runId },
        ),
      );
    }
    if (failed)
      outputs.push(
        new vscode.NotebookCellOutput([
          vscode.NotebookCellOutputItem.error({ name: 'LSTM', message: errorText(result) }),
        ]),
      );
    return execution.replaceOutput(outputs);
  }

  private interrupt(notebook: vscode.NotebookDocument): void {
    const state = this.notebooks.get(notebook.uri.toString());
    if (state) this.stop(state);
  }

  /** Cancels the running cell and drops the queued ones. */
  private stop(state: NotebookState): void {
    state.generation++;
    state.running?.cancel();
  }

  private forget(notebook: vscode.NotebookDocument): void {
    const key = notebook.uri.toString();
    const state = this.notebooks.get(key);
    if (state) this.stop(state);
    this.notebooks.delete(key);
    this.results.clear(key);
    if (!notebook.isClosed) this.hints?.clear(notebook);
  }
}

function asError(error: unknown): Error {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}

/** A name for one run of one cell, unique in practice (it only has to tell this notebook's outputs apart). */
function newRunId(): string {
  // Hex only: a run id is payload text, and hex can spell no markup.
  return `${Date.now().toString(16)}-${Math.floor(Math.random() * 2 ** 32).toString(16)}`;
}
