// Debian's Chromium driven by playwright-core (never Playwright's own browser download), and the
// few workbench gestures the harness needs: open a file, run a command, find notebook outputs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureChromium } from './cache.mjs';
import { delay, descendants, reap } from './processes.mjs';

/** Flags that keep Chromium off a closed network and quiet. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Launches headless Chromium with a fresh profile; returns `{ context, page, close }`.
 * @param {{ viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' }} [options]
 */
export async function launchBrowser({ viewport = { width: 1400, height: 1000 }, colorScheme = 'light' } = {}) {
  const executablePath = ensureChromium();
  const profile = mkdtempSync(join(tmpdir(), 'lstm-chromium-'));
  const before = new Set(descendants());
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    colorScheme,
    // The harness's own signal handlers close the browser, then the server; Playwright's would
    // exit the process before the server is stopped.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  // The browser process is our child; its zygotes and renderers are its descendants.
  const browserPids = descendants().filter((pid) => !before.has(pid) && isChromium(pid));
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    const tree = [...browserPids, ...browserPids.flatMap((pid) => descendants(pid))];
    await Promise.race([context.close().catch(() => {}), delay(10_000)]);
    await reap(tree, 5000);
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  };
  return { context, page, close };
}

function isChromium(pid) {
  try {
    return /chrom/.test(readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0')[0]);
  } catch {
    return false;
  }
}

/**
 * The notebook editor in view. VS Code keeps an editor it switched away from in the DOM, hidden:
 * without `:visible`, the first notebook opened would be found again after the second opens.
 */
const NOTEBOOK = '.notebook-editor:visible';

/** Waits until the workbench is up (and, with a folder, its Explorer shows files). */
export async function waitForWorkbench(page, { timeout = 60_000 } = {}) {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout });
  await page.locator('.part.statusbar').waitFor({ state: 'visible', timeout });
}

/** Runs a command by its palette label, e.g. "Notebook: Run All". */
export async function runCommand(page, label, { timeout = 20_000 } = {}) {
  await openQuickInput(page, '>' + label);
  // The row whose label starts with `label`: the first row may be another, fuzzier match.
  const row = page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: startsWith(label) })
    .first();
  await row.waitFor({ state: 'visible', timeout });
  await row.click();
  await page
    .locator('.quick-input-widget')
    .waitFor({ state: 'hidden', timeout: 3000 })
    .catch(() => {});
}

/** Opens a workspace file by name through Quick Open (as a person would with Ctrl+P). */
export async function openFile(page, fileName, { timeout = 30_000 } = {}) {
  await openQuickInput(page, fileName);
  const row = page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: startsWith(fileName) })
    .first();
  await row.waitFor({ state: 'visible', timeout });
  await row.click();
  await page
    .locator('.quick-input-widget')
    .waitFor({ state: 'hidden', timeout })
    .catch(() => {});
}

const startsWith = (text) => new RegExp('^\\s*' + text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

async function openQuickInput(page, text) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  for (let attempt = 0; attempt < 5; attempt++) {
    await page
      .locator('.monaco-workbench')
      .click({ position: { x: 5, y: 5 }, force: true })
      .catch(() => {});
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 3000 });
      break;
    } catch {
      if (attempt === 4) throw new Error('the command palette did not open');
    }
  }
  await input.fill(text);
}

/** Waits for a notebook editor with at least one cell. */
export async function waitForNotebook(page, { timeout = 30_000 } = {}) {
  await page
    .locator(NOTEBOOK + ' .cell-list-container')
    .first()
    .waitFor({ state: 'visible', timeout });
  // Rows are laid out absolutely and Playwright may call them hidden: being there is enough.
  await page
    .locator(NOTEBOOK + ' .cell-list-container .monaco-list-row')
    .first()
    .waitFor({ state: 'attached', timeout });
}

/** The execution-order labels ("[3]", "[ ]") of the code cells the notebook list has rendered, in order. */
export function executionLabels(page) {
  return page
    .locator(NOTEBOOK + ' .cell-list-container .monaco-list-row.code-cell-row .cell-execution-order')
    .allTextContents()
    .catch(() => []);
}

/**
 * Waits for a notebook run started after `before` (executionLabels() taken before the command) to
 * end: it has ended once it was seen (the toolbar's "Interrupt", a queued or running cell, or a
 * changed execution-order label) and nothing runs any more, two looks 100 ms apart. `onWait` is
 * called at each look (to answer VS Code's kernel picker). A run seen by none of these signs within
 * `quiet` ms (a notebook with no code cell in view) counts as over.
 * @param {import('playwright-core').Page} page
 * @param {{ before: string[]; timeout?: number; quiet?: number; onWait?: () => Promise<void> }} options
 */
export async function waitForExecution(page, { before, timeout = 120_000, quiet = 3000, onWait }) {
  const started = Date.now();
  const editor = page.locator(NOTEBOOK).first();
  const interrupt = editor.locator('.notebook-toolbar-container .action-item', { hasText: /^\s*Interrupt\s*$/ });
  const busy = editor.locator('.codicon-notebook-state-executing, .codicon-notebook-state-pending');
  let seen = false;
  let idleLooks = 0;
  while (Date.now() < started + timeout) {
    await onWait?.();
    const [running, pending, labels] = await Promise.all([interrupt.count(), busy.count(), executionLabels(page)]);
    if (running + pending > 0) seen = true;
    // Two looks in a row, so a toolbar that has not yet caught up with a changed label is not taken for the end.
    idleLooks = running + pending > 0 ? 0 : idleLooks + 1;
    if (idleLooks >= 2 && (seen || labels.join() !== before.join() || Date.now() > started + quiet)) return;
    await delay(100);
  }
  throw new Error(`the notebook was still running after ${timeout / 1000} s`);
}

/** The run state of the code cells the notebook list has rendered: Map of cell index → state. */
export async function cellStates(page) {
  const rows = await page
    .locator(NOTEBOOK + ' .cell-list-container .monaco-list-row.code-cell-row')
    .evaluateAll((elements) =>
      elements.map((row) => {
        const has = (name) => row.querySelector(`.codicon-notebook-state-${name}`) !== null;
        const state = has('error')
          ? 'error'
          : has('success')
            ? 'success'
            : has('executing') || has('pending')
              ? 'running'
              : 'idle';
        return [Number(row.dataset.index), state];
      }),
    );
  return new Map(rows);
}

/**
 * The frames below the page whose iframes, and their parents' iframes, are shown: VS Code keeps the
 * webview of a notebook opened earlier in the page, hidden, and its outputs must not count.
 * @param {import('playwright-core').Page} page
 */
export async function visibleFrames(page) {
  /** @type {Map<import('playwright-core').Frame, Promise<boolean>>} */
  const shown = new Map();
  const isShown = (frame) => {
    if (frame === page.mainFrame()) return Promise.resolve(true);
    if (!shown.has(frame))
      shown.set(
        frame,
        (async () => {
          const parent = frame.parentFrame();
          if (parent && !(await isShown(parent))) return false;
          const element = await frame.frameElement().catch(() => null);
          // A hidden webview keeps its size but is moved out of the window, or has none.
          const box = element && (await element.isVisible()) ? await element.boundingBox() : null;
          const window = page.viewportSize();
          return (
            box !== null &&
            box.width > 0 &&
            box.height > 0 &&
            (window === null ||
              (box.x < window.width && box.y < window.height && box.x + box.width > 0 && box.y + box.height > 0))
          );
        })(),
      );
    return /** @type {Promise<boolean>} */ (shown.get(frame));
  };
  const frames = page.frames().filter((frame) => frame !== page.mainFrame());
  const flags = await Promise.all(frames.map(isShown));
  return frames.filter((_, k) => flags[k]);
}

/**
 * Notebook outputs render in nested frames (page → iframe.webview → #active-frame). Counts the
 * elements matching each selector over all frames; shadow roots are searched too.
 */
export async function countInFrames(page, selectors) {
  const frames = await visibleFrames(page);
  // All frames and selectors at once: each count is a round trip to the browser.
  const entries = await Promise.all(
    Object.entries(selectors).map(async ([name, selector]) => {
      const counts = await Promise.all(
        frames.map((frame) =>
          frame
            .locator(selector)
            .count()
            .catch(() => 0),
        ),
      );
      return [name, counts.reduce((sum, n) => sum + n, 0)];
    }),
  );
  return Object.fromEntries(entries);
}

/**
 * Scrolls the notebook from top to bottom (its list only renders what is near the viewport),
 * calling `visit()` at each position; stops early when `visit` returns true.
 */
export async function scrollNotebook(page, visit, { maxSteps = 100 } = {}) {
  const list = page.locator(NOTEBOOK + ' .cell-list-container').first();
  const box = await list.boundingBox();
  if (!box) throw new Error('no notebook on the page');
  const center = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(center.x, center.y);
  // One wheel event scrolls the list by one notch (50 px), whatever its delta.
  const notches = Math.max(1, Math.floor((box.height * 0.7) / 50));
  for (let i = 0; i < 40 && (await listOffset(page)) > 0; i++) await wheel(page, -10);
  let last = -1;
  for (let i = 0; i < maxSteps; i++) {
    await delay(150); // for the list to draw the rows that came into view
    if (await visit()) return true;
    const offset = await listOffset(page);
    if (offset === last) return false; // the end
    last = offset;
    await wheel(page, notches);
  }
  return false;
}

/**
 * Turns the mouse wheel by `notches` (down if positive): the events are sent without waiting for
 * each one's answer, which saves a round trip per notch.
 */
async function wheel(page, notches) {
  await Promise.all(Array.from({ length: Math.abs(notches) }, () => page.mouse.wheel(0, Math.sign(notches) * 120)));
}

/** How far the notebook's cell list is scrolled, in pixels. */
async function listOffset(page) {
  const top = await page
    .locator(NOTEBOOK + ' .cell-list-container .monaco-list-rows')
    .first()
    .evaluate((element) => element.style.top)
    .catch(() => '0px');
  return -parseFloat(top || '0');
}
