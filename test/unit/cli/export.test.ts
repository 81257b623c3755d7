// `lstm-notebook export FILE --to html|ipynb|md [-o OUT] [--no-code]` as a user runs it: the CLI built
// with esbuild and spawned with node. Exit 0 once written, even with a failing expect; 2 with one line
// in words on a usage error or a file that can't be read or written, and nothing written then.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, spawnCli } from '../../support/buildCli';
import { SEED_SETUP } from '../../support/seedCell';

let dir: string;
let cli: string;

const FAILING = `# Failing on purpose

\`\`\`lstm
${SEED_SETUP}
step
expect c = 0.9
\`\`\`
`;

function runCli(args: string[], cwd = dir) {
  return spawnCli(cli, args, cwd);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lstm-export-cli-'));
  cli = await buildCli(dir);
  writeFileSync(join(dir, 'failing.lstm'), FAILING);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lstm-notebook export', () => {
  it('writes beside FILE with the new extension, exit 0, and shows the failed expect in the export', () => {
    const out = runCli(['export', 'failing.lstm', '--to', 'md']);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(out.stdout).toBe('wrote failing.md\n');
    const md = readFileSync(join(dir, 'failing.md'), 'utf8');
    expect(md).toContain('**Expectations:** 0 of 1 passed');
    expect(md).toMatch(/\| ❌ fail \| `expect c = 0\.9` \| 5\.62\d* \|/);
  });

  it('writes -o OUT, and into -o FOLDER under the notebook name; --to=ipynb works too', () => {
    expect(runCli(['export', 'failing.lstm', '--to=ipynb', '-o', 'out.ipynb']).code).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, 'out.ipynb'), 'utf8')) as { nbformat: number }).nbformat).toBe(4);
    mkdirSync(join(dir, 'site'), { recursive: true });
    expect(runCli(['export', '--to', 'md', 'failing.lstm', '-o', 'site']).code).toBe(0);
    expect(existsSync(join(dir, 'site', 'failing.md'))).toBe(true);
  });

  it('leaves the code out with --no-code', () => {
    expect(runCli(['export', 'failing.lstm', '--to', 'md', '--no-code', '-o', 'nocode.md']).code).toBe(0);
    const md = readFileSync(join(dir, 'nocode.md'), 'utf8');
    expect(md).not.toContain('```lstm');
    expect(md).toContain('```mermaid');
  });

  it.each([
    [['export', 'failing.lstm'], /say which format with --to html, --to ipynb or --to md/],
    [['export', 'failing.lstm', '--to', 'pdf'], /unknown format "pdf": --to takes html, ipynb or md/],
    [['export', 'failing.lstm', '--to'], /--to needs a value/],
    [['export', 'failing.lstm', 'other.lstm', '--to', 'md'], /export takes one FILE/],
    [['export', 'failing.lstm', '--to', 'md', '--open'], /unknown option --open/],
    [['export', 'missing.lstm', '--to', 'md'], /cannot read missing\.lstm: there is no such file$/],
    [
      ['export', 'failing.lstm', '--to', 'md', '-o', 'no/such/folder/x.md'],
      /cannot write .*: its folder does not exist$/,
    ],
  ])('exit 2 with one line in words for %j', (args, message) => {
    const out = runCli(args);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    const lines = out.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^lstm-notebook: /);
    expect(lines[0]).toMatch(message);
    expect(lines[0]).not.toMatch(/E[A-Z]{3,}/);
  });

  it('refuses a file that is not UTF-8 text (exit 2), writing nothing', () => {
    writeFileSync(join(dir, 'latin1.lstm'), Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
    const out = runCli(['export', 'latin1.lstm', '--to', 'md']);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe('lstm-notebook: cannot read latin1.lstm: it is not UTF-8 text\n');
    expect(existsSync(join(dir, 'latin1.md'))).toBe(false);
  });
});
