// The one place the exported page meets the renderer: draws a payload into an element as VS Code's
// renderer does (its own shadow root), so switching to another mount function is a one-line change.
import { OutputView } from '../../renderer/outputView';
import { readPayload } from '../../renderer/readPayload';

export function mountOutput(element: HTMLElement, id: string, data: unknown): Promise<void> {
  return new OutputView(id, element).render(() => readPayload(data));
}
