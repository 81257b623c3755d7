// The exported HTML pages in headless Chromium, opened from file:// with every request but the page
// itself refused (and recorded): each lesson, exported by the built CLI (dist/cli.js), draws its gate
// diagrams (mermaid SVG) and formulas (KaTeX) with the numbers `lstm-notebook run --json` computed, under
// its Content-Security-Policy with no violation; and each notebook of the hostile corpus exported to
// HTML runs no script of its own, fetches nothing, and holds no executable markup, in light and dark.
//
// Run by scripts/test-e2e.mjs (npm run test:e2e), which builds dist/ first; alone:
//   npx mocha --ui tdd --timeout 300000 test/e2e/export-html.e2e.mjs   (after npm run build)
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import { launchBrowser } from '../../scripts/lib/browser.mjs';
import { REPO_ROOT } from '../../scripts/lib/cache.mjs';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const LESSONS = join(REPO_ROOT, 'lessons');
const HOSTILE = join(REPO_ROOT, 'test', 'fixtures', 'hostile');
const MAX_PAGE_BYTES = 4 * 1024 * 1024; // 4.3 MB each before mermaid lost the diagram types we never draw

function cli(args) {
  const out = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

/** Traps set before the page's script runs: any call is a script from the notebook running. */
function installTraps() {
  window.__pwned = [];
  window.__violations = [];
  const trap =
    (name) =>
    (...args) =>
      window.__pwned.push(`${name}(${args.map(String).join(', ').slice(0, 100)})`);
  for (const name of ['pwn', 'alert', 'confirm', 'prompt', 'open', 'print']) window[name] = trap(name);
  document.addEventListener('securitypolicyviolation', (event) =>
    window.__violations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`.trim()),
  );
}

/** What a drawn page holds, outputs' shadow roots included. */
function inspectPage() {
  /** @type {(Document | ShadowRoot)[]} */
  const roots = [document];
  for (const output of document.querySelectorAll('.output')) if (output.shadowRoot) roots.push(output.shadowRoot);
  const all = roots.flatMap((root) => [...root.querySelectorAll('*')]);
  const dangers = [];
  for (const element of all) {
    const tag = element.tagName.toLowerCase();
    if (['iframe', 'object', 'embed', 'frame', 'base', 'form', 'img'].includes(tag)) dangers.push(`<${tag}>`);
    if (
      tag === 'script' &&
      /** @type {HTMLScriptElement} */ (element).type !== 'application/json' &&
      element !== document.scripts[document.scripts.length - 1]
    )
      dangers.push('<script>');
    for (const attribute of element.attributes) {
      const value = attribute.value.trim().toLowerCase();
      if (attribute.name.startsWith('on')) dangers.push(`${tag}[${attribute.name}]`);
      if (/^(javascript|vbscript|data:text)/.test(value))
        dangers.push(`${tag}[${attribute.name}=${value.slice(0, 40)}]`);
      if (['href', 'src', 'xlink:href', 'action'].includes(attribute.name) && !/^(#|https?:|blob:|data:)/.test(value))
        dangers.push(`${tag}[${attribute.name}=${value.slice(0, 40)}]`);
    }
  }
  const outputs = [...document.querySelectorAll('.output')].map((output) => {
    const root = output.shadowRoot;
    const text = (selector) => [...(root?.querySelectorAll(selector) ?? [])].map((e) => e.textContent ?? '');
    return {
      diagrams: root?.querySelectorAll('.diagram > svg').length ?? 0,
      sliders: root?.querySelectorAll('.inputs [role="slider"]').length ?? 0,
      exploreOff: text('.explore-off'),
      formulas: root?.querySelectorAll('.katex').length ?? 0,
      badges: text('.badge'),
      errors: text('.error'),
      newC: text('.diagram g.node[id*="_c-"]'),
      newH: text('.diagram g.node[id*="_h-"]'),
    };
  });
  return {
    drawn: document.documentElement.dataset.drawn,
    pwned: window.__pwned,
    violations: window.__violations,
    dangers,
    outputs,
    markdownFormulas: document.querySelectorAll('.markdown .katex').length,
  };
}

/** The last `count` numbers of a label, each with how far its shown digits may be from the exact value. */
function shownNumbers(label, count) {
  const numbers = [...label.matchAll(/-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g)].map(([text]) => {
    const [mantissa, exponent = '0'] = text.split('e');
    const decimals = mantissa.split('.')[1]?.length ?? 0;
    return { value: Number(text), slack: 0.5 * 10 ** (Number(exponent) - decimals) * 1.000001 };
  });
  return numbers.slice(-count);
}

function assertShows(label, exact, what) {
  const shown = shownNumbers(label, exact.length);
  assert.equal(shown.length, exact.length, `${what}: "${label}" shows ${shown.length} numbers, not ${exact.length}`);
  shown.forEach((number, k) =>
    assert.ok(
      Math.abs(number.value - exact[k]) <= number.slack,
      `${what}[${k}]: the page shows ${number.value}, the kernel computed ${exact[k]}`,
    ),
  );
}

suite('exported HTML pages in headless Chromium, offline', function () {
  this.timeout(600_000);
  let dir;
  let browser;

  suiteSetup(async function () {
    assert.ok(existsSync(CLI), 'dist/cli.js is missing: build first (npm run build)');
    dir = mkdtempSync(join(tmpdir(), 'lstm-export-html-'));
    browser = await launchBrowser({ viewport: { width: 1200, height: 900 } });
    await browser.context.addInitScript(installTraps);
  });

  suiteTeardown(async function () {
    await browser?.close();
    if (dir && !process.env.LSTM_KEEP_TEMP) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens `file` with every other request refused; returns what the page drew and what it tried. */
  async function open(file, colorScheme = 'light') {
    const page = await browser.context.newPage();
    const own = pathToFileURL(file).href;
    const refused = [];
    const pageErrors = [];
    await page.emulateMedia({ colorScheme });
    await page.route('**/*', (route) => {
      if (route.request().url() === own) return route.continue();
      refused.push(route.request().url());
      return route.abort();
    });
    page.on('request', (request) => {
      const url = request.url();
      if (url !== own && !url.startsWith('blob:') && !url.startsWith('data:')) refused.push(url);
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => void dialog.dismiss().catch(() => {}));
    await page.goto(own);
    await page.waitForFunction(() => document.documentElement.dataset.drawn !== undefined, null, { timeout: 120_000 });
    const report = await page.evaluate(inspectPage);
    await page.close();
    return { ...report, refused: [...new Set(refused)], pageErrors };
  }

  const lessons = readdirSync(LESSONS)
    .filter((name) => name.endsWith('.lstm'))
    .sort();

  test('there are seven lessons to export', () => assert.ok(lessons.length >= 7));

  for (const lesson of lessons) {
    test(`${lesson}: diagrams, formulas and the kernel's numbers, with no request and no CSP violation`, async () => {
      const source = join(LESSONS, lesson);
      const out = join(dir, lesson.replace(/\.lstm$/, '.html'));
      const written = cli(['export', source, '--to', 'html', '-o', out]);
      assert.equal(written.code, 0, written.stderr);
      const size = statSync(out).size;
      assert.ok(size < MAX_PAGE_BYTES, `${basename(out)} is ${size} bytes, over 4 MiB`);
      const json = JSON.parse(cli(['run', '--json', source]).stdout);

      const page = await open(out);
      assert.deepEqual(page.refused, [], 'the page made a request');
      assert.deepEqual(page.violations, [], 'the Content-Security-Policy refused something');
      assert.deepEqual(page.pageErrors, [], 'the page threw');
      assert.deepEqual(page.dangers, []);
      assert.equal(page.outputs.length, json.cells.length, 'one output per code cell');
      assert.equal(page.drawn, String(json.cells.length));
      assert.ok(page.markdownFormulas > 0, 'the markdown cells have typeset formulas');
      json.cells.forEach((cell, k) => {
        const output = page.outputs[k];
        assert.deepEqual(output.errors, [], `cell ${cell.index}: the output shows an error`);
        const passed = cell.expects.filter((e) => e.pass).length;
        assert.equal(output.badges.filter((b) => /pass/.test(b)).length, passed, `cell ${cell.index}: pass badges`);
        const last = cell.steps.at(-1);
        if (!last) return;
        assert.equal(output.diagrams, 1, `cell ${cell.index}: the gate diagram`);
        // Every lesson cell that ran a step can be explored, lesson 7's loaded network too.
        assert.deepEqual(output.exploreOff, [], `cell ${cell.index}: the output says it cannot be explored`);
        assert.ok(output.sliders > 0, `cell ${cell.index}: no slider in the inputs panel`);
        assert.ok(output.formulas >= 6, `cell ${cell.index}: ${output.formulas} formulas`);
        assertShows(output.newC.join(' '), last.c, `cell ${cell.index} c`);
        assertShows(output.newH.join(' '), last.h, `cell ${cell.index} h`);
      });
    });
  }

  test('a lesson in dark mode draws the same outputs with the same numbers', async () => {
    const out = join(dir, 'dark.html');
    assert.equal(cli(['export', join(LESSONS, lessons[5]), '--to', 'html', '-o', out]).code, 0);
    const [light, dark] = [await open(out, 'light'), await open(out, 'dark')];
    assert.deepEqual(dark.refused, []);
    assert.deepEqual(dark.violations, []);
    assert.deepEqual(
      dark.outputs.map((o) => [o.diagrams, o.newC, o.newH]),
      light.outputs.map((o) => [o.diagrams, o.newC, o.newH]),
    );
  });

  test("printing (Chromium's Save as PDF) hides every control and makes a PDF", async () => {
    const out = join(dir, 'print.html');
    assert.equal(cli(['export', join(LESSONS, lessons[1]), '--to', 'html', '-o', out]).code, 0);
    const page = await browser.context.newPage();
    const own = pathToFileURL(out).href;
    await page.route('**/*', (route) => (route.request().url() === own ? route.continue() : route.abort()));
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(own);
    await page.waitForFunction(() => document.documentElement.dataset.drawn !== undefined, null, { timeout: 120_000 });
    // Whether each element of the outputs is drawn: the controls, and the numbers inside the equations.
    const drawn = (selector) =>
      page.evaluate(
        (selector) =>
          [...document.querySelectorAll('.output')].flatMap((o) =>
            [...(o.shadowRoot?.querySelectorAll(selector) ?? [])].map((e) => e.getClientRects().length > 0),
          ),
        selector,
      );
    const CONTROLS = 'button, input, .inputs [role="slider"], .time-slider';
    const EQUATION_NUMBERS = '.equation .scrub-handle';
    const onScreen = await drawn(CONTROLS);
    assert.ok(onScreen.length > 0 && onScreen.every(Boolean), 'the page has controls on screen');
    const numbers = await drawn(EQUATION_NUMBERS);
    assert.ok(numbers.length > 0 && numbers.every(Boolean), 'the equations hold draggable numbers on screen');
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    assert.deepEqual([...new Set(await drawn(CONTROLS))], [false], 'a control is printed');
    assert.deepEqual([...new Set(await drawn(EQUATION_NUMBERS))], [true], 'the equations lost their numbers in print');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, 'rgb(255, 255, 255)', 'printed on white even with a dark system scheme');
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10_000);
    await page.close();
  });

  test('the hostile corpus: no script runs, nothing is fetched, no executable markup', async () => {
    const files = readdirSync(HOSTILE)
      .filter((name) => name.endsWith('.lstm'))
      .sort();
    assert.ok(files.length > 30, `only ${files.length} hostile notebooks`);
    const failures = [];
    let pages = 0;
    for (const name of files) {
      const out = join(dir, `hostile-${name.replace(/\.lstm$/, '.html')}`);
      const written = cli(['export', join(HOSTILE, name), '--to', 'html', '-o', out]);
      if (written.code === 2) {
        // Only files the CLI can't read as text are refused; they are written nowhere.
        if (!/^lstm-notebook: cannot read .*: it is not UTF-8 text\n$/.test(written.stderr))
          failures.push(`${name}: exit 2: ${written.stderr.trim()}`);
        if (existsSync(out)) failures.push(`${name}: written despite exit 2`);
        continue;
      }
      if (written.code !== 0) {
        failures.push(`${name}: exit ${written.code}: ${written.stderr.trim()}`);
        continue;
      }
      pages++;
      const page = await open(out);
      const problems = [
        ...page.pwned.map((call) => `ran ${call}`),
        ...page.refused.map((url) => `requested ${url.slice(0, 80)}`),
        ...page.violations.map((v) => `CSP refused ${v.slice(0, 120)}`),
        ...page.dangers,
        ...page.pageErrors.map((e) => `threw ${e.slice(0, 120)}`),
      ];
      if (problems.length) failures.push(`${name}: ${problems.join('; ')}`);
    }
    console.log(`      (${pages} of ${files.length} hostile notebooks exported and opened)`);
    assert.deepEqual(failures, []);
    assert.ok(pages > 30, `only ${pages} hostile pages opened`);
  });
});
