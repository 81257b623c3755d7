// `npm run test:integration`: the extension's tests inside a real VS Code (code-server).
//
// 1. builds the extension (`node esbuild.mjs`, unless --no-build) and bundles the tests:
//    test/integration/index.ts and test/integration/suite/**/*.test.ts → out/test/integration/run-PID/
//    (esbuild, one CommonJS bundle per file for the Node extension host; `vscode` and `mocha` stay
//    external), and the same suites with test/integration/web/index.ts into one bundle, web/index.js,
//    for the web worker extension host (no Node there: mocha's browser build, an assert of our own);
//    removed after the run unless LSTM_KEEP_TEMP=1;
// 2. copies lessons/ to a fresh temporary workspace (VS Code may re-save what it opens);
// 3. runs them with @vscode/test-electron's `runTests`, whose `vscodeExecutablePath` is our
//    scripts/code-server-test-host.mjs: that starts code-server and drives it in headless Chromium.
//    Once in the Node extension host, then once in the web worker host (LSTM_EXTENSION_HOST=web), as
//    on vscode.dev; `--host node` or `--host web` runs one. The last line is the total of both.
//
// --bundle-only: steps 1 and 2 into out/test/integration/desktop/ (tests) and .../desktop-workspace/,
// then stop: what .vscode/launch.json's "Extension Tests" runs in desktop VS Code.
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import { ensureCodeServer, REPO_ROOT } from './lib/cache.mjs';
import { noNodeBuiltins } from './lib/web-bundle.mjs';
import { makeRunDir } from './lib/code-server.mjs';
import { buildExtension } from './lib/extension.mjs';
import { SUMMARY } from './lib/jobs.mjs';
import { step } from './lib/log.mjs';
import { delay, descendants, onShutdown } from './lib/processes.mjs';

const TESTS_SRC = join(REPO_ROOT, 'test', 'integration');
// One folder per run: several runs may share this working tree. Inside the repository, so that the
// bundles' require('mocha') finds node_modules.
const BUNDLE_ONLY = process.argv.includes('--bundle-only');
const TESTS_OUT = join(REPO_ROOT, 'out', 'test', 'integration', BUNDLE_ONLY ? 'desktop' : `run-${process.pid}`);
const HOST = join(REPO_ROOT, 'scripts', 'code-server-test-host.mjs');

/** In the web bundle, the suites' `mocha` and `node:assert/strict` imports go to the stand-ins in test/integration/web/. */
const webStandIns = {
  name: 'web-stand-ins',
  setup(build) {
    const standIn = { mocha: 'mocha.ts', 'node:assert/strict': 'assert.ts' };
    build.onResolve({ filter: /^(mocha|node:assert\/strict)$/ }, (args) => ({
      path: join(TESTS_SRC, 'web', standIn[args.path]),
    }));
    // mocha.js is a UMD script in a "type": "module" package, so esbuild takes it for ESM and its
    // `module.exports = …` would replace this bundle's exports: hide module/exports/define from it, so
    // it sets the global `mocha` instead.
    build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, (args) => ({
      contents: `(function (module, exports, define) {\n${readFileSync(args.path, 'utf8')}\n})();`,
      loader: 'js',
    }));
  },
};

/** The suites and web/index.ts in one CommonJS file for the web worker host, which resolves no `require` but 'vscode'. */
function buildWebTests(suites) {
  const requires = suites.map((file) => `require(${JSON.stringify(file)});`).join('\n');
  const options = { timeout: Number(process.env.LSTM_TEST_CASE_TIMEOUT ?? 60_000), grep: process.env.LSTM_TEST_GREP };
  return esbuild.build({
    stdin: {
      contents: `import { runTests } from './web/index';\nexport const run = () => runTests(() => {\n${requires}\n});\n`,
      resolveDir: TESTS_SRC,
      sourcefile: 'web-entry.ts',
      loader: 'ts',
    },
    outfile: join(TESTS_OUT, 'web', 'index.js'),
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    sourcemap: 'inline',
    external: ['vscode'],
    define: { LSTM_TEST_HOST: '"web"', LSTM_TEST_OPTIONS: JSON.stringify(options) },
    plugins: [webStandIns, noNodeBuiltins],
    logLevel: 'warning',
  });
}

async function buildTests() {
  const done = step(`Bundling the integration tests into ${relative(REPO_ROOT, TESTS_OUT)}`);
  const suites = findTests(join(TESTS_SRC, 'suite'));
  const entryPoints = [join(TESTS_SRC, 'index.ts'), ...suites];
  rmSync(TESTS_OUT, { recursive: true, force: true });
  await buildWebTests(suites);
  await esbuild.build({
    entryPoints,
    outbase: TESTS_SRC,
    outdir: TESTS_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    define: { LSTM_TEST_HOST: '"node"' },
    logLevel: 'warning',
  });
  await esbuild.stop(); // its service process would outlive the build
  done();
}

function findTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findTests(path);
    return /\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

function makeWorkspace(runDir, name) {
  const workspace = join(runDir, name);
  mkdirSync(workspace, { recursive: true });
  const lessons = join(REPO_ROOT, 'lessons');
  if (existsSync(lessons)) cpSync(lessons, workspace, { recursive: true });
  const fixtures = join(REPO_ROOT, 'test', 'fixtures', 'workspace');
  if (existsSync(fixtures)) cpSync(fixtures, workspace, { recursive: true });
  return workspace;
}

async function main() {
  const build = !process.argv.includes('--no-build');
  const picked = process.argv.includes('--host') ? process.argv[process.argv.indexOf('--host') + 1] : undefined;
  if (picked && !(picked in HOST_NAMES)) throw new Error(`--host ${picked}: the hosts are node and web`);
  const hosts = picked ? [picked] : ['node', 'web'];
  if (build) buildExtension();
  await buildTests();
  if (BUNDLE_ONLY) {
    const parent = join(REPO_ROOT, 'out', 'test', 'integration');
    rmSync(join(parent, 'desktop-workspace'), { recursive: true, force: true });
    makeWorkspace(parent, 'desktop-workspace');
    return 0;
  }
  await ensureCodeServer();
  chmodSync(HOST, 0o755); // in case a checkout lost the executable bit
  const runDir = makeRunDir('lstm-integration-');
  const removeTemp = () => {
    if (process.env.LSTM_KEEP_TEMP) return;
    rmSync(runDir, { recursive: true, force: true });
    rmSync(TESTS_OUT, { recursive: true, force: true });
  };
  // Ctrl+C reaches the test host too (runTests forwards it); wait for it, then tidy up.
  onShutdown(async () => {
    for (let i = 0; i < 150 && descendants().length > 0; i++) await delay(100);
    removeTemp();
  });
  try {
    const total = { passed: 0, failed: 0, skipped: 0 };
    let exitCode = 0;
    for (const host of hosts) {
      const { code, counts } = await runInHost(host, makeWorkspace(runDir, `workspace-${host}`), runDir);
      for (const key of Object.keys(total)) total[key] += counts[key];
      if (code !== 0 && counts.failed === 0) total.failed++; // it ended without a test failing
      exitCode ||= code;
    }
    const skipped = total.skipped ? `, ${total.skipped} skipped` : '';
    if (hosts.length > 1) console.log(`${total.passed} passed, ${total.failed} failed${skipped}`);
    return exitCode;
  } finally {
    removeTemp();
  }
}

const HOST_NAMES = { node: 'Node extension host', web: 'web worker extension host' };

/** One run of the suites in code-server, in the given extension host; its exit code and the counts it printed. */
async function runInHost(host, workspace, runDir) {
  const done = step(`Running the integration tests in code-server's ${HOST_NAMES[host]}`);
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const stopWatching = watchSummaries((summary) => Object.assign(counts, summary));
  try {
    const code = await runTests({
      vscodeExecutablePath: HOST,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: join(TESTS_OUT, host === 'web' ? 'web/index.js' : 'index.js'),
      extensionTestsEnv: { LSTM_EXTENSION_HOST: host },
      launchArgs: [
        workspace,
        `--user-data-dir=${join(runDir, `user-data-${host}`)}`,
        `--extensions-dir=${join(runDir, `extensions-${host}`)}`,
      ],
    }).catch((error) => error.code ?? 1);
    done(code === 0 ? `passed in the ${HOST_NAMES[host]}` : `failed in the ${HOST_NAMES[host]} (exit code ${code})`);
    return { code, counts };
  } finally {
    stopWatching();
  }
}

/** Calls `onSummary` with each "N passed, N failed" line written to stdout (runTests passes the host's output through). */
function watchSummaries(onSummary) {
  const write = process.stdout.write.bind(process.stdout);
  let partial = '';
  process.stdout.write = function (chunk, ...rest) {
    const lines = (partial + String(chunk)).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const match = SUMMARY.exec(line.trim());
      if (match) onSummary({ passed: +match[1], failed: +match[2], skipped: +(match[3] ?? 0) });
    }
    return write(chunk, ...rest);
  };
  return () => (process.stdout.write = write);
}

process.exitCode = await main().catch((error) => {
  console.error(error.stack ?? error);
  console.log('0 passed, 1 failed');
  return 1;
});
