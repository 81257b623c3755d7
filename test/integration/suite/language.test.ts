// Language features in code cells: problems while typing, quick fixes, completion and hovers.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors } from '../helpers';
import { codeCells, lstmFile, openWithKernel, runCells, waitFor, WEIGHTS_CELL, writeScratch } from './notebooks';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

async function hoverAt(document: vscode.TextDocument, line: number, character: number): Promise<string> {
  return hoverText(
    await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      new vscode.Position(line, character),
    ),
  );
}

suite('language features', () => {
  teardown(closeAllEditors);

  test('a misspelt word is squiggled as you type and a quick fix corrects it', async () => {
    const uri = await writeScratch('diagnostics.lstm', lstmFile('x = 1'));
    const { notebook } = await openWithKernel(uri);
    const [cell] = codeCells(notebook);
    assert.deepEqual(vscode.languages.getDiagnostics(cell.document.uri), []);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(cell.document.uri, new vscode.Position(1, 0), '\nforgte wx = 1');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const [diagnostic] = await waitFor('a diagnostic', () => {
      const found = vscode.languages.getDiagnostics(cell.document.uri);
      return found.length ? found : undefined;
    });
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(
      [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.character],
      [1, 0, 6],
    );
    assert.match(diagnostic.message, /Did you mean "forget"\?/);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      cell.document.uri,
      diagnostic.range,
    );
    const fix = actions.find((action) => action.title === 'Change to "forget"');
    assert.ok(fix?.edit, `no quick fix among ${actions.map((action) => action.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(cell.document.getText(), 'x = 1\nforget wx = 1');
    await waitFor('the diagnostic to go', () => vscode.languages.getDiagnostics(cell.document.uri).length === 0);
  });

  test('completion offers statements, keys and value names', async () => {
    const uri = await writeScratch('completion.lstm', lstmFile('forget \nexpect '));
    const { notebook } = await openWithKernel(uri);
    const [cell] = codeCells(notebook);
    const labelsAt = async (line: number, character: number) => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        cell.document.uri,
        new vscode.Position(line, character),
      );
      return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    };
    const keys = await labelsAt(0, 7);
    for (const key of ['wx', 'wh', 'b', 'W']) assert.ok(keys.includes(key), `${key} missing from ${keys.join(', ')}`);
    const names = await labelsAt(1, 7);
    for (const name of ['c', 'h', 'f', 'z_f', 'tanh_c'])
      assert.ok(names.includes(name), `${name} missing from ${names.join(', ')}`);
    const statements = await labelsAt(0, 0);
    for (const word of ['forget', 'step', 'run', 'expect', 'load'])
      assert.ok(statements.includes(word), `${word} missing from ${statements.join(', ')}`);
  });

  test('hovers explain a word, and give its value once the cell ran', async () => {
    const uri = await writeScratch('hover.lstm', lstmFile(`${WEIGHTS_CELL}\nstep`));
    const { notebook } = await openWithKernel(uri);
    const [cell] = codeCells(notebook);
    const before = await hoverAt(cell.document, 3, 2); // "forget"
    assert.match(before, /forget gate/);
    assert.match(before, /f_t = σ\(W_f·\[h_\{t−1\}, x_t\] \+ b_f\)/);
    assert.doesNotMatch(before, /Last run/);
    await runCells(notebook);
    assert.equal(cell.executionSummary?.success, true);
    assert.match(
      await hoverAt(cell.document, 3, 2),
      /Last run: forget gate f = σ\(6\.40\) = 0\.998: keeps 99\.8% of the long-term memory/,
    );
    assert.match(await hoverAt(cell.document, 2, 0), /long-term memory/); // "c"
    assert.equal(await hoverAt(cell.document, 0, 4), ''); // a number
  });
});
