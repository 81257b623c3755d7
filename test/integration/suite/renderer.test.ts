// The renderer draws a step output in the notebook and reports back what it drew.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { RENDERER_ID, type RenderedMessage } from '../../../src/common/payload';
import { closeAllEditors } from '../helpers';
import { lstmFile, openWithKernel, runCells, WEIGHTS_CELL, writeScratch } from './notebooks';

function isRendered(message: unknown): message is RenderedMessage {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'rendered';
}

suite('renderer', () => {
  teardown(closeAllEditors);

  test('a step output is drawn with a diagram and formulas', async () => {
    const messaging = vscode.notebooks.createRendererMessaging(RENDERER_ID);
    const received: RenderedMessage[] = [];
    let resolveDrawn: (message: RenderedMessage) => void = () => {};
    const drawn = new Promise<RenderedMessage>((resolve) => (resolveDrawn = resolve));
    const subscription = messaging.onDidReceiveMessage(({ message }) => {
      if (!isRendered(message)) return;
      received.push(message);
      if (message.diagrams >= 1 && message.formulas >= 1) resolveDrawn(message);
    });
    try {
      const uri = await writeScratch('render.lstm', lstmFile(`${WEIGHTS_CELL}\nstep`));
      const { notebook } = await openWithKernel(uri);
      await runCells(notebook);
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`no complete drawing within 30 s; got ${JSON.stringify(received)}`)), 30_000),
      );
      const message = await Promise.race([drawn, timeout]);
      assert.deepEqual(message.errors, []);
    } finally {
      subscription.dispose();
    }
  });
});
