// A person's first minutes with the extension, in a real VS Code (code-server) in headless Chromium:
// open a lesson, Run All, and see the LSTM diagram (mermaid) and the formulas (KaTeX) drawn. Used by
// lesson-node.e2e.mjs (the extension in the Node extension host, as in desktop VS Code) and
// lesson-web.e2e.mjs (the web worker extension host, as on vscode.dev and github.dev).
//
// Run by scripts/test-e2e.mjs (`npm run test:e2e`), which packages the extension as a .vsix and
// passes it in LSTM_E2E_VSIX; without it the repository folder is linked in as the extension.
// LSTM_E2E_LESSON picks the lesson (a path under lessons/); the default is the first one.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, suiteSetup, teardown, test } from 'mocha';
import { REPO_ROOT } from '../../scripts/lib/cache.mjs';
import {
  extensionFilesInWebWorkers,
  inspectOutputs,
  LESSONS_DIR,
  listLessons,
  openLesson,
  runAll,
  sharedWorkbench,
} from '../../scripts/lib/workbench.mjs';

const HOSTS = { node: 'the Node extension host', web: 'the web worker extension host' };

/**
 * The suite for one extension host; each host has its own test file, so `npm test` runs them side by side.
 * @param {'node' | 'web'} extensionHost
 */
export function lessonSuite(extensionHost) {
  const hostName = HOSTS[extensionHost];
  suite(`a lesson in the notebook UI, in ${hostName}`, function () {
    const lesson = process.env.LSTM_E2E_LESSON || listLessons()[0];
    let workbench;
    let outputs;

    suiteSetup(async function () {
      assert.ok(lesson, 'there is no lesson in lessons/ to open');
      workbench = await sharedWorkbench({ extensionHost });
    });

    // A failed step leaves a picture of the window in test-results/ (git-ignored).
    teardown(async function () {
      if (this.currentTest?.state !== 'failed' || !workbench) return;
      const name = `${extensionHost}-${this.currentTest.title}`.replace(/[^\w.-]+/g, '-');
      const path = join(REPO_ROOT, 'test-results', `e2e-${name}.png`);
      await workbench.page.screenshot({ path }).then(
        () => console.log(`    screenshot: ${path}`),
        () => {},
      );
    });

    test(`${lesson} opens as a notebook`, async function () {
      await openLesson(workbench.page, lesson);
    });

    test('Run All runs to the end', async function () {
      await runAll(workbench.page);
    });

    test('every code cell ran, and none failed', async function () {
      outputs = await inspectOutputs(workbench.page);
      const { cells } = outputs;
      console.log(
        `      (${cells.success} code cells ran; outputs drew ${outputs.diagram} diagram(s), ${outputs.formula} formula element(s))`,
      );
      assert.equal(cells.error, 0, `${cells.error} cell(s) failed (${JSON.stringify(cells)})`);
      assert.equal(cells.idle + cells.running, 0, `some cells did not run (${JSON.stringify(cells)})`);
      // Every code cell of the file, not only those the scan saw: a scan that stopped early would pass otherwise.
      const codeCells = (readFileSync(join(LESSONS_DIR, lesson), 'utf8').match(/^```lstm[ \t]*$/gim) ?? []).length;
      assert.equal(cells.success, codeCells, `${codeCells} code cells in ${lesson}, ${cells.success} seen to succeed`);
    });

    test('the outputs show the LSTM diagram drawn by mermaid (svg)', function () {
      assert.ok(outputs?.diagram > 0, `no mermaid svg in the outputs (saw ${JSON.stringify(outputs)})`);
    });

    test('the outputs show formulas typeset by KaTeX (.katex)', function () {
      assert.ok(outputs?.formula > 0, `no .katex element in the outputs (saw ${JSON.stringify(outputs)})`);
    });

    test('the renderer shows no drawing error', function () {
      assert.equal(outputs?.error ?? 0, 0, 'an output shows a drawing error');
    });

    // The web worker host fetches the `browser` entry; the Node host loads `main` from disk, so no worker fetches it.
    test(`the cells ran in ${hostName}`, async function () {
      const loaded = await extensionFilesInWebWorkers(workbench.page);
      if (extensionHost === 'web')
        assert.ok(
          loaded.some((url) => url.includes('/dist/web/extension.js')),
          'no web worker loaded dist/web/extension.js',
        );
      else assert.deepEqual(loaded, [], 'a web worker loaded the extension');
    });
  });
}
