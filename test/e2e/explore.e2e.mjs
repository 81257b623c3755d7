// Explorable outputs in a real VS Code (code-server) in headless Chromium: lesson 2's try-it cell runs,
// a weight is changed in its output (keyboard, then a mouse drag), written back into the cell with one
// click, and the cell's text then holds the new number and its re-run shows what the drag showed. Then
// the same for lesson 7's try-it cell, whose weights come from a file its load reads.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import { visibleFrames } from '../../scripts/lib/browser.mjs';
import { REPO_ROOT } from '../../scripts/lib/cache.mjs';
import { openLesson, runAll, shareInWorkspace, sharedWorkbench } from '../../scripts/lib/workbench.mjs';

/** A lesson's last code cell (its try-it cell), alone in a notebook; the notebook's path. */
function tryItNotebook(lesson, name) {
  const text = readFileSync(join(REPO_ROOT, 'lessons', lesson), 'utf8');
  const cell = [...text.matchAll(/```lstm\n([\s\S]*?)```/g)].at(-1)?.[1] ?? '';
  // Under out/ (git-ignored): the same text every run, copied into the shared workspace.
  const file = join(REPO_ROOT, 'out', 'e2e', name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `# Explore\n\n\`\`\`lstm\n${cell}\`\`\`\n`);
  return file;
}
// Beside the lessons' copy at the workspace's root, so lesson 7's cell finds weights/remember-first.pt.
shareInWorkspace({
  'explore.lstm': tryItNotebook('02-forget-gate.lstm', 'explore.lstm'),
  'explore-loaded.lstm': tryItNotebook('07-real-weights.lstm', 'explore-loaded.lstm'),
});

const WH = '.lstm .inputs [role="slider"][aria-label="forget gate, short-term weight wh"]';

/** The frame on screen that holds the renderer's output with `selector` (a lesson opened before keeps its own, hidden). */
async function outputFrame(page, selector = WH) {
  for (let attempt = 0; attempt < 120; attempt++) {
    for (const frame of await visibleFrames(page)) {
      if (
        await frame
          .locator(selector)
          .count()
          .catch(() => 0)
      )
        return frame;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('no explorable output appeared');
}

/** The cells' text as the notebook editor shows it. */
async function editorText(page) {
  const text = await page.evaluate(() =>
    [...document.querySelectorAll('.notebook-editor .cell .view-lines')].map((v) => v.textContent).join('\n'),
  );
  return text.replace(/\u00a0/g, ' ');
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
  });

  test('dragging and keys change wh; write-back puts it in the cell, and the re-run shows the same numbers', async function () {
    const { page } = workbench;
    await openLesson(page, 'explore.lstm');
    await runAll(page);
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
    const normalized = await editorText(page);
    assert.match(normalized, /forget\s+wx = 1\.75\s+wh = 3\.3\s+b = 1\.40/);
    assert.match(normalized, /# Try it: run, then drag long from 5 to 10/, 'the comment was kept');
    assert.deepEqual(await shown(frame), whileDragged);
  });

  test('lesson 7: a bias of the loaded network typed as -3 re-runs the trained network, as torch computes it, and is written back', async function () {
    const { page } = workbench;
    await openLesson(page, 'explore-loaded.lstm');
    await runAll(page);
    const BIAS = '.lstm .inputs [role="slider"][aria-label="input gate, bias b [1]"]';
    let frame = await outputFrame(page, BIAS);
    const bias = frame.locator(BIAS).first();
    await bias.scrollIntoViewIfNeeded();
    assert.equal(await bias.textContent(), '0.941881');
    await bias.press('-');
    const input = frame.locator('.lstm input.scrub-input');
    await input.fill('-3');
    await input.press('Enter');
    // torch, with that bias: y = 0.171647, c = (-0.016868, 4.127252).
    const prediction = async () =>
      frame.evaluate(() => {
        const root = [...document.querySelectorAll('*')].find((e) => e.shadowRoot?.querySelector('.lstm'))?.shadowRoot;
        return [...(root?.querySelectorAll('.diagram g.node') ?? [])]
          .map((n) => n.textContent ?? '')
          .find((t) => /prediction/.test(t));
      });
    for (let attempt = 0; attempt < 40 && !/0\.172/.test((await prediction()) ?? ''); attempt++)
      await page.waitForTimeout(100);
    assert.match((await prediction()) ?? '', /prediction\s*0\.172/);
    const { badges } = await shown(frame);
    assert.ok(badges.length === 2 && badges.every((badge) => /fail/.test(badge ?? '')), `badges: ${badges.join('; ')}`);
    await frame.locator('.lstm button.write-back').click();
    for (let attempt = 0; attempt < 120 && !/b = \[-3, 1\.017404\]/.test(await editorText(page)); attempt++)
      await page.waitForTimeout(250);
    assert.match(await editorText(page), /input\s+b = \[-3, 1\.017404\]/);
    // The cell ran again from its new text, reading the file again: the same answer, nothing marked changed.
    frame = await outputFrame(page, BIAS);
    for (let attempt = 0; attempt < 120; attempt++) {
      const text = await frame
        .locator(BIAS)
        .first()
        .textContent()
        .catch(() => '');
      if (
        text === '-3' &&
        (await frame
          .locator('.lstm .inputs .scrub.changed')
          .count()
          .catch(() => 1)) === 0
      )
        break;
      await page.waitForTimeout(250);
      frame = await outputFrame(page, BIAS);
    }
    assert.equal(await frame.locator('.lstm .inputs .scrub.changed').count(), 0, 'the output was not re-run');
    assert.match((await prediction()) ?? '', /prediction\s*0\.172/);
  });
});
