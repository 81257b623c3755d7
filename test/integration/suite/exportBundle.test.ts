// The exporters' bundle (dist/export/exporter.js) loaded as the extension loads it on first export
// (src/extension/bundledModule.ts: read through workspace.fs, evaluated as CommonJS), in both hosts:
// it runs a lesson and writes Markdown, Jupyter and HTML, and the result is written back through
// workspace.fs, which is all the browser allows.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import type { exportNotebook } from '../../../src/export/exportNotebook';
import { loadBundledModule } from '../../../src/extension/bundledModule';
import { EXTENSION_ID, lessonUris } from '../helpers';
import { scratchFolder } from './notebooks';

type Exporter = { exportNotebook: typeof exportNotebook };

suite('export, through the bundle loaded on first use', () => {
  test('a lesson exports to Markdown, Jupyter and HTML, and the files are written through workspace.fs', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const { exportNotebook: run } = await loadBundledModule<Exporter>(
      extension.extensionUri,
      'dist/export/exporter.js',
    );
    const [lesson] = await lessonUris();
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(lesson));
    const input = { file: lesson.path, text };
    const read = async (name: string) =>
      new TextDecoder().decode(
        await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'dist/export', name)),
      );
    const assets = {
      script: await read('page.js'),
      scriptHash: await read('page.js.sha256'),
      katexCss: await read('katex.css'),
    };

    const markdown = run('md', input);
    assert.match(markdown, /^# /m, 'the Markdown has no heading');
    const ipynb = JSON.parse(run('ipynb', input)) as { nbformat: number; cells: { cell_type: string }[] };
    assert.equal(ipynb.nbformat, 4);
    assert.ok(
      ipynb.cells.some((cell) => cell.cell_type === 'code'),
      'the notebook has no code cell',
    );
    const html = run('html', input, {}, assets);
    assert.match(html, /^<!doctype html>/);
    assert.ok(html.includes(assets.scriptHash), "the page's CSP does not name its script");

    const out = vscode.Uri.joinPath(scratchFolder(), 'export', 'lesson.html');
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(out, '..'));
    await vscode.workspace.fs.writeFile(out, new TextEncoder().encode(html));
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(out)), html);
  });
});
