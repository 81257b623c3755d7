// Mounts one output into an element with no VS Code around it (exported pages, the preview page):
// the payload is validated as in VS Code; write-back exists only when a `writeBack` sender is given.
import type { RenderedMessage, WriteBackMessage } from '../common/payload';
import { OutputView } from './outputView';
import { readPayload } from './readPayload';

export interface MountOptions {
  post?: (message: RenderedMessage) => void;
  writeBack?: (message: WriteBackMessage) => void;
}

let mounted = 0;

export async function mountOutput(
  element: HTMLElement,
  payload: unknown,
  options: MountOptions = {},
): Promise<OutputView> {
  const view = new OutputView(`page-output-${++mounted}`, element, options);
  await view.render(() => readPayload(payload));
  return view;
}
