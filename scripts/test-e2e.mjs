// `npm run test:e2e`: the end-to-end UI tests in test/e2e/*.e2e.mjs (mocha, TDD interface), against
// the extension as it ships: built, packaged as a .vsix (out/e2e/lstm-notebooks-PID.vsix) and installed
// into a fresh code-server, driven in headless Chromium. Ends with "N passed, N failed".
//
// Flags: --no-build (use dist/ as it is), --link (link the repository folder instead of packaging),
// --vsix FILE (install that package, made by the caller, and keep it), --file NAME (only that file;
// repeat it for several; `npm test` runs the files as jobs side by side, those that share a VS Code
// window in one job).
// LSTM_E2E_ONLY=explore runs only the files whose name holds that text.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Mocha from 'mocha';
import { ensureChromium, ensureCodeServer, REPO_ROOT } from './lib/cache.mjs';
import { buildExtension, packageVsix } from './lib/extension.mjs';
import { step } from './lib/log.mjs';
import { onShutdown } from './lib/processes.mjs';
import { closeAllWorkbenches } from './lib/workbench.mjs';

const E2E_DIR = join(REPO_ROOT, 'test', 'e2e');
// One file per run: several runs may share this working tree.
const VSIX = join(REPO_ROOT, 'out', 'e2e', `lstm-notebooks-${process.pid}.vsix`);

async function main() {
  const { values: args } = parseArgs({
    options: {
      build: { type: 'boolean', default: true },
      link: { type: 'boolean', default: false },
      vsix: { type: 'string' },
      file: { type: 'string', multiple: true },
    },
    allowNegative: true,
  });
  if (args.build) buildExtension();
  const given = args.vsix;
  const vsix = args.link ? undefined : (given ?? packageVsix(VSIX));
  const removeVsix = () => {
    if (vsix && !given && !process.env.LSTM_KEEP_TEMP) rmSync(vsix, { force: true });
  };
  await ensureCodeServer();
  ensureChromium();
  if (vsix) process.env.LSTM_E2E_VSIX = vsix;
  // On Ctrl+C: stop the VS Code the tests started, drop the package.
  onShutdown(async () => {
    await closeAllWorkbenches();
    removeVsix();
  });

  // Plain ✔ and ✖ when the output is not a terminal (log-symbols colours them under CI=true).
  if (!process.stdout.isTTY) Object.assign(Mocha.reporters.Base.symbols, { ok: '✔', err: '✖' });
  const mocha = new Mocha({ ui: 'tdd', color: false, reporter: 'spec', timeout: 180_000, bail: false });
  for (const file of readdirSync(E2E_DIR)
    .filter((name) => name.endsWith('.e2e.mjs') && name.includes(process.env.LSTM_E2E_ONLY ?? ''))
    .filter((name) => args.file === undefined || args.file.includes(name))
    .sort())
    mocha.addFile(join(E2E_DIR, file));
  await mocha.loadFilesAsync();
  const done = step('Running the end-to-end tests in code-server');
  const stats = await new Promise((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats));
  });
  done(stats.failures ? 'end-to-end tests failed' : 'end-to-end tests passed');
  await closeAllWorkbenches(); // the suites' shared VS Code windows
  removeVsix();
  const skipped = stats.pending ? `, ${stats.pending} skipped` : '';
  console.log(`${stats.passes} passed, ${stats.failures} failed${skipped}`);
  return stats.failures === 0 && stats.passes > 0 ? 0 : 1;
}

process.exitCode = await main().catch((error) => {
  console.error(error.stack ?? error);
  console.log('0 passed, 1 failed');
  return 1;
});
