// Explorable outputs in headless Chromium, on the renderer preview page (the renderer bundle as it
// ships, real mermaid and KaTeX, real layout): a mouse drag and the keyboard on a number, the Time step
// slider, the linked highlight between a chip and the diagram, and a click on a heatmap.
//
// Run by scripts/test-e2e.mjs (npm run test:e2e); alone, after npm run build:
//   npx mocha --ui tdd --timeout 300000 test/e2e/explore-renderer.e2e.mjs
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import { chromium } from 'playwright-core';
import { buildPreview, PREVIEW_ARGS } from '../../scripts/lib/preview.mjs';

suite('explorable outputs in Chromium (preview page)', function () {
  let browser;
  let page;
  let url;

  suiteSetup(async function () {
    url = await buildPreview({ build: false });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', ...PREVIEW_ARGS] });
  });

  suiteTeardown(async function () {
    await browser?.close();
  });

  /** Opens the preview with the explorable samples; returns the sample's output root locator. */
  async function open(only = 'explore', sample = 0) {
    page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}?only=${only}`);
    await page.waitForSelector('body[data-done]', { timeout: 60_000 });
    assert.deepEqual(errors, []);
    return page.locator('.sample').nth(sample);
  }

  /** Scrolls the output's `views` into view one by one: mid-drag, a view repaints as it comes into view. */
  async function scrollThrough(output, views) {
    for (const view of views) {
      await output.locator(view).evaluate((element) => element.scrollIntoView({ block: 'center' }));
      await page.waitForTimeout(100);
    }
  }

  /** Where the output's views are on the page, and its height: a drag must not move them. */
  const layout = (output) =>
    output.evaluate((sample) => {
      const root = sample.querySelector('div').shadowRoot;
      const views = ['.diagram', '.equations', '.curves'].map((view) => {
        const box = root.querySelector(view).getBoundingClientRect();
        return [box.top + window.scrollY, box.height].map(Math.round);
      });
      return { views, height: document.documentElement.scrollHeight };
    });

  /** Whether the browser draws `locator`'s element: false while it is skipped out of sight (content-visibility). */
  const drawn = (locator) => locator.evaluate((element) => element.checkVisibility({ contentVisibilityAuto: true }));

  test('a mouse drag on a weight moves it by its last digit and repaints badges, curves and diagram', async function () {
    const output = await open();
    const wh = output.locator('.inputs [role="slider"][aria-label="forget gate, short-term weight wh"]');
    await wh.scrollIntoViewIfNeeded();
    const settledLayout = await layout(output);
    const box = await wh.boundingBox();
    const before = await output.locator('.badge').first().getAttribute('class');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    // 4 px per step of 0.01: 200 px to the left is 50 steps, 3.25 → 2.75.
    await page.mouse.move(box.x + box.width / 2 - 200, box.y + box.height / 2, { steps: 10 });
    await page.waitForTimeout(100);
    assert.equal(await wh.textContent(), '2.75');
    assert.equal(await wh.getAttribute('aria-valuetext'), '2.75, was 3.25');
    // σ(1.75 + 2.75 + 1.40) = σ(5.90) = 0.997: the badge of expect f = 0.998 turns red while dragging.
    assert.equal(before, 'badge pass');
    assert.equal(await output.locator('.badge').first().getAttribute('class'), 'badge fail');
    // Mid-drag only what is on screen repaints: the curves, out of sight below, still show σ(6.40) and
    // catch up as they come into view. The diagram's numbers change in place, before mermaid lays it out again.
    const curve = output.locator('svg.curve').first();
    assert.match(await curve.getAttribute('aria-label'), /^σ\(6\.40\) = 0\.998/);
    // Meanwhile the browser skips drawing them, and keeps their size: nothing on the page moves.
    assert.equal(await drawn(curve), false);
    assert.deepEqual(await layout(output), settledLayout);
    // So are those of the page's other outputs (a notebook's outputs share one page).
    const otherCurve = page.locator('.sample').nth(2).locator('svg.curve').first();
    assert.equal(await drawn(otherCurve), false);
    await scrollThrough(output, ['.curves', '.diagram']);
    assert.equal(await drawn(curve), true);
    assert.match(await curve.getAttribute('aria-label'), /^σ\(5\.90\) = 0\.997/);
    assert.match(await output.locator('.diagram').textContent(), /0\.997/);
    await page.mouse.up();
    await page.waitForTimeout(800);
    assert.match(await output.locator('.diagram').textContent(), /forget gate σ0\.997/);
    // Settled, every view is drawn, on screen or not.
    await wh.scrollIntoViewIfNeeded();
    assert.equal(await drawn(curve), true);
    assert.equal(await drawn(otherCurve), true);
  });

  test('mid-drag, the diagram, equations, curves and badges show what a fresh drawing shows once the drag ends', async function () {
    const output = await open('explore', 2);
    const w = output.locator('.inputs [role="slider"][aria-label="forget gate, weight W [2, 5]"]');
    await w.scrollIntoViewIfNeeded();
    const box = await w.boundingBox();
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    // What a learner reads: every number of the diagram (and its nodes' spoken labels), the equations, curves, badges.
    const shown = () =>
      output.locator('.lstm').evaluate((root) => {
        const sorted = (selector, read) => [...root.querySelectorAll(selector)].map(read).sort();
        return {
          nodes: sorted(
            '.diagram g.node',
            (n) => `${n.getAttribute('data-link')}: ${n.textContent} | ${n.getAttribute('aria-label')}`,
          ),
          edges: sorted('.diagram g.label[data-id]', (e) => `${e.getAttribute('data-link')}: ${e.textContent}`),
          equations: [...root.querySelectorAll('.equation .katex-html')].map((e) => e.textContent),
          curves: [...root.querySelectorAll('svg.curve')].map((c) => c.getAttribute('aria-label')),
          badges: [...root.querySelectorAll('.badge')].map((b) => `${b.className}: ${b.textContent}`),
        };
      });
    const before = await shown();
    await page.mouse.move(x, y);
    await page.mouse.down();
    // 4 px per step of 0.1: 24 px to the left is 0.3 → -0.3, which changes how the equation is written.
    await page.mouse.move(x - 24, y, { steps: 6 });
    await page.waitForTimeout(200);
    assert.equal(await w.textContent(), '-0.3');
    // Views out of sight repaint as they come into view (mid-drag only what is on screen repaints).
    await scrollThrough(output, ['.expects', '.diagram', '.equations', '.curves']);
    const during = await shown();
    await page.mouse.up();
    // The drag's end: mermaid lays the diagram out again, KaTeX typesets the equations afresh.
    await page.waitForTimeout(1500);
    const after = await shown();
    assert.notDeepEqual(during.edges, before.edges);
    assert.deepEqual(during, after);
  });

  test('mid-drag, numbers laid out alone (held in their boxes) sit where a fresh drawing puts them', async function () {
    const output = await open('explore', 2);
    const label = '[role="slider"][aria-label="forget gate, weight W [2, 5]"]';
    const held = () => output.locator('.lstm').evaluate((root) => root.querySelectorAll('[style*="contain"]').length);
    // Each number of the equations: its text, its glyphs' top and bottom, and whether they lie inside its box.
    const numbers = () =>
      output.locator('.equations').evaluate((equations) => {
        const found = [];
        for (const math of equations.querySelectorAll('.katex-html')) {
          const walker = document.createTreeWalker(math, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = /** @type {Text} */ (node);
            if (!/^\d/.test(text.data) || !text.parentElement) continue;
            const range = document.createRange();
            range.selectNodeContents(text);
            const glyphs = range.getBoundingClientRect();
            const box = text.parentElement.getBoundingClientRect();
            const inside = glyphs.left >= box.left - 0.5 && glyphs.right <= box.right + 0.5;
            found.push(`${text.data} ${glyphs.top.toFixed(2)} ${glyphs.bottom.toFixed(2)} ${inside}`);
          }
        }
        return found;
      });
    // The look of the number being dragged (outline, background) aside: the pixels compared are the layout's.
    await output.locator('.lstm').evaluate((root) => {
      const style = document.createElement('style');
      style.textContent =
        '.scrub, .scrub:hover, .scrub.dragging { outline: none !important; background: none !important; }';
      root.parentNode.append(style);
    });
    // A drag of one step and back (0.3 → 0.2 → 0.3), on the panel's number and on its handle in the
    // forget gate's equation.
    for (const [handle, view, samePixels] of [
      [output.locator(`.inputs ${label}`), output.locator('.inputs'), true],
      [output.locator(`.equation[data-equation="f"] ${label}`), output.locator('.equations'), false],
    ]) {
      await handle.scrollIntoViewIfNeeded();
      const settled = { pixels: await view.screenshot(), numbers: await numbers() };
      assert.equal(await held(), 0);
      const box = await handle.boundingBox();
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x - 4, y);
      await page.waitForTimeout(100);
      assert.equal(await handle.getAttribute('aria-valuenow'), '0.2');
      await page.mouse.move(x, y);
      await page.waitForTimeout(100);
      assert.equal(await handle.getAttribute('aria-valuenow'), '0.3');
      assert.ok((await held()) > 0, 'numbers are held mid-drag (src/renderer/heldBoxes.ts)');
      // Only the numbers the drag changes: the input gate's do not (each held box is a layer to update).
      const inputGate = output.locator('.equation[data-equation="i"]');
      assert.equal(await inputGate.evaluate((e) => e.querySelectorAll('[style*="contain"]').length), 0);
      const during = { pixels: await view.screenshot(), numbers: await numbers() };
      await page.mouse.up();
      await page.waitForTimeout(1500);
      assert.equal(await held(), 0);
      // Held, each number stands on the line a fresh layout gives it, inside its box. A box keeps the
      // width it had (a number that grew mid-drag, 0.76 → 0.772 → 0.76, leaves room until the drag
      // ends), so the equations may differ sideways; the panel's number, which kept its width, not at all.
      assert.deepEqual(during.numbers, settled.numbers);
      if (samePixels)
        assert.ok(during.pixels.equals(settled.pixels), 'the panel is drawn pixel for pixel as laid out afresh');
    }
  });

  test('the keyboard alone: Tab to a number, arrows, Shift, Home, a typed value, Escape', async function () {
    const output = await open();
    const x = output.locator('.inputs [role="slider"][aria-label="input x"]');
    await x.focus();
    await page.keyboard.press('ArrowUp');
    assert.equal(await x.textContent(), '2');
    await page.keyboard.press('Shift+ArrowDown');
    assert.equal(await x.textContent(), '-8');
    await page.keyboard.press('Tab'); // to short-term memory h
    await page.keyboard.type('0.5');
    await page.keyboard.press('Enter');
    const h = output.locator('.inputs [role="slider"][aria-label="short-term memory h"]');
    assert.equal(await h.textContent(), '0.5');
    assert.equal(
      await page.evaluate(
        () =>
          document.activeElement?.shadowRoot?.activeElement?.getAttribute('aria-label') ??
          document.querySelector('.sample div')?.shadowRoot?.activeElement?.getAttribute('aria-label'),
      ),
      'short-term memory h',
    );
    await page.keyboard.press('Escape');
    assert.equal(await h.textContent(), '1');
    // A visible focus ring.
    const outline = await h.evaluate((element) => getComputedStyle(element).outlineStyle);
    assert.notEqual(outline, 'none');
  });

  test('a number in an equation drags the same value as the panel', async function () {
    const output = await open();
    const handle = output.locator('.equations [role="slider"][aria-label="forget gate, bias b"]').first();
    await handle.scrollIntoViewIfNeeded();
    const box = await handle.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    assert.equal(await output.locator('.inputs [aria-label="forget gate, bias b"]').textContent(), '1.5');
  });

  test('the Time step slider: keys, a click on its track, play; chart and table mark the step', async function () {
    const output = await open('explore', 1);
    const slider = output.locator('[role="slider"][aria-label="Time step"]');
    await slider.focus();
    await page.keyboard.press('Home');
    assert.equal(await slider.getAttribute('aria-valuenow'), '1');
    assert.match(await output.locator('.diagram').locator('..').locator('h3').textContent(), /step t = 1/);
    assert.equal(await output.locator('tr.current td').first().textContent(), '1');
    await page.keyboard.press('ArrowRight');
    assert.equal(await slider.getAttribute('aria-valuenow'), '2');
    await output.locator('.time-track').scrollIntoViewIfNeeded();
    const track = await output.locator('.time-track').boundingBox();
    await page.mouse.click(track.x + track.width - 1, track.y + track.height / 2);
    assert.equal(await slider.getAttribute('aria-valuenow'), '4');
    await page.keyboard.press('Home');
    // Each step the slider shows, with the page's own clock: a busy machine only makes timers late, so
    // play at about 4 steps per second must show 2, 3 and 4 in turn, never two at once.
    await slider.evaluate((element) => {
      const seen = [];
      window.__timeSteps = seen;
      new MutationObserver(() => seen.push([element.getAttribute('aria-valuenow'), performance.now()])).observe(
        element,
        { attributes: true, attributeFilter: ['aria-valuenow'] },
      );
    });
    const clicked = await page.evaluate(() => performance.now());
    await output.locator('button.play').click();
    for (let wait = 0; wait < 40 && (await slider.getAttribute('aria-valuenow')) !== '4'; wait++)
      await page.waitForTimeout(100);
    const seen = await page.evaluate(() => window.__timeSteps);
    assert.deepEqual(
      seen.map(([step]) => step),
      ['2', '3', '4'],
      'play shows each step in turn',
    );
    const times = [clicked, ...seen.map(([, at]) => at)];
    for (let k = 1; k < times.length; k++)
      assert.ok(
        times[k] - times[k - 1] > 100,
        `step ${k + 1} came ${Math.round(times[k] - times[k - 1])} ms after the one before`,
      );
    assert.equal(await slider.getAttribute('aria-valuenow'), '4');
    assert.equal(
      await output.locator('button.play').getAttribute('aria-label'),
      'Play the steps',
      'play stops at the end',
    );
    assert.equal(await output.locator('svg.timeline line.now').getAttribute('data-t'), '4');
  });

  test('hovering a chip lights its diagram node and edge; a diagram node lights its chips', async function () {
    const output = await open();
    await output.locator('.term[data-term="W:f"]').first().hover();
    const lit = await output
      .locator('.diagram .linked')
      .evaluateAll((all) => all.map((e) => e.getAttribute('data-link')));
    assert.ok(lit.includes('f') && lit.includes('cat>f'), `lit: ${lit}`);
    await output.locator('.diagram g.node[data-link="cp"]').hover();
    const chips = await output
      .locator('.term.linked')
      .evaluateAll((all) => all.map((e) => e.getAttribute('data-term')));
    assert.ok(chips.length > 0 && chips.every((term) => term === 'c_prev'), `chips: ${chips}`);
    // An equation's term lights the diagram too.
    await output.locator('.equations .eq-term[data-term="c_prev"]').first().hover();
    assert.ok((await output.locator('.diagram g.node.linked[data-link="cp"]').count()) === 1);
  });

  test('heatmaps of a vector cell: hover names value and step, a click goes to that step', async function () {
    const output = await open('wide');
    const canvas = output.locator('.heatmap[data-quantity="h"] canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    await page.mouse.move(box.x + 2, box.y + 2);
    assert.match(await output.locator('.heatmap-readout').textContent(), /^short-term memory h, unit 1, step 1: /);
    await page.mouse.click(box.x + 2, box.y + 2);
    assert.equal(await output.locator('[role="slider"][aria-label="Time step"]').getAttribute('aria-valuenow'), '1');
  });
});
