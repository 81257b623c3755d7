// Runs a cell in time slices, pausing between them so the extension host stays responsive and a
// cancel takes effect within one slice. Pure (no `vscode`).
import type { CellExecution } from '../core/session';
import type { CellResult } from '../core/types';

/**
 * Resolves on the next turn of the event loop, after pending I/O and messages: a message to itself, as
 * Node's setImmediate would, but also in the web worker host, and without setTimeout's 4 ms clamp.
 */
const nextTurn = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    // addEventListener and start(): what Node's MessagePort (typed for the extension) and the web's share.
    channel.port1.addEventListener('message', () => {
      channel.port1.close();
      resolve();
    });
    channel.port1.start();
    channel.port2.postMessage(undefined);
  });

export async function runInSlices(
  run: CellExecution,
  sliceMs: number,
  pause: () => Promise<void> = nextTurn,
): Promise<CellResult> {
  while (!run.advance(sliceMs)) await pause();
  return run.result;
}
