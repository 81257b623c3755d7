// Authoring in a real VS Code: Format Document on a code cell, live values as inlay hints after a run
// (gone from an edited line, off with the setting), and "LSTM: New Lesson".
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors } from '../helpers';
import { codeCells, lstmFile, openWithKernel, runCells, waitFor, WEIGHTS_CELL, writeScratch } from './notebooks';

const SETTING = 'lstmNotebook.inlayHints.enabled';

async function hintLabels(document: vscode.TextDocument): Promise<[number, string][]> {
  const range = new vscode.Range(0, 0, document.lineCount, 0);
  const hints =
    (await vscode.commands.executeCommand<vscode.InlayHint[]>(
      'vscode.executeInlayHintProvider',
      document.uri,
      range,
    )) ?? [];
  return hints.map((hint) => [
    hint.position.line,
    typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join(''),
  ]);
}

suite('authoring', () => {
  teardown(async () => {
    await vscode.workspace.getConfiguration().update(SETTING, undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  test('Format Document lays a code cell out as a table and never touches a number', async () => {
    const uri = await writeScratch(
      'format.lstm',
      lstmFile('x=1.50   \nforget wx=1.75 wh = 3.25 b=1.40\noutput wx=-0.03 wh=4.67 b=0.50'),
    );
    const { notebook } = await openWithKernel(uri);
    const [cell] = codeCells(notebook);
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>(
      'vscode.executeFormatDocumentProvider',
      cell.document.uri,
      { tabSize: 2, insertSpaces: true },
    );
    assert.ok(edits?.length, 'no formatting edits');
    const edit = new vscode.WorkspaceEdit();
    edit.set(cell.document.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(
      cell.document.getText(),
      'x = 1.50\nforget     wx = 1.75   wh = 3.25  b = 1.40\noutput     wx = -0.03  wh = 4.67  b = 0.50',
    );
  });

  test('after a run, inlay hints show the step and the expects; an edited line loses its hint; the setting hides all', async () => {
    const uri = await writeScratch('hints.lstm', lstmFile(`${WEIGHTS_CELL}\nstep\nexpect c = 5.62\nexpect f = 0.9`));
    const { notebook } = await openWithKernel(uri);
    const [cell] = codeCells(notebook);
    assert.deepEqual(await hintLabels(cell.document), []);
    await runCells(notebook);
    // The walkthrough's step, as PyTorch computes it: f 0.998, i 0.990, C 5.62, h 0.994, y 2.99.
    const expected: [number, string][] = [
      [8, '▸ forget 0.998 · input 0.990 · long-term 5.62 · short-term 0.994 · prediction 2.99'],
      [9, '✓ 5.62053'],
      [10, '✗ 0.998341'],
    ];
    assert.deepEqual(await waitForHints(cell.document, 3), expected);

    const edit = new vscode.WorkspaceEdit();
    edit.insert(cell.document.uri, new vscode.Position(9, 15), '0');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.deepEqual(await hintLabels(cell.document), [expected[0], expected[2]]);

    await vscode.workspace.getConfiguration().update(SETTING, false, vscode.ConfigurationTarget.Global);
    assert.deepEqual(await hintLabels(cell.document), []);
  });

  test('"LSTM: New Lesson" opens a lesson whose cells run and pass', async () => {
    await vscode.commands.executeCommand('lstm-notebook.newLesson');
    const notebook = await waitFor('the new lesson', () => vscode.window.activeNotebookEditor?.notebook);
    assert.deepEqual(
      notebook.getCells().map((cell) => cell.kind),
      [1, 1, 2, 1, 2].map((kind) => kind as vscode.NotebookCellKind),
    );
    await openWithKernel(notebook);
    await runCells(notebook);
    for (const cell of codeCells(notebook)) assert.equal(cell.executionSummary?.success, true, cell.document.getText());
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

async function waitForHints(document: vscode.TextDocument, count: number): Promise<[number, string][]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const labels = await hintLabels(document);
    if (labels.length >= count || Date.now() > deadline) return labels;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
