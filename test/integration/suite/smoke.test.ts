// The extension is there, activates, and a .lstm file opens as an LSTM notebook.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, lessonUris, NOTEBOOK_TYPE, openNotebook, TEST_HOST } from '../helpers';

suite('smoke', () => {
  teardown(closeAllEditors);

  test('the extension is installed and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  // The run in the web worker host must not quietly be a second run in the Node host: the extension's
  // own entry says which one VS Code loaded, and Node's globals are there or not.
  test(`the extension and these tests run in the ${TEST_HOST === 'web' ? 'web worker' : 'Node'} extension host`, async () => {
    const extension = vscode.extensions.getExtension<{ host: string }>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    const api = await extension.activate(); // throws when the extension runs in another host than the tests
    assert.equal(api.host, TEST_HOST, `the extension was loaded from its ${api.host} entry`);
    if (TEST_HOST === 'web') {
      assert.equal(typeof process, 'undefined', "Node's process is there: this is not a web worker");
      assert.equal(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'not a web worker');
      assert.equal(extension.extensionKind, vscode.ExtensionKind.UI);
    } else {
      assert.equal(typeof process.versions.node, 'string');
      assert.equal(extension.extensionKind, vscode.ExtensionKind.Workspace);
    }
  });

  test('a .lstm file opens as an lstm-notebook with cells', async () => {
    const [first] = await lessonUris();
    const editor = await openNotebook(first);
    assert.equal(editor.notebook.notebookType, NOTEBOOK_TYPE);
    assert.ok(editor.notebook.cellCount > 0, `${first.path} opened with no cells`);
    assert.equal(vscode.window.activeNotebookEditor?.notebook.uri.toString(), first.toString());
  });
});
