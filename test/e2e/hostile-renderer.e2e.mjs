// The hostile corpus in headless Chromium, through the renderer bundle as it ships (dist/renderer,
// copied aside so a concurrent build can't pull it away): every payload the kernel makes from
// test/fixtures/hostile/ (and from some huge generated files), every error message as a warning, and
// forged payloads a compromised kernel could send, each rendered into its own output on a static page
// (test/hostile/page.html, served from 127.0.0.1 on a free port, like the preview page).
// Asserted: no script from a payload ran (pwn(), alert, confirm, prompt, open, print, eval, Function,
// string timers and dialogs are all traps); no request left the page's own files; no output holds
// <script>, <iframe>, <object>, <img>, a link, an on* attribute or a url() style; hostile text that is
// shown is shown literally; mermaid's SVG and KaTeX's TeX hold no notebook text; outputs made by the
// kernel never show NaN. Then every element is clicked, hovered and focused, and the traps still hold.
//
// Run by scripts/test-e2e.mjs (npm run test:e2e), which builds dist/ first; alone:
//   npx mocha --ui tdd --timeout 300000 test/e2e/hostile-renderer.e2e.mjs   (after npm run build)
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import { REPO_ROOT } from '../../scripts/lib/cache.mjs';
import { launchBrowser } from '../../scripts/lib/browser.mjs';

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/** Traps installed in the page before any of its scripts run. */
function installTraps() {
  const record = (what, args) =>
    window.__pwned.push(`${what}(${[...args].map((a) => String(a).slice(0, 120)).join(', ')})`);
  window.__pwned = [];
  window.__evals = [];
  window.pwn = (...args) => record('pwn', args);
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) window[name] = (...args) => record(name, args);
  const realEval = window.eval;
  window.eval = function (code) {
    window.__evals.push(String(code).slice(0, 300));
    return realEval(code);
  };
  const RealFunction = window.Function;
  window.Function = new Proxy(RealFunction, {
    apply(target, self, args) {
      window.__evals.push(`Function(${args.join(', ').slice(0, 300)})`);
      return Reflect.apply(target, self, args);
    },
    construct(target, args) {
      window.__evals.push(`new Function(${args.join(', ').slice(0, 300)})`);
      return Reflect.construct(target, args);
    },
  });
  for (const name of ['setTimeout', 'setInterval']) {
    const real = window[name];
    window[name] = function (handler, ...rest) {
      if (typeof handler === 'string') window.__evals.push(`${name}("${handler.slice(0, 300)}")`);
      return real.call(this, handler, ...rest);
    };
  }
}

suite('hostile notebooks rendered in headless Chromium', function () {
  this.timeout(300_000);
  let dir;
  let server;
  let origin;
  let browser;
  let page;
  let payloadCount = 0;
  let fileCount = 0;
  const requests = [];
  const served = [];
  const dialogs = [];
  const pageErrors = [];
  let reports = [];

  suiteSetup(async function () {
    const renderer = join(REPO_ROOT, 'dist', 'renderer', 'renderer.js');
    assert.ok(existsSync(renderer), 'dist/renderer/renderer.js is missing: build first (npm run build)');
    dir = mkdtempSync(join(tmpdir(), 'lstm-hostile-'));
    cpSync(join(REPO_ROOT, 'dist', 'renderer'), join(dir, 'renderer'), { recursive: true });
    // The payloads are made in Node by the real kernel: bundle the TypeScript that makes them.
    await esbuild.build({
      entryPoints: [join(REPO_ROOT, 'test', 'hostile', 'build-payloads.ts')],
      outfile: join(dir, 'build-payloads.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
    });
    await esbuild.build({
      entryPoints: [join(REPO_ROOT, 'test', 'hostile', 'page.ts')],
      outfile: join(dir, 'page.js'),
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      logLevel: 'warning',
    });
    cpSync(join(REPO_ROOT, 'test', 'hostile', 'page.html'), join(dir, 'page.html'));
    const { buildPayloads } = await import(pathToFileURL(join(dir, 'build-payloads.mjs')).href);
    const { payloads, files } = buildPayloads(join(REPO_ROOT, 'test', 'fixtures', 'hostile'));
    payloadCount = payloads.length;
    fileCount = files;
    writeFileSync(join(dir, 'payloads.js'), `window.__HOSTILE = ${JSON.stringify(payloads)};\n`);

    server = createServer((request, response) => {
      served.push(request.url);
      const path = normalize(join(dir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
      if (!path.startsWith(dir + sep) || !existsSync(path) || !statSync(path).isFile()) {
        response.writeHead(404).end();
        return;
      }
      response
        .writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' })
        .end(readFileSync(path));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;

    browser = await launchBrowser({ viewport: { width: 1200, height: 900 } });
    page = browser.page;
    await page.context().addInitScript(installTraps);
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => {});
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('popup', (popup) => dialogs.push(`popup: ${popup.url()}`));
  });

  suiteTeardown(async function () {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (dir && !process.env.LSTM_KEEP_TEMP) rmSync(dir, { recursive: true, force: true });
  });

  const ownFile = (url) => {
    if (url.startsWith('data:')) return false;
    if (!url.startsWith(origin + '/')) return false;
    const path = new URL(url).pathname;
    return /^\/(page\.html|page\.js|payloads\.js|favicon\.ico|renderer\/[\w./-]+)$/.test(path) && !/PWN/i.test(path);
  };
  const noScriptRan = async () => {
    const { pwned, evals } = await page.evaluate(() => ({ pwned: window.__pwned, evals: window.__evals }));
    assert.deepEqual(pwned, [], 'a trap was called: a script from a payload ran');
    // (Playwright's own evaluate() calls show up here too; they hold none of these.)
    assert.deepEqual(
      evals.filter((code) => /pwn\(|PWN|alert\(|javascript:/.test(code)),
      [],
      'eval/Function ran text from a payload',
    );
    assert.deepEqual(dialogs, [], 'a dialog or popup opened');
  };
  const noForeignRequest = () => {
    assert.deepEqual(
      requests.filter((url) => !ownFile(url)),
      [],
      "a request left the page's own files",
    );
    assert.deepEqual(
      served.filter((url) => /PWN/i.test(url)),
      [],
    );
  };

  test('every payload of the corpus and every forgery renders into its own output', async function () {
    console.log(`      (${payloadCount} payloads from ${fileCount} corpus files and forgeries)`);
    await page.goto(`${origin}/page.html`);
    await page.waitForSelector('body[data-done]', { timeout: 280_000 });
    assert.equal(await page.evaluate(() => document.body.dataset.done), 'true');
    assert.deepEqual(await page.evaluate(() => window.__renderErrors), [], 'renderOutputItem threw');
    reports = await page.evaluate(() => window.__inspect());
    assert.equal(reports.length, payloadCount);
    const drawn = reports.filter((report) => report.diagrams > 0 && report.formulas > 0).length;
    console.log(`      (${drawn} outputs drew a mermaid diagram and KaTeX formulas)`);
    assert.ok(drawn > 20, `only ${drawn} outputs drew a diagram and formulas`);
  });

  test('no script from a payload ran, and no dialog opened', async function () {
    await noScriptRan();
    assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
  });

  test("no request left the page's own files (bundle, chunks, stylesheet, fonts)", function () {
    assert.ok(
      requests.some((url) => url.endsWith('/renderer/mermaid.js')),
      'the lazily loaded mermaid bundle was requested',
    );
    console.log(
      `      (${requests.length} requests, all to the page's own files: ${new Set(requests.map((url) => new URL(url).pathname.split('/').slice(0, 3).join('/'))).size} paths)`,
    );
    noForeignRequest();
  });

  test('no output holds script, frames, objects, images, links, on* attributes or url() styles', function () {
    const bad = reports
      .filter((report) => report.dangers.length > 0)
      .map((report) => `${report.name}: ${report.dangers.join(', ')}`);
    assert.deepEqual(bad, []);
  });

  test('hostile text that is shown is shown literally, as text', function () {
    const bad = reports
      .filter((report) => report.missing.length > 0)
      .map((report) => `${report.name}: ${report.missing.join(' | ')}`);
    assert.deepEqual(bad, []);
    assert.ok(
      reports.some((report) => report.name.startsWith('forged: hostile expect texts')),
      'the forged texts were rendered',
    );
  });

  test("mermaid's diagram and KaTeX's formulas hold no text of the notebook", function () {
    const bad = reports
      .filter((report) => report.tainted.length > 0)
      .map((report) => `${report.name}: ${report.tainted.join(', ')}`);
    assert.deepEqual(bad, []);
  });

  test('outputs made by the kernel never show NaN (nor Infinity or undefined)', function () {
    const bad = reports
      .filter((report) => report.fromKernel)
      .filter((report) => report.notANumber.length > 0)
      .map((report) => `${report.name}: ${report.notANumber.slice(0, 3).join(', ')}`);
    assert.deepEqual(bad, []);
    const kernelAlerts = reports
      .filter((report) => report.fromKernel && report.alerts.length > 0)
      .map((report) => `${report.name}: ${report.alerts.join(' | ')}`);
    assert.deepEqual(kernelAlerts, [], 'a kernel payload showed a drawing error');
  });

  test('clicking, hovering and focusing every element of every output runs nothing and fetches nothing', async function () {
    const poked = await page.evaluate(() => window.__poke());
    assert.ok(poked > 1000, `only ${poked} elements poked`);
    await page.waitForTimeout(1500); // a notation toggle redraws diagrams and formulas
    await noScriptRan();
    noForeignRequest();
    const after = await page.evaluate(() => window.__inspect());
    assert.deepEqual(
      after
        .filter((report) => report.dangers.length > 0)
        .map((report) => `${report.name}: ${report.dangers.join(', ')}`),
      [],
    );
    assert.deepEqual(
      after
        .filter((report) => report.tainted.length > 0)
        .map((report) => `${report.name}: ${report.tainted.join(', ')}`),
      [],
    );
  });
});
