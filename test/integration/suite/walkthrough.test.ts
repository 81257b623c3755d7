// The walkthrough "Learn the LSTM, gate by gate": each step's page is there, and its button, run as
// VS Code runs a `command:` link (the id, then the URL-encoded JSON arguments), does what it says.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, NOTEBOOK_TYPE } from '../helpers';

interface Walkthrough {
  id: string;
  steps: { id: string; description: string; media: { markdown: string } }[];
}

/** The walkthrough's steps and their buttons: `[label](command:id?encodedArgs)` in each description. */
function walkthrough() {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  const manifest = extension.packageJSON as { contributes: { walkthroughs: Walkthrough[] } };
  const [contributed] = manifest.contributes.walkthroughs;
  const steps = contributed.steps.map((step) => {
    const buttons = [...step.description.matchAll(/\(command:([\w.-]+)(?:\?([^)]*))?\)/g)].map(([, id, query]) => ({
      id,
      args: query ? (JSON.parse(decodeURIComponent(query)) as unknown[]) : [],
    }));
    return { ...step, buttons };
  });
  return { extension, id: contributed.id, steps };
}

suite('walkthrough', () => {
  teardown(closeAllEditors);

  test("every step's page is in the extension and its button is a command of the extension", async () => {
    const { extension, steps } = walkthrough();
    await extension.activate();
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const step of steps) {
      const page = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, step.media.markdown));
      assert.ok(new TextDecoder().decode(page).trim().length > 0, `${step.media.markdown} is empty`);
      assert.equal(step.buttons.length, 1, `step ${step.id} has ${step.buttons.length} buttons`);
      assert.ok(commands.has(step.buttons[0].id), `step ${step.id}: no command ${step.buttons[0].id}`);
    }
  });

  test('the walkthrough opens, each lesson button names a shipped lesson, and the first opens it', async () => {
    const { extension, id, steps } = walkthrough();
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${id}`, false);
    assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.label, 'Welcome');
    const lessons = steps.flatMap((step) => step.buttons).filter((button) => button.id === 'lstm-notebook.openLesson');
    assert.equal(lessons.length, 7);
    for (const { args } of lessons) {
      assert.equal(args.length, 1);
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, 'lessons', String(args[0])));
    }
    // Opening each lesson is commands.test.ts's; this is the button's own argument, decoded as VS Code does.
    const [first] = lessons;
    await vscode.commands.executeCommand(first.id, ...first.args);
    const notebook = vscode.window.activeNotebookEditor?.notebook;
    assert.equal(notebook?.notebookType, NOTEBOOK_TYPE, `${JSON.stringify(first.args)} opened no notebook`);
    assert.ok(notebook.uri.path.endsWith(`/lstm-lessons/${String(first.args[0])}`), notebook.uri.path);
  });
});
