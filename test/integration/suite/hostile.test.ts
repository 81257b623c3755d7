// Hostile files in the real VS Code: a file that is not UTF-8, with a BOM, CRLF, lone CR and an unclosed
// fence, opened, edited in one cell and saved keeps every other byte; opened and saved unedited it keeps
// all of them. And a notebook whose cells try to load files outside the workspace reads none of them.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { STEP_MIME, type StepPayload } from '../../../src/common/payload';
import { parseNotebook } from '../../../src/core/notebook';
import { decodeFile } from '../../../src/extension/encoding';
import { closeAllEditors, NOTEBOOK_TYPE } from '../helpers';
import {
  codeCells,
  ERROR_MIME,
  openWithKernel,
  outputItem,
  outputJson,
  readBytes,
  runCells,
  waitFor,
  writeScratch,
} from './notebooks';

const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

/** Weights of one gate for `units` units and one input, small and varied: `wh` is units×units, `wx` units×1. */
function gateWeights(gate: string, units: number, seed: number): string {
  const value = (k: number) => (((k * 7 + seed) % 11) - 5) / 50;
  const row = (r: number) => `[${Array.from({ length: units }, (_, c) => value(r * units + c)).join(', ')}]`;
  const wh = `[${Array.from({ length: units }, (_, r) => row(r)).join(', ')}]`;
  const wx = `[${Array.from({ length: units }, (_, r) => `[${value(r + seed)}]`).join(', ')}]`;
  const b = `[${Array.from({ length: units }, (_, r) => value(r * 3 + seed)).join(', ')}]`;
  return `${gate} wh = ${wh} wx = ${wx} b = ${b}`;
}

/**
 * An LSTM of 32 units with one input, and `steps` inputs in run statements of 49,996 numbers
 * (MAX_STATEMENT_TOKENS), over lines of 1,000. 32 units make each step about 4,000 multiply-adds, so
 * 10⁶ steps run for seconds even on a fast, quiet machine (one unit ran them in under 1.5 s).
 */
function longRunCell(steps: number): string {
  const units = 32;
  const zeros = `[${Array.from({ length: units }, () => 0).join(', ')}]`;
  const lines = [
    `h = ${zeros}`,
    `c = ${zeros}`,
    ...['forget', 'input', 'candidate', 'output'].map((gate, k) => gateWeights(gate, units, k + 1)),
  ];
  for (let done = 0; done < steps; done += 49_996) {
    const count = Math.min(49_996, steps - done);
    const rows: string[] = [];
    for (let k = 0; k < count; k += 1000)
      rows.push(Array.from({ length: Math.min(1000, count - k) }, (_, j) => ((k + j) % 7) / 10).join(', '));
    lines.push(`run x = [${rows.join(',\n')}]`);
  }
  return lines.join('\n');
}

/**
 * Bytes of test/fixtures/hostile/42-hostile-editing.lstm's kind: a UTF-8 BOM, bytes that are not UTF-8
 * (so the file is read as Latin-1), CRLF, a lone LF and a lone CR, C1 controls, and a last code cell
 * whose fence is never closed and that holds markup.
 */
const HOSTILE = Uint8Array.from([
  0xef,
  0xbb,
  0xbf,
  ...ascii('# Hostile editing '),
  0xe9,
  0xff,
  ...ascii('\r\n\r\n'),
  ...ascii('```lstm\r\nx = 1 # caf'),
  0xe9,
  ...ascii('\r\nh = 1\nc = 5\r\n'),
  ...ascii(
    'forget wx = 1.75 wh = 3.25 b = 1.40\r\ninput wx = 2.30 wh = 1.85 b = 0.45\r\ncandidate wx = 0.45 wh = 0.35 b = -0.05\r\noutput wx = -0.03 wh = 4.67 b = 0.50\r\n```\r\n\r\n',
  ),
  ...ascii('Middle '),
  0x80,
  0x9f,
  ...ascii(' <script>pwn()</script> markdown\r'),
  ...ascii('\r\n```lstm\r\nstep\r\nexpect c = 5.62\r\n\r\n<b>still in the open cell</b> '),
  0xc3,
  ...ascii('\r\n'),
]);

const startsWith = (bytes: number[], prefix: number[]) => prefix.every((b, k) => bytes[k] === b);
const endsWith = (bytes: number[], suffix: number[]) =>
  suffix.every((b, k) => bytes[bytes.length - suffix.length + k] === b);
/** The bytes of a Latin-1 text (every character is one byte). */
const latin1 = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

/** The exact text slice of each cell, as the core reads the file. */
function slices(bytes: Uint8Array): string[] {
  const { text, encoding } = decodeFile(bytes);
  assert.equal(encoding, 'latin1');
  const doc = parseNotebook(text);
  assert.equal(doc.bom, '', 'bytes that are not UTF-8 are read as Latin-1: no BOM character');
  return doc.cells.map((cell) => cell.layout?.text ?? '');
}

async function touch(notebook: vscode.NotebookDocument): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.set(notebook.uri, [
    vscode.NotebookEdit.updateNotebookMetadata({ ...notebook.metadata, touchedByHostileTest: Date.now() }),
  ]);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

suite('hostile files', () => {
  teardown(closeAllEditors);

  test('a file that is not UTF-8, with a BOM, CRLF, lone CR and an unclosed fence opens and saves unedited byte for byte', async () => {
    const uri = await writeScratch('hostile-unedited.lstm', HOSTILE);
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    assert.equal(notebook.notebookType, NOTEBOOK_TYPE);
    assert.deepEqual(
      notebook.getCells().map((cell) => cell.kind),
      [
        vscode.NotebookCellKind.Markup,
        vscode.NotebookCellKind.Code,
        vscode.NotebookCellKind.Markup,
        vscode.NotebookCellKind.Code,
      ],
    );
    assert.equal(notebook.cellAt(1).document.getText().split('\n')[0], 'x = 1 # café');
    await vscode.window.showNotebookDocument(notebook);
    await touch(notebook);
    assert.ok(await notebook.save(), 'save failed');
    assert.deepEqual(await readBytes(uri), [...HOSTILE]);
    const problems = vscode.languages.getDiagnostics(notebook.uri).map((problem) => problem.message);
    assert.ok(
      problems.some((message) => /not valid UTF-8/.test(message)),
      JSON.stringify(problems),
    );
    assert.ok(
      problems.some((message) => /never closed/.test(message)),
      JSON.stringify(problems),
    );
  });

  test('editing the code cell between them (a WorkspaceEdit on the cell) leaves every byte before and after it as it was', async () => {
    const uri = await writeScratch('hostile-edit-middle.lstm', HOSTILE);
    const [first, , third, fourth] = slices(HOSTILE);
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    await vscode.window.showNotebookDocument(notebook);
    const cell = notebook.cellAt(1).document;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(cell.uri, new vscode.Range(0, 0, 0, cell.lineAt(0).text.length), 'x = 0.5 # naïve σ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await notebook.save(), 'save failed');
    const saved = await readBytes(uri);
    // The first cell's slice starts with the BOM's three bytes, read as three Latin-1 characters.
    assert.ok(startsWith(saved, latin1(first)), 'the first markdown cell (BOM, bytes not UTF-8) changed');
    assert.ok(endsWith(saved, latin1(third + fourth)), 'the cells after the edited one changed');
    // The edited cell is written anew with the file's line end; ï is one Latin-1 byte, σ (not Latin-1) its UTF-8 bytes.
    const middle = saved.slice(first.length, saved.length - (third + fourth).length);
    assert.deepEqual(middle, [
      ...ascii('```lstm\r\nx = 0.5 # na'),
      0xef,
      ...ascii('ve '),
      0xcf,
      0x83,
      ...ascii('\r\nh = 1\r\nc = 5\r\n'),
      ...ascii(
        'forget wx = 1.75 wh = 3.25 b = 1.40\r\ninput wx = 2.30 wh = 1.85 b = 0.45\r\ncandidate wx = 0.45 wh = 0.35 b = -0.05\r\noutput wx = -0.03 wh = 4.67 b = 0.50\r\n```\r\n',
      ),
    ]);
  });

  test('editing the unclosed last cell (a NotebookEdit replacing it) keeps every byte before it and closes its fence', async () => {
    const uri = await writeScratch('hostile-edit-last.lstm', HOSTILE);
    const [first, second, third] = slices(HOSTILE);
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    await vscode.window.showNotebookDocument(notebook);
    const last = notebook.cellAt(3);
    const replacement = new vscode.NotebookCellData(vscode.NotebookCellKind.Code, 'step\nexpect c = 5.62', 'lstm');
    replacement.metadata = last.metadata; // the old layout no longer matches the source, so the cell is written anew
    const edit = new vscode.WorkspaceEdit();
    edit.set(notebook.uri, [vscode.NotebookEdit.replaceCells(new vscode.NotebookRange(3, 4), [replacement])]);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await notebook.save(), 'save failed');
    const saved = await readBytes(uri);
    const before = latin1(first + second + third);
    assert.ok(startsWith(saved, before), 'the cells before the edited one changed');
    assert.deepEqual(saved.slice(before.length), ascii('```lstm\r\nstep\r\nexpect c = 5.62\r\n```\r\n'));
    assert.equal(parseNotebook(decodeFile(Uint8Array.from(saved)).text).problems.length, 0, 'the fence is closed now');
  });

  test('load refuses files outside the workspace folder and reads none of them', async () => {
    const uri = await writeScratch(
      'hostile-load.lstm',
      [
        '# load',
        '',
        ...[
          '../../etc/passwd',
          '/etc/passwd',
          '..\\..\\etc\\passwd',
          'integration-scratch/../../../etc/passwd',
          '/proc/self/environ',
          'file:///etc/passwd',
          '~/.bashrc',
        ].map((path) => '```lstm\nload "' + path + '"\n```\n'),
      ].join('\n'),
    );
    const { notebook } = await openWithKernel(uri);
    await runCells(notebook);
    const cells = codeCells(notebook);
    assert.equal(cells.length, 7);
    for (const cell of cells) {
      assert.equal(cell.executionSummary?.success, false);
      const error = outputJson<{ message: string }>(cell, ERROR_MIME)?.message ?? '';
      assert.match(error, /^line 1, column 6: /, error);
      assert.doesNotMatch(error, /root:|PATH=|HOME=/, 'the content of a file outside the workspace reached an output');
      assert.equal(outputItem(cell, STEP_MIME), undefined);
    }
    const messages = cells.map((cell) => outputJson<{ message: string }>(cell, ERROR_MIME)?.message ?? '');
    assert.equal(messages.filter((message) => /points elsewhere/.test(message)).length, 5, messages.join('\n'));
  });

  test('a notebook of script-laden markdown and comments runs, and its step output holds numbers and the statements only', async () => {
    const uri = await writeScratch(
      'hostile-markup.lstm',
      [
        '# <script>pwn("PWN")</script> <img src=x onerror=pwn()>',
        '',
        '```lstm',
        'x = 1 # <img src=x onerror=pwn()>',
        'h = 1',
        'c = 5',
        'forget wx = 1.75 wh = 3.25 b = 1.40 # %%{init: {"securityLevel":"loose"}}%%',
        'input wx = 2.30 wh = 1.85 b = 0.45 # click lstm1_x call pwn()',
        'candidate wx = 0.45 wh = 0.35 b = -0.05 # \\href{javascript:pwn()}{x}',
        'output wx = -0.03 wh = 4.67 b = 0.50',
        'step # <script>pwn()</script>',
        'expect c = 5.62 # <b>PWN</b>',
        '```',
        '',
      ].join('\n'),
    );
    const { notebook } = await openWithKernel(uri);
    await runCells(notebook);
    const [cell] = codeCells(notebook);
    assert.equal(cell.executionSummary?.success, true);
    const payload = outputJson<StepPayload>(cell, STEP_MIME);
    assert.deepEqual(
      payload?.expects.map((e) => e.text),
      ['expect c = 5.62'],
    );
    const json = JSON.stringify(payload);
    for (const mark of ['PWN', 'pwn', 'script', 'javascript', '%%', 'click', 'href', '<'])
      assert.ok(!json.includes(mark), `the payload holds ${mark}`);
    const markdown = new TextDecoder().decode(outputItem(cell, 'text/markdown')?.data);
    for (const mark of ['PWN', 'pwn', 'script', '<'])
      assert.ok(!markdown.includes(mark), `the markdown summary holds ${mark}`);
  });

  test('a cell of 10⁶ steps keeps the extension host answering, and an interrupt ends it (times logged)', async () => {
    const uri = await writeScratch(
      'hostile-long-run.lstm',
      '# long\n\n```lstm\n' + longRunCell(1_000_000) + '\n```\n\n```lstm\nstep\n```\n',
    );
    const { notebook } = await openWithKernel(uri);
    const cells = codeCells(notebook);
    let worstLag = 0;
    let last = Date.now();
    const sampler = setInterval(() => {
      const now = Date.now();
      worstLag = Math.max(worstLag, now - last - 10);
      last = now;
    }, 10);
    try {
      const since = Date.now();
      void vscode.commands.executeCommand('notebook.execute', notebook.uri);
      await waitFor(
        'the long cell to start',
        () => cells[0].executionSummary?.executionOrder !== undefined || undefined,
        30_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const interruptedAt = Date.now();
      await vscode.commands.executeCommand('notebook.cancelExecution', notebook.uri);
      await waitFor(
        'the long cell to stop',
        () => (cells[0].executionSummary?.timing?.endTime ?? 0) >= since || undefined,
        20_000,
      );
      const stoppedAfter = (cells[0].executionSummary?.timing?.endTime ?? 0) - interruptedAt;
      console.log(
        `      (10⁶-step cell: worst timer lag ${worstLag} ms while it ran; ended ${stoppedAfter} ms after the interrupt command)`,
      );
      assert.equal(cells[0].executionSummary?.success, false);
      assert.match(outputJson<{ message: string }>(cells[0], ERROR_MIME)?.message ?? '', /Interrupted/);
      // Generous bounds (a shared, loaded machine): the measured numbers are in the log line above. The
      // whole cell runs for about 30 s (the CLI, on a 2-core machine); the web worker host, loaded by the
      // e2e tests beside it, once took 3.4 s to stop, where it usually takes under 1 s.
      assert.ok(stoppedAfter < 10_000, `the cell ended ${stoppedAfter} ms after the interrupt`);
      assert.ok(worstLag < 5000, `a 10 ms timer fired ${worstLag} ms late`);
    } finally {
      clearInterval(sampler);
    }
  });
});
