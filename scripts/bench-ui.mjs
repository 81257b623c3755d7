// `npm run bench:ui`: scrub-to-repaint times of explorable outputs in headless Chromium, on the
// renderer preview page (the renderer bundle as it ships, real mermaid and KaTeX). For each sample an
// arrow key nudges one number 60 times (20 steps up, 20 down, 20 up, as a hand drags); each time is the key's handler plus the animation frame that
// re-runs the cell through the core and repaints every view, up to the end of the style, layout and
// paint that frame causes (test/renderer-preview/benchPage.ts). Printed with the script part of it and
// the peer: drawing the same output from scratch (what a kernel re-run costs the renderer).
// Targets (issue #11): median ≤ 8 ms and p95 ≤ 16 ms for the lessons' cells; p95 ≤ 33 ms at H = 64, T = 100.
// With --trace, each sample also prints where its frames' time goes (./bench-ui-trace.mjs).
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { phaseSummary, TRACE_CATEGORIES } from './bench-ui-trace.mjs';
import { buildPreview, PREVIEW_ARGS } from './lib/preview.mjs';

const SAMPLES = [
  {
    only: 'explore',
    index: 0,
    name: 'lesson 2, try it (H = 1, 1 step)',
    slider: 'forget gate, short-term weight wh',
    target: [8, 16],
  },
  {
    only: 'explore',
    index: 1,
    name: 'lesson 6, sequence B (H = 1, 4 steps)',
    slider: 'input x at step 1',
    target: [8, 16],
  },
  {
    only: 'explore',
    index: 2,
    name: 'lesson 5, try it (H = 2, X = 3)',
    slider: 'forget gate, weight W [2, 5]',
    target: [8, 16],
  },
  {
    // Mid-drag only the views on screen repaint (src/renderer/onScreen.ts): here the equations are.
    only: 'explore',
    index: 2,
    name: 'lesson 5, with its equations in view',
    slider: 'forget gate, weight W [2, 5]',
    view: '[data-equation="c"]',
    target: [8, 16],
  },
  { only: 'wide', index: 0, name: 'H = 64, T = 100', slider: 'forget gate, bias b [1]', target: [undefined, 33] },
];
const ROUNDS = 60;

const url = await buildPreview({ build: !process.argv.includes('--no-build') });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', ...PREVIEW_ARGS] });
const quantile = (values, q) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
let failed = 0;
// Frame times scale with what else the machine runs: the load is printed with them.
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
console.log(`load average before: ${load()}`);
try {
  for (const sample of SAMPLES) {
    const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
    await page.goto(`${url}?only=${sample.only}&bench`);
    await page.waitForSelector('body[data-done]', { timeout: 120_000 });
    // The page's own functions (test/renderer-preview/benchPage.ts), called by name.
    const args = `${sample.index}, ${JSON.stringify(sample.slider)}`;
    const view = sample.view ? `, ${JSON.stringify(sample.view)}` : '';
    const { times: result, script } = await page.evaluate(`scrubTimes(${args}, ${ROUNDS}${view})`);
    const peers = [];
    for (let k = 0; k < 5; k++)
      peers.push(
        await page.evaluate(
          `(async () => { const s = performance.now(); await rerender(${sample.index}); return performance.now() - s; })()`,
        ),
      );
    const times = { result, peer: peers };
    const median = quantile(times.result, 0.5);
    const p95 = quantile(times.result, 0.95);
    const peer = quantile(times.peer, 0.5);
    const [medianTarget, p95Target = Infinity] = sample.target;
    const ok = (medianTarget === undefined || median <= medianTarget) && p95 <= p95Target;
    if (!ok) failed++;
    console.log(
      `${sample.name.padEnd(40)} scrub→repaint median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms` +
        ` (target ${medianTarget === undefined ? '' : `median ≤ ${medianTarget}, `}p95 ≤ ${p95Target}) ${ok ? 'ok' : 'OVER'};` +
        ` script ${quantile(script, 0.5).toFixed(1)} ms of it;` +
        ` redrawing from scratch ${peer.toFixed(0)} ms (${(peer / median).toFixed(0)}× the median)`,
    );
    if (process.argv.includes('--trace')) {
      // Extra rounds, after the timed ones: tracing slows the page down.
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      await page.evaluate(`scrubTimes(${args}, 20${view})`);
      console.log(`  ${phaseSummary((await browser.stopTracing()).toString())}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`load average after: ${load()}`);
process.exitCode = failed ? 1 : 0;
