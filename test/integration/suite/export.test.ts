// "LSTM: Export as HTML / Jupyter Notebook / Markdown" in the real VS Code: the notebook as it is in
// the editor (an unsaved edit included), with the files its cells load read through the workspace,
// exported by the same code as the CLI. The tests pass the destination, as a script would, so no save
// dialog opens. The same in the web worker host, where the exporter bundle is read through workspace.fs.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, lessonUris, openNotebook } from '../helpers';
import { scratchFolder } from './notebooks';

const FORMATS = ['html', 'ipynb', 'md'] as const;

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

suite('export', () => {
  teardown(closeAllEditors);

  test('the three export commands are registered', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate(); // when this test runs alone
    const commands = await vscode.commands.getCommands(true);
    for (const format of FORMATS) assert.ok(commands.includes(`lstm-notebook.exportAs.${format}`), format);
  });

  test('exports the open notebook, unsaved edit and loaded weights included, to each format', async () => {
    const lesson = (await lessonUris()).find((uri) => uri.path.endsWith('07-real-weights.lstm'));
    assert.ok(lesson, 'the workspace has lesson 7 (it loads trained weights)');
    const editor = await openNotebook(lesson);
    const markdown = editor.notebook.getCells().find((cell) => cell.kind === vscode.NotebookCellKind.Markup);
    assert.ok(markdown);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(markdown.document.uri, new vscode.Position(0, 0), 'Edited, not saved.\n\n');
    assert.ok(await vscode.workspace.applyEdit(edit));

    const targets = Object.fromEntries(
      FORMATS.map((format) => [format, vscode.Uri.joinPath(scratchFolder(), `export-${Date.now()}.${format}`)]),
    );
    const written: (vscode.Uri | undefined)[] = [];
    for (const format of FORMATS)
      written.push(
        await vscode.commands.executeCommand<vscode.Uri | undefined>(
          `lstm-notebook.exportAs.${format}`,
          editor.notebook.uri,
          targets[format],
        ),
      );

    assert.deepEqual(
      written.map((uri) => uri?.toString()),
      FORMATS.map((format) => targets[format].toString()),
    );
    const md = await readText(targets.md);
    assert.match(md, /^Edited, not saved\.\n\n# /);
    assert.match(md, /```lstm\n/);
    assert.doesNotMatch(md, /\*\*Error\*\*/, 'a cell failed: the loaded weights were not found');
    assert.doesNotMatch(md, /❌ fail/);
    assert.match(md, /```mermaid\nflowchart TB/);

    const ipynb = JSON.parse(await readText(targets.ipynb)) as { nbformat_minor: number; cells: unknown[] };
    assert.equal(ipynb.nbformat_minor, 5);
    assert.equal(ipynb.cells.length, editor.notebook.cellCount);

    const html = await readText(targets.html);
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-/);
    assert.ok(html.length > 1_000_000, 'the renderer, mermaid and KaTeX are inlined');
    assert.match(html, /Edited, not saved\./);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
