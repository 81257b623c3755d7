// The one OutputItem and RendererContext fakes for every renderer test and test page (jsdom, Chromium).
// No Node imports: the hostile page and the preview page bundle this for the browser.
import type { OutputItem, RendererContext } from 'vscode-notebook-renderer';
import { STEP_MIME } from '../../src/common/payload';

/** An output item as VS Code hands it to the renderer: `data` serialized once, read back on demand. */
export function outputItem(id: string, data: unknown, mime: string = STEP_MIME): OutputItem {
  const text = JSON.stringify(data);
  return {
    id,
    mime,
    metadata: undefined,
    text: () => text,
    json: () => JSON.parse(text) as unknown,
    data: () => new TextEncoder().encode(text),
    blob: () => new Blob([text]),
  };
}

/** A renderer context with no state and no other renderers; `postMessage` and trust as given. */
export function rendererContext(options: {
  isTrusted: boolean;
  postMessage?: (message: unknown) => void;
}): RendererContext<unknown> {
  return {
    setState: () => undefined,
    getState: () => undefined,
    getRenderer: () => Promise.resolve(undefined),
    postMessage: options.postMessage ?? (() => undefined),
    workspace: { isTrusted: options.isTrusted },
  };
}
