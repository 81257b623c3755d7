// The integration tests' entry in the web worker extension host (VS Code for the web), where there is
// no Node: mocha's browser build instead of mocha, and the suites bundled into this one file (the host
// loads it as CommonJS and resolves no `require` but 'vscode'). scripts/test-integration.mjs bundles it
// with a `run()` that passes `loadSuites`, which requires every suite/**/*.test.ts.
import 'mocha/mocha.js'; // mocha's browser build: a script that sets the global `mocha`

const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;

/** Settings from the run, fixed at bundle time (a web worker has no environment variables). */
declare const LSTM_TEST_OPTIONS: { timeout: number; grep?: string };

export async function runTests(loadSuites: () => void): Promise<void> {
  mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: LSTM_TEST_OPTIONS.timeout });
  if (LSTM_TEST_OPTIONS.grep) mocha.grep(LSTM_TEST_OPTIONS.grep);
  loadSuites();
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? ({ passes: 0, failures: 1, pending: 0 } as Mocha.Stats)));
  });
  const skipped = stats.pending ? `, ${stats.pending} skipped` : '';
  console.log(`${stats.passes} passed, ${stats.failures} failed${skipped}`);
  if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed`);
  if (stats.passes === 0) throw new Error('no integration test ran');
}
