// Entry point that VS Code's extension host loads as `extensionTestsPath`: runs every
// `suite/**/*.test.js` next to it (built from `suite/**/*.test.ts` by scripts/test-integration.mjs)
// with mocha's TDD interface, and ends with the plain "N passed, N failed" line that CI reads.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return testFiles(path);
      return entry.name.endsWith('.test.js') ? [path] : [];
    })
    .sort();
}

export async function run(): Promise<void> {
  // Plain ✔ and ✖: mocha's log-symbols colours them when it guesses a colour terminal (as under
  // CI=true), and the extension host's console is no terminal.
  Object.assign(Mocha.reporters.Base.symbols, { ok: '✔', err: '✖' });
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    reporter: 'spec',
    timeout: Number(process.env.LSTM_TEST_CASE_TIMEOUT ?? 60_000),
    grep: process.env.LSTM_TEST_GREP || undefined,
  });
  for (const file of testFiles(join(__dirname, 'suite'))) mocha.addFile(file);
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? ({ passes: 0, failures: 1, pending: 0 } as Mocha.Stats)));
  });
  const skipped = stats.pending ? `, ${stats.pending} skipped` : '';
  console.log(`${stats.passes} passed, ${stats.failures} failed${skipped}`);
  if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed`);
  if (stats.passes === 0) throw new Error('no integration test ran');
}
