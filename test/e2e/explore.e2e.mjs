// Explorable outputs in a real VS Code (code-server) in headless Chromium: lesson 2's try-it cell runs,
// a weight is changed in its output (keyboard, then a mouse drag), written back into the cell with one
// click, and the cell's text then holds the new number and its re-run shows what the drag showed.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import { visibleFrames } from '../../scripts/lib/browser.mjs';
import { REPO_ROOT } from '../../scripts/lib/cache.mjs';
import { openLesson, runAll, shareInWorkspace, sharedWorkbench } from '../../scripts/lib/workbench.mjs';

/** Lesson 2's last code cell, alone in a notebook; the notebook's path. */
function tryItNotebook() {
  const lesson = readFileSync(join(REPO_ROOT, 'lessons', '02-forget-gate.lstm'), 'utf8');
  const cell = [...lesson.matchAll(/```lstm\n([\s\S]*?)```/g)].at(-1)?.[1] ?? '';
  // Under out/ (git-ignored): the same text every run, copied into the shared workspace.
  const file = join(REPO_ROOT, 'out', 'e2e', 'explore.lstm');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `# Explore\n\n\`\`\`lstm\n${cell}\`\`\`\n`);
  return file;
}
shareInWorkspace({ 'explore.lstm': tryItNotebook() });

const WH = '.lstm .inputs [role="slider"][aria-label="forget gate, short-term weight wh"]';

/** The frame on screen that holds the renderer's output (a lesson opened before keeps its own, hidden). */
async function outputFrame(page) {
  for (let attempt = 0; attempt < 120; attempt++) {
    for (const frame of await visibleFrames(page)) {
      if (
        await frame
          .locator(WH)
          .count()
          .catch(() => 0)
      )
        return frame;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('no explorable output appeared');
}

/** What the output shows that the drag changes: badges, the curves' labels. */
function shown(frame) {
  return frame.evaluate(() => {
    const root = [...document.querySelectorAll('*')].find((e) => e.shadowRoot?.querySelector('.lstm'))?.shadowRoot;
    const badges = [...(root?.querySelectorAll('.badge') ?? [])].map((b) => b.getAttribute('aria-label'));
    const curves = [...(root?.querySelectorAll('svg.curve') ?? [])].map((s) => s.getAttribute('aria-label'));
    return { badges, curves };
  });
}

suite('explorable output in the notebook UI', function () {
  let workbench;

  suiteSetup(async function () {
    workbench = await sharedWorkbench();
    await openLesson(workbench.page, 'explore.lstm');
    await runAll(workbench.page);
  });

  test('dragging and keys change wh; write-back puts it in the cell, and the re-run shows the same numbers', async function () {
    const { page } = workbench;
    let frame = await outputFrame(page);
    const wh = frame.locator(WH).first();
    await wh.scrollIntoViewIfNeeded();
    assert.equal(await wh.textContent(), '3.25');
    for (let k = 0; k < 5; k++) {
      await wh.press('ArrowUp');
      await page.waitForTimeout(100);
    }
    assert.equal(await wh.textContent(), '3.3');
    // A drag to the right by 8 steps of 4 px, then back by 8: keyboard and mouse move the same value.
    const box = await wh.boundingBox();
    assert.ok(box, 'the weight wh is not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 32, box.y + box.height / 2, { steps: 4 });
    assert.equal(await wh.textContent(), '3.38');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    assert.equal(await wh.textContent(), '3.3');
    await page.waitForTimeout(600); // the frame and the diagram's re-layout
    const whileDragged = await shown(frame);
    await frame.locator('.lstm button.write-back').click();
    // The cell runs again with the new text: its fresh output has 3.3 as written, unchanged.
    for (let attempt = 0; attempt < 120; attempt++) {
      frame = await outputFrame(page);
      const text = await frame
        .locator(WH)
        .first()
        .textContent()
        .catch(() => '');
      const changed = await frame
        .locator('.lstm .inputs .scrub.changed')
        .count()
        .catch(() => 1);
      if (text === '3.3' && changed === 0) break;
      await page.waitForTimeout(250);
    }
    assert.equal(await frame.locator('.lstm .inputs .scrub.changed').count(), 0, 'the output was not re-run');
    const editorText = await page.evaluate(() =>
      [...document.querySelectorAll('.notebook-editor .cell .view-lines')].map((v) => v.textContent).join('\n'),
    );
    const normalized = editorText.replace(/\u00a0/g, ' ');
    assert.match(normalized, /forget\s+wx = 1\.75\s+wh = 3\.3\s+b = 1\.40/);
    assert.match(normalized, /# Try it: run, then drag long from 5 to 10/, 'the comment was kept');
    assert.deepEqual(await shown(frame), whileDragged);
  });
});
