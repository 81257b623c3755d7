// A VS Code window in headless Chromium with the extension installed and a copy of lessons/ open,
// and what a person does with a lesson there: open it, run all cells, look at the outputs.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from './cache.mjs';
import {
  cellStates,
  countInFrames,
  executionLabels,
  launchBrowser,
  openFile,
  runCommand,
  scrollNotebook,
  waitForExecution,
  waitForNotebook,
  waitForWorkbench,
} from './browser.mjs';
import { copyWorkspace, extensionHostSettings, makeRunDir, startCodeServer } from './code-server.mjs';
import { delay } from './processes.mjs';

export const LESSONS_DIR = join(REPO_ROOT, 'lessons');
export const THEMES = { light: 'Default Light Modern', dark: 'Default Dark Modern' };

/**
 * Selectors of what the renderer draws in its output frames (Playwright's CSS pierces the shadow
 * roots). `.lstm` is the root of each output the renderer draws; it keeps out the KaTeX of
 * markdown cells, which VS Code renders in the same frames.
 */
export const OUTPUT = {
  /** An SVG drawn by mermaid (mermaid marks each with aria-roledescription). */
  diagram: '.lstm svg[aria-roledescription]',
  /** A formula typeset by KaTeX. */
  formula: '.lstm .katex',
  /** A drawing error shown by the renderer in place of a diagram or formula. */
  error: '.lstm [role="alert"]',
  /** The renderer's placeholder while mermaid or KaTeX is still loading or drawing. */
  loading: '.lstm .loading',
};

/** The lesson notebooks, as paths relative to lessons/, sorted. */
export function listLessons(dir = LESSONS_DIR) {
  if (!existsSync(dir)) return [];
  const found = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.lstm')) found.push(relative(dir, path));
    }
  };
  walk(dir);
  return found.sort();
}

/** Where the notebook's toolbar ends, in window pixels (tab bar, breadcrumbs, toolbar): outputs show below it. */
const TOOLBAR_BOTTOM = 130;

const open = new Set();

/** Closes every workbench still open (for Ctrl+C in a runner). */
export async function closeAllWorkbenches() {
  await Promise.all([...open].map((close) => close()));
}

/**
 * Starts code-server with the extension (linked from the repository, or from a .vsix) and opens a
 * fresh copy of `workspaceFrom` in headless Chromium, in the given theme (light or dark), with the
 * extension in the given extension host ('node', or 'web': the web worker host, as on vscode.dev).
 * Returns `{ server, page, workspace, runDir, close }`.
 * @param {{ theme?: 'light' | 'dark'; vsix?: string; workspaceFrom?: string; viewport?: { width: number; height: number }; extensionHost?: 'node' | 'web' }} [options]
 */
export async function openWorkbench({
  theme = 'light',
  vsix,
  workspaceFrom = LESSONS_DIR,
  viewport,
  extensionHost = 'node',
} = {}) {
  const runDir = makeRunDir('lstm-workbench-');
  const workspace = existsSync(workspaceFrom) ? copyWorkspace(workspaceFrom, runDir) : join(runDir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const settings = { 'workbench.colorTheme': THEMES[theme], ...extensionHostSettings(extensionHost, [REPO_ROOT]) };
  let server;
  let browser;
  const close = async () => {
    open.delete(close);
    await browser?.close();
    await server?.stop();
  };
  open.add(close);
  try {
    server = await startCodeServer({
      runDir,
      settings,
      ...(vsix ? { vsixFiles: [vsix] } : { extensions: [REPO_ROOT] }),
    });
    browser = await launchBrowser({ viewport, colorScheme: theme });
    const { page } = browser;
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await waitForWorkbench(page);
    return { server, page, workspace, runDir, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Files suites add to the shared workbench's workspace: name there → the file to copy. */
const sharedFiles = new Map();
/** The shared workbench of each extension host, once opened. */
const shared = new Map();

/**
 * Adds files to the workspace of sharedWorkbench(); call it when the test module loads, before a suite
 * opens the window. Names are unique across suites (Quick Open finds a file by its name).
 * @param {Record<string, string>} files  name in the workspace → path of the file to copy there
 */
export function shareInWorkspace(files) {
  if (shared.size > 0) throw new Error('shareInWorkspace() was called after the shared workbench opened');
  for (const [name, from] of Object.entries(files)) {
    if (sharedFiles.has(name) && sharedFiles.get(name) !== from) throw new Error(`two suites share a file "${name}"`);
    sharedFiles.set(name, from);
  }
}

/**
 * One VS Code window per extension host for every suite of a run (a window costs about 15 CPU-seconds
 * to load and to open its first notebook): a copy of lessons/ and the files suites added with
 * shareInWorkspace(). The extension is LSTM_E2E_VSIX's package, or the linked repository. Suites
 * leave it open; closeAllWorkbenches() closes it when the run ends.
 * @param {{ extensionHost?: 'node' | 'web' }} [options]
 */
export function sharedWorkbench({ extensionHost = 'node' } = {}) {
  let workbench = shared.get(extensionHost);
  if (!workbench) {
    const staging = makeRunDir('lstm-shared-');
    cpSync(LESSONS_DIR, staging, { recursive: true });
    for (const [name, from] of sharedFiles) cpSync(from, join(staging, name));
    const vsix = process.env.LSTM_E2E_VSIX || undefined;
    workbench = openWorkbench({ vsix, workspaceFrom: staging, extensionHost }).finally(() =>
      rmSync(staging, { recursive: true, force: true }),
    );
    shared.set(extensionHost, workbench);
  }
  return workbench;
}

/**
 * The extension's files that the page's web workers fetched: the web worker extension host loads the
 * `browser` entry (dist/web/extension.js) this way, so it is listed only when the extension runs there.
 */
export async function extensionFilesInWebWorkers(page) {
  const urls = await Promise.all(
    page
      .workers()
      .map((worker) =>
        worker.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name)).catch(() => []),
      ),
  );
  return urls
    .flat()
    .map((url) => decodeURIComponent(url))
    .filter((url) => /lstm-notebooks[^/]*\/dist\//.test(url) || url.includes(`${REPO_ROOT}/dist/`));
}

/** Opens a lesson as a notebook (Quick Open, like Ctrl+P) and waits for its cells. */
export async function openLesson(page, lesson) {
  const name = lesson.split('/').pop();
  await openFile(page, name);
  // Until its tab is the active one, the notebook in view may still be the previous lesson.
  await page
    .locator('.tabs-container .tab.active', { hasText: name })
    .first()
    .waitFor({ state: 'visible', timeout: 30_000 });
  await waitForNotebook(page);
}

/** "Notebook: Run All", picking the LSTM kernel if VS Code asks which one; waits for the run to end. */
export async function runAll(page, { timeout = 120_000 } = {}) {
  const before = await executionLabels(page);
  await runCommand(page, 'Notebook: Run All');
  const picker = page.locator('.quick-input-widget');
  const pickKernel = async () => {
    if (!(await picker.isVisible().catch(() => false))) return;
    const lstm = picker.locator('.monaco-list-row', { hasText: /LSTM/i }).first();
    if (await lstm.count()) await lstm.click().catch(() => {});
    else await page.keyboard.press('Enter');
  };
  await waitForExecution(page, { before, timeout, onWait: pickKernel });
}

/**
 * Scrolls through the notebook and records the code cells' run states (`cells`: how many succeeded,
 * failed, did not run) and what the renderer drew: the most diagrams, formulas and drawing errors
 * seen at once. With `shots: { dir, prefix }`, saves the window where the first diagram shows
 * (`prefix.png`) and close-ups of the first diagram and formula.
 * @param {import('playwright-core').Page} page
 * @param {{ shots?: { dir: string; prefix: string }; timeout?: number }} [options]
 */
export async function inspectOutputs(page, { shots, timeout = 30_000 } = {}) {
  const seen = { diagram: 0, formula: 0, error: 0 };
  const taken = new Set();
  if (shots) mkdirSync(shots.dir, { recursive: true });
  // launchBrowser always sets one; Playwright's type allows none.
  const viewport = page.viewportSize() ?? { width: 1400, height: 1000 };
  /** The first element matching `selector` whose top is in the window (and that fits in it). */
  const firstInView = async (selector) => {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const all = frame.locator(selector);
      const n = await all.count().catch(() => 0);
      for (let i = 0; i < n; i++) {
        const box = await all
          .nth(i)
          .boundingBox()
          .catch(() => null);
        if (box && box.width > 4 && box.height > 4 && box.y >= 0 && box.y < viewport.height) {
          return all.nth(i);
        }
      }
    }
    return null;
  };
  /**
   * Scrolls the list (by 50 px wheel notches) until the element is whole in the window, or, when it
   * is taller than the room under the notebook's toolbar (a stacked or vector cell's diagram), until
   * its top is just under the toolbar; the screenshot then shows as much of it as fits.
   */
  const bringIntoView = async (element) => {
    const box = await element.boundingBox();
    const room = viewport.height - 20 - TOOLBAR_BOTTOM;
    const tall = box.height > room;
    // Whole notches: rounded up to show the bottom of a short element, down to keep a tall one's top in view.
    const notches = tall
      ? Math.floor((box.y - TOOLBAR_BOTTOM) / 50)
      : Math.floor((box.y + box.height - (viewport.height - 20)) / 50) + 1;
    for (let n = 0; n < notches; n++) await page.mouse.wheel(0, 120);
    await delay(400);
    const after = await element.boundingBox();
    if (!after || after.y < 0) return null;
    return tall || after.y + after.height <= viewport.height ? after : null;
  };
  const clip = (box, pad = 12) => {
    const x = Math.max(0, box.x - pad);
    const y = Math.max(0, box.y - pad);
    return {
      x,
      y,
      width: Math.min(viewport.width - x, box.width + 2 * pad),
      height: Math.min(viewport.height - y, box.height + 2 * pad),
    };
  };
  const states = new Map();
  await scrollNotebook(page, async () => {
    for (let wait = 0; wait < 120 && [...(await cellStates(page)).values()].includes('running'); wait++)
      await delay(250);
    for (const [index, state] of await cellStates(page)) states.set(index, state);
    // Mermaid and KaTeX load on first use: wait while an output still says it is drawing.
    const drawing = Date.now() + timeout;
    while (Date.now() < drawing && (await countInFrames(page, { loading: OUTPUT.loading })).loading > 0)
      await delay(250);
    const counts = await countInFrames(page, { diagram: OUTPUT.diagram, formula: OUTPUT.formula, error: OUTPUT.error });
    for (const key of Object.keys(seen)) seen[key] = Math.max(seen[key], counts[key]);
    if (!shots) return false; // scan to the end: every cell's state counts
    for (const key of ['diagram', 'formula']) {
      if (taken.has(key)) continue;
      const element = await firstInView(
        key === 'formula' ? `${OUTPUT.formula}-display, ${OUTPUT.formula}` : OUTPUT[key],
      );
      const box = element && (await bringIntoView(element));
      if (!box) continue;
      await delay(300); // let fonts and the diagram settle
      if (key === 'diagram') await page.screenshot({ path: join(shots.dir, `${shots.prefix}.png`) });
      await page.screenshot({ path: join(shots.dir, `${shots.prefix}-${key}.png`), clip: clip(box) });
      taken.add(key);
    }
    return false;
  });
  if (shots && !taken.has('diagram')) await page.screenshot({ path: join(shots.dir, `${shots.prefix}.png`) });
  const cells = { success: 0, error: 0, idle: 0, running: 0 };
  for (const state of states.values()) cells[state]++;
  return { ...seen, cells, screenshots: [...taken] };
}
