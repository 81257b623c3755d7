// `npm run test:integration`: the extension's tests inside a real VS Code (code-server).
//
// 1. builds the extension (`node esbuild.mjs`, unless --no-build) and bundles the tests:
//    test/integration/index.ts and test/integration/suite/**/*.test.ts → out/test/integration/run-PID/
//    (esbuild, one CommonJS bundle per file for the extension host; `vscode` and `mocha` stay
//    external; removed after the run unless LSTM_KEEP_TEMP=1);
// 2. copies lessons/ to a fresh temporary workspace (VS Code may re-save what it opens);
// 3. runs them with @vscode/test-electron's `runTests`, whose `vscodeExecutablePath` is our
//    scripts/code-server-test-host.mjs: that starts code-server and drives it in headless Chromium.
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import { ensureCodeServer, REPO_ROOT } from './lib/cache.mjs';
import { makeRunDir } from './lib/code-server.mjs';
import { buildExtension } from './lib/extension.mjs';
import { step } from './lib/log.mjs';
import { delay, descendants, onShutdown } from './lib/processes.mjs';

const TESTS_SRC = join(REPO_ROOT, 'test', 'integration');
// One folder per run: several runs may share this working tree. Inside the repository, so that the
// bundles' require('mocha') finds node_modules.
const TESTS_OUT = join(REPO_ROOT, 'out', 'test', 'integration', `run-${process.pid}`);
const HOST = join(REPO_ROOT, 'scripts', 'code-server-test-host.mjs');

async function buildTests() {
  const done = step(`Bundling the integration tests into ${relative(REPO_ROOT, TESTS_OUT)}`);
  const entryPoints = [join(TESTS_SRC, 'index.ts'), ...findTests(join(TESTS_SRC, 'suite'))];
  rmSync(TESTS_OUT, { recursive: true, force: true });
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

function makeWorkspace(runDir) {
  const workspace = join(runDir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const lessons = join(REPO_ROOT, 'lessons');
  if (existsSync(lessons)) cpSync(lessons, workspace, { recursive: true });
  const fixtures = join(REPO_ROOT, 'test', 'fixtures', 'workspace');
  if (existsSync(fixtures)) cpSync(fixtures, workspace, { recursive: true });
  return workspace;
}

async function main() {
  const build = !process.argv.includes('--no-build');
  if (build) buildExtension();
  await buildTests();
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
    const workspace = makeWorkspace(runDir);
    const done = step('Running the integration tests in code-server');
    const code = await runTests({
      vscodeExecutablePath: HOST,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: join(TESTS_OUT, 'index.js'),
      launchArgs: [
        workspace,
        `--user-data-dir=${join(runDir, 'user-data')}`,
        `--extensions-dir=${join(runDir, 'extensions')}`,
      ],
    }).catch((error) => error.code ?? 1);
    done(code === 0 ? 'integration tests passed' : `integration tests failed (exit code ${code})`);
    return code;
  } finally {
    removeTemp();
  }
}

process.exitCode = await main().catch((error) => {
  console.error(error.stack ?? error);
  console.log('0 passed, 1 failed');
  return 1;
});
