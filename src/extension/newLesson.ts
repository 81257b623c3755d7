// "LSTM: New Lesson": an untitled notebook scaffolded from LESSON_TEMPLATE, ready to edit and run.
import * as vscode from 'vscode';
import { LESSON_TEMPLATE } from './lessonTemplate';
import { CELL_LANGUAGE, NOTEBOOK_TYPE } from './serializer';

export async function newLesson(): Promise<vscode.NotebookDocument> {
  const cells = LESSON_TEMPLATE.map((cell) =>
    cell.kind === 'code'
      ? new vscode.NotebookCellData(vscode.NotebookCellKind.Code, cell.source, CELL_LANGUAGE)
      : new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, cell.source, 'markdown'),
  );
  const notebook = await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, new vscode.NotebookData(cells));
  await vscode.window.showNotebookDocument(notebook);
  return notebook;
}
