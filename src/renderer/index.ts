// Notebook renderer entry: draws each LSTM step output in its own shadow root. The only module that
// knows about VS Code's renderer API; write-back messages go out and their answers come back here.
import type { ActivationFunction } from 'vscode-notebook-renderer';
import { field } from '../common/field';
import type { RenderedMessage, WriteBackMessage } from '../common/payload';
import { OutputView } from './outputView';
import { readPayload } from './readPayload';

export { mountOutput } from './mount';

export const activate: ActivationFunction = (context) => {
  const views = new Map<string, OutputView>();
  const viewOfElement = new WeakMap<HTMLElement, OutputView>();
  const post = context.postMessage ? (message: RenderedMessage) => context.postMessage?.(message) : undefined;
  const writeBack = context.postMessage ? (message: WriteBackMessage) => context.postMessage?.(message) : undefined;
  context.onDidReceiveMessage?.((data: unknown) => {
    const outputId = field(data, 'outputId');
    if (field(data, 'type') !== 'writeBackResult' || typeof outputId !== 'string') return;
    const message = field(data, 'message');
    views.get(outputId)?.writeBackResult(field(data, 'ok') === true, typeof message === 'string' ? message : '');
  });

  const dispose = (id: string): void => {
    views.get(id)?.dispose();
    views.delete(id);
  };

  return {
    async renderOutputItem(outputItem, element, signal?: AbortSignal) {
      // A newer render of the same output or into the same element supersedes the older one.
      dispose(outputItem.id);
      const previous = viewOfElement.get(element);
      if (previous) dispose(previous.outputId);
      const view = new OutputView(outputItem.id, element, { post, writeBack });
      views.set(outputItem.id, view);
      viewOfElement.set(element, view);
      // Cancelling applies while drawing; a finished output keeps following theme changes.
      const cancel = (): void => view.cancel();
      signal?.addEventListener('abort', cancel);
      try {
        await view.render(() => readPayload(outputItem.json()));
      } finally {
        signal?.removeEventListener('abort', cancel);
      }
    },
    disposeOutputItem(id?: string) {
      if (id !== undefined) return dispose(id);
      for (const key of [...views.keys()]) dispose(key);
    },
  };
};
