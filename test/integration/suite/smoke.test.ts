// The extension is there, activates, and a .lstm file opens as an LSTM notebook.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, lessonUris, NOTEBOOK_TYPE, openNotebook } from '../helpers';

suite('smoke', () => {
  teardown(closeAllEditors);

  test('the extension is installed and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  test('a .lstm file opens as an lstm-notebook with cells', async () => {
    const [first] = await lessonUris();
    const editor = await openNotebook(first);
    assert.equal(editor.notebook.notebookType, NOTEBOOK_TYPE);
    assert.ok(editor.notebook.cellCount > 0, `${first.path} opened with no cells`);
    assert.equal(vscode.window.activeNotebookEditor?.notebook.uri.toString(), first.toString());
  });
});
