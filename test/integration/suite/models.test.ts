// load of a real PyTorch .pt in VS Code: the bytes come through workspace.fs, the output says what was
// loaded, and (in the Node host, where links can be resolved) a link out of the workspace is refused.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { STEP_MIME, type StepPayload } from '../../../src/common/payload';
import { closeAllEditors, EXTENSION_ID } from '../helpers';
import { codeCells, ERROR_MIME, lstmFile, openWithKernel, outputJson, runCells, writeScratch } from './notebooks';

suite('trained models', () => {
  teardown(closeAllEditors);

  test('a .pt saved by torch loads through workspace.fs, and the output says what was loaded', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const pt = vscode.Uri.joinPath(extension.extensionUri, 'lessons', 'weights', 'remember-first.pt');
    const copy = await writeScratch('remember-first.pt', await vscode.workspace.fs.readFile(pt));
    const name = copy.path.split('/').pop() ?? '';
    const uri = await writeScratch(
      'model.lstm',
      lstmFile(`load "${name}"\nrun x = [1, 0, 0, 0, 0, 0]\nexpect y = 0.997`),
    );
    const { notebook } = await openWithKernel(uri);
    await runCells(notebook);
    const [cell] = codeCells(notebook);
    assert.equal(cell.executionSummary?.success, true, outputJson<{ message: string }>(cell, ERROR_MIME)?.message);
    const payload = outputJson<StepPayload>(cell, STEP_MIME);
    assert.equal(payload?.loaded?.format, 'PyTorch .pt');
    assert.deepEqual(payload?.loaded?.dtypes, ['float32']);
    assert.deepEqual(payload?.loaded?.head, { name: 'fc', outputs: 1 });
  });
});
