// Write-back from explorable outputs: the renderer sends the numbers a learner dragged; this edits
// exactly those literals in the cell that produced the output (one WorkspaceEdit, so one undo step;
// comments and layout untouched) and runs the cell again. Every refusal is answered with a message.
import * as vscode from 'vscode';
import { RENDERER_ID, RUN_ID_KEY, type WriteBackReply } from '../common/payload';
import { field } from '../common/field';
import { isWriteBack, planWriteBack, readWriteBack } from './writeBackPlan';

export function registerWriteBack(): vscode.Disposable {
  const messaging = vscode.notebooks.createRendererMessaging(RENDERER_ID);
  return messaging.onDidReceiveMessage(async ({ editor, message }) => {
    if (!isWriteBack(message)) return;
    const reply = await writeBack(editor.notebook, message);
    await messaging.postMessage(reply, editor);
  });
}

async function writeBack(notebook: vscode.NotebookDocument, data: unknown): Promise<WriteBackReply> {
  const message = readWriteBack(data);
  const sent = field(data, 'outputId');
  const outputId = typeof message !== 'string' ? message.outputId : typeof sent === 'string' ? sent : '';
  const answer = (ok: boolean, text: string): WriteBackReply => ({
    type: 'writeBackResult',
    outputId,
    ok,
    message: text,
  });
  if (typeof message === 'string') return answer(false, message);
  const cell = notebook
    .getCells()
    .find((candidate) => candidate.outputs.some((output) => output.metadata?.[RUN_ID_KEY] === message.runId));
  if (!cell)
    return answer(false, 'The cell that produced this output is no longer in the notebook, so nothing was written.');
  const plan = planWriteBack(message, cell.document.getText());
  if ('error' in plan) return answer(false, plan.error);
  const edit = new vscode.WorkspaceEdit();
  const ranges = plan.edits.map((e) => new vscode.Range(e.line - 1, e.column - 1, e.line - 1, e.column - 1 + e.length));
  edit.set(
    cell.document.uri,
    plan.edits.map((e, k) => vscode.TextEdit.replace(ranges[k], e.text)),
  );
  if (!(await vscode.workspace.applyEdit(edit)))
    return answer(false, 'VS Code did not accept the edit; nothing was written.');
  await vscode.commands.executeCommand('notebook.cell.execute', {
    ranges: [{ start: cell.index, end: cell.index + 1 }],
    document: notebook.uri,
  });
  const count = plan.edits.length === 1 ? '1 number' : `${plan.edits.length} numbers`;
  return answer(true, `Wrote ${count} into the cell and ran it again.`);
}
