// The commands: a new notebook, restart (in kernel.test.ts) and copying the shipped lessons.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, NOTEBOOK_TYPE } from '../helpers';
import { codeCells, openWithKernel, runCells, scratchFolder } from './notebooks';

suite('commands', () => {
  teardown(closeAllEditors);

  test('New LSTM Notebook opens an untitled notebook whose starter cell runs', async () => {
    await vscode.commands.executeCommand('lstm-notebook.new');
    const notebook = vscode.window.activeNotebookEditor?.notebook;
    assert.ok(notebook, 'no notebook editor opened');
    assert.equal(notebook.notebookType, NOTEBOOK_TYPE);
    assert.equal(notebook.isUntitled, true);
    assert.deepEqual(
      notebook.getCells().map((cell) => cell.kind),
      [vscode.NotebookCellKind.Markup, vscode.NotebookCellKind.Code],
    );
    await openWithKernel(notebook);
    await runCells(notebook);
    assert.equal(codeCells(notebook)[0].executionSummary?.success, true);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Copy Lessons copies the shipped lessons and keeps files already there', async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const lessons = vscode.Uri.joinPath(extension.extensionUri, 'lessons');
    const shipped = await vscode.workspace.fs.readDirectory(lessons).then(
      (entries) => entries.filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.lstm')),
      () => undefined,
    );
    assert.ok(shipped?.length, 'the extension ships no lessons/');
    const parent = vscode.Uri.joinPath(scratchFolder(), `copy-${Date.now()}`);
    const target = await vscode.commands.executeCommand<vscode.Uri>('lstm-notebook.copyLessons', parent);
    assert.equal(target.toString(), vscode.Uri.joinPath(parent, 'lstm-lessons').toString());
    const [first] = shipped;
    const copied = vscode.Uri.joinPath(target, first[0]);
    assert.deepEqual(
      [...(await vscode.workspace.fs.readFile(copied))],
      [...(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(lessons, first[0])))],
    );
    await vscode.workspace.fs.writeFile(copied, new TextEncoder().encode('# mine\n'));
    await vscode.commands.executeCommand('lstm-notebook.copyLessons', parent);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(copied)), '# mine\n');
  });

  test('Open Lesson opens the workspace copy of a lesson, copying the lessons first when needed', async () => {
    await vscode.commands.executeCommand('lstm-notebook.openLesson', '02-forget-gate.lstm');
    const opened = vscode.window.activeNotebookEditor?.notebook;
    assert.ok(opened, 'no notebook editor opened');
    assert.equal(opened.notebookType, NOTEBOOK_TYPE);
    assert.match(opened.uri.path, /\/lstm-lessons\/02-forget-gate\.lstm$/);
    await closeAllEditors();
    await vscode.commands.executeCommand('lstm-notebook.openLesson', '02-forget-gate.lstm');
    assert.equal(vscode.window.activeNotebookEditor?.notebook.uri.toString(), opened.uri.toString());
    // A name that climbs out of the lessons folder is refused (with a message): nothing else opens.
    await vscode.commands.executeCommand('lstm-notebook.openLesson', '../package.json');
    assert.equal(vscode.window.activeNotebookEditor?.notebook.uri.toString(), opened.uri.toString());
    const open = vscode.window.tabGroups.all.flatMap((group) => group.tabs).map((tab) => tab.label);
    assert.ok(
      !open.some((label) => label.includes('package.json')),
      `package.json was opened (tabs: ${open.join(', ')})`,
    );
  });
});
