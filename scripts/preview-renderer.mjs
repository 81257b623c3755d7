// Builds a static page that renders sample payloads with dist/renderer/renderer.js, for screenshots.
//   node scripts/preview-renderer.mjs                 build, print the page's URLs
//   node scripts/preview-renderer.mjs --screenshot D  also screenshot light and dark into folder D
// The page is ES modules over file://, so Chromium needs --allow-file-access-from-files. Screenshots
// go through playwright-core and wait for the page's "done" mark: `chromium --screenshot` with a
// virtual time budget does not wait for the lazily imported mermaid and KaTeX chunks.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { buildPreview } from './lib/preview.mjs';

const shotIndex = process.argv.indexOf('--screenshot');
const shots = shotIndex > 0 ? resolve(process.argv[shotIndex + 1] ?? 'screenshots') : undefined;

const page = await buildPreview();
if (!shots) {
  for (const theme of ['light', 'dark']) console.log(`${page}?theme=${theme}`);
} else {
  mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'],
  });
  try {
    for (const theme of ['light', 'dark']) {
      const tab = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      tab.on('pageerror', (error) => console.error(`page error: ${error.message}`));
      await tab.goto(`${page}?theme=${theme}`);
      await tab.waitForSelector('body[data-done]', { timeout: 60_000 });
      await tab.evaluate(() => document.fonts.ready);
      const file = join(shots, `renderer-${theme}.png`);
      await tab.screenshot({ path: file, fullPage: true });
      console.log(`${file}\n${await tab.textContent('#report')}`);
      // One picture per sample too, at full resolution, for a closer look.
      const samples = tab.locator('.sample');
      for (let index = 0; index < (await samples.count()); index++) {
        await samples.nth(index).screenshot({ path: join(shots, `renderer-${theme}-${index}.png`) });
      }
      await tab.close();
    }
  } finally {
    await browser.close();
  }
}
