// Files come back byte for byte when a notebook is saved unedited; an edited cell changes only itself.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, NOTEBOOK_TYPE } from '../helpers';
import { readBytes, writeScratch } from './notebooks';

const utf8 = (text: string) => [...new TextEncoder().encode(text)];

/** Makes the notebook dirty without changing what it holds, so saving runs the serializer. */
async function touch(notebook: vscode.NotebookDocument): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.set(notebook.uri, [
    vscode.NotebookEdit.updateNotebookMetadata({ ...notebook.metadata, touchedByTest: Date.now() }),
  ]);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.ok(notebook.isDirty, 'the notebook should be dirty after an edit');
}

async function saveUnedited(
  name: string,
  bytes: number[],
): Promise<{ notebook: vscode.NotebookDocument; saved: number[] }> {
  const uri = await writeScratch(name, Uint8Array.from(bytes));
  const notebook = await vscode.workspace.openNotebookDocument(uri);
  assert.equal(notebook.notebookType, NOTEBOOK_TYPE);
  await touch(notebook);
  assert.ok(await notebook.save(), 'save failed');
  return { notebook, saved: await readBytes(uri) };
}

suite('serializer', () => {
  teardown(closeAllEditors);

  test('a CRLF file with a BOM is saved byte for byte', async () => {
    const text =
      '\uFEFF# Title\r\n\r\nSome *markdown*.\r\n\r\n```lstm\r\nx = 1\r\nstep\r\n```\r\n\r\n<!-- cell -->\r\nMore.\r\n';
    const { notebook, saved } = await saveUnedited('crlf-bom.lstm', utf8(text));
    assert.deepEqual(
      notebook.getCells().map((cell) => [cell.kind, cell.document.getText()]),
      [
        [vscode.NotebookCellKind.Markup, '# Title\n\nSome *markdown*.'],
        [vscode.NotebookCellKind.Code, 'x = 1\nstep'],
        [vscode.NotebookCellKind.Markup, 'More.'],
      ],
    );
    assert.equal(notebook.cellAt(1).document.languageId, 'lstm');
    assert.deepEqual(saved, utf8(text));
  });

  test('bytes that are not UTF-8 are saved byte for byte and reported', async () => {
    const bytes = [
      0xff,
      0xfe,
      0x23,
      0x20,
      0xe9,
      0x0d,
      0x0a,
      0x80,
      0x9f,
      0x0a,
      ...utf8('```lstm\nx = 1 # caf'),
      0xe9,
      ...utf8('\n```\n'),
      0x00,
      0xc3,
    ];
    const { notebook, saved } = await saveUnedited('latin1.lstm', bytes);
    assert.equal(notebook.cellAt(1).kind, vscode.NotebookCellKind.Code);
    assert.equal(notebook.cellAt(1).document.getText(), 'x = 1 # café');
    assert.deepEqual(saved, bytes);
    const problems = vscode.languages.getDiagnostics(notebook.uri);
    assert.ok(
      problems.some((problem) => /not valid UTF-8/.test(problem.message)),
      JSON.stringify(problems),
    );
  });

  test('a file with an unclosed fence keeps its text and reports the fence', async () => {
    const text = 'Intro\n\n```lstm\nx = 1\nstep\n';
    const { notebook, saved } = await saveUnedited('unclosed.lstm', utf8(text));
    assert.equal(notebook.cellCount, 2);
    assert.deepEqual(saved, utf8(text));
    const problems = vscode.languages.getDiagnostics(notebook.uri);
    assert.ok(
      problems.some((problem) => /never closed/.test(problem.message) && problem.range.start.line === 2),
      JSON.stringify(problems),
    );
  });

  test('an empty file opens as an empty notebook and stays empty', async () => {
    const { notebook, saved } = await saveUnedited('empty.lstm', []);
    assert.equal(notebook.cellCount, 0);
    assert.deepEqual(saved, []);
  });

  test('editing one cell rewrites only that cell', async () => {
    const text = '# Keep  this   spacing\r\n\r\n\r\n```lstm\r\nx   =   1\r\n```\r\n\r\n````lstm\r\nstep\r\n````\r\n';
    const uri = await writeScratch('edit.lstm', Uint8Array.from(utf8(text)));
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    const last = notebook.cellAt(2).document;
    edit.replace(last.uri, new vscode.Range(0, 0, 0, 4), 'step x = 0.5');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await notebook.save());
    const expected =
      '# Keep  this   spacing\r\n\r\n\r\n```lstm\r\nx   =   1\r\n```\r\n\r\n```lstm\r\nstep x = 0.5\r\n```\r\n';
    assert.equal(new TextDecoder().decode(Uint8Array.from(await readBytes(uri))), expected);
  });
});
