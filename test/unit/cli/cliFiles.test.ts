// The headless runner with files: `load` reads relative to the notebook (not the working directory),
// trained models (.pt, .safetensors, .npz) through links that stay inside the notebook folder, and
// `lstm-notebook format [--check]`. Built once from src/cli/main.ts with esbuild and spawned with node.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matching } from '../../support/matchers';
import { cliWorkspace, readReport, ROOT } from './cliWorkspace';

const workspace = cliWorkspace();
const { notebook: lstmNotebook, run: runCli } = workspace;

describe('load', () => {
  const NOTEBOOK = `\`\`\`lstm
load "weights/trained.json"
step x = 1
expect c = 0.5103287151054856 within 1e-12
expect h = 0.17752010505495194 within 1e-12
expect y = 1.355040210109904 within 1e-12
expect f = 0.8807970779778823 within 1e-12
\`\`\`

\`\`\`lstm
load "keras.json"
step x = 1
expect c = 0.5103287151054856 within 1e-12
expect h = 0.17752010505495194 within 1e-12
\`\`\`
`;

  it('reads weight files relative to the notebook, not the working directory', () => {
    const file = lstmNotebook('nested/model.lstm', NOTEBOOK);
    const out = runCli(['check', '--json', file], ROOT);
    expect(out.stderr).toBe('');
    const report = readReport(out.stdout);
    expect(report.cells.flatMap((c: { errors: unknown[] }) => c.errors)).toEqual([]);
    expect(report.cells.flatMap((c: { expects: { pass: boolean }[] }) => c.expects.map((e) => e.pass))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(out.code).toBe(0);
  });

  it('reports a folder named by load in words (no EISDIR), and an x of the wrong size at the step, not at load', () => {
    lstmNotebook('nested/model.lstm', NOTEBOOK);
    mkdirSync(join(workspace.dir, 'nested/folder.json'), { recursive: true });
    const file = lstmNotebook(
      'nested/wrong.lstm',
      '```lstm\nload "folder.json"\n```\n\n```lstm\nload "weights/trained.json"\nx = [1, 2]\nstep\n```\n',
    );
    const report = readReport(runCli(['check', '--json', file]).stdout);
    expect(report.cells[0].errors).toEqual([
      { line: 2, column: 6, length: 13, message: 'Could not read "folder.json": it is a folder, not a file' },
    ]);
    expect(report.cells[1].errors).toEqual([
      {
        line: 8,
        column: 1,
        length: 4,
        message: 'x has 2 values, but the weights loaded from "weights/trained.json" take X = 1 input: give x 1 value.',
      },
    ]);
  });

  it('also from a relative notebook path given from another directory', () => {
    lstmNotebook('nested/model.lstm', NOTEBOOK);
    const out = runCli(['check', 'nested/model.lstm'], workspace.dir);
    expect(out.code).toBe(0);
  });

  it('reports a missing weight file at the load line as an error (exit 1), not a crash', () => {
    const file = lstmNotebook('nested/missing-weights.lstm', 'Text\n\n```lstm\nx = 1\nload "nowhere.json"\n```\n');
    const out = runCli(['check', '--json', file]);
    expect(out.code).toBe(1);
    const report = readReport(out.stdout);
    expect(report.cells[0].errors).toEqual([
      { line: 5, column: 6, length: 14, message: 'Could not read "nowhere.json": there is no such file' },
    ]);
  });
});

describe('format', () => {
  const MESSY = '# T\r\n\r\n```lstm\r\nx=1   \r\nforget wx=1 wh = 2\r\n```\r\n';
  const TIDY = '# T\r\n\r\n```lstm\r\nx = 1\r\nforget     wx = 1  wh = 2\r\n```\r\n';

  it('--check exits 1 naming the files it would change, and writes nothing', () => {
    const messy = lstmNotebook('fmt/messy.lstm', MESSY);
    const tidy = lstmNotebook('fmt/tidy.lstm', TIDY);
    const out = runCli(['format', '--check', messy, tidy]);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe(`would reformat ${messy}\n1 of 2 files would be reformatted.\n`);
    expect(readFileSync(messy, 'utf8')).toBe(MESSY);
  });

  it('formats in place, keeping CRLF, then --check exits 0', () => {
    const messy = lstmNotebook('fmt/messy.lstm', MESSY);
    const out = runCli(['format', messy]);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(`formatted ${messy}\n`);
    expect(readFileSync(messy, 'utf8')).toBe(TIDY);
    expect(runCli(['format', '--check', messy])).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('leaves a cell with an error as it is and says so; a missing file is exit 2 in words', () => {
    const broken = lstmNotebook('fmt/broken.lstm', '```lstm\nstpe  \n```\n');
    const out = runCli(['format', broken, join(workspace.dir, 'fmt/none.lstm')]);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(
      `${broken}:2: warning: this code cell has errors, so it was left as it is (see lstm-notebook check).\n` +
        `lstm-notebook: cannot read ${join(workspace.dir, 'fmt/none.lstm')}: there is no such file\n`,
    );
    expect(readFileSync(broken, 'utf8')).toBe('```lstm\nstpe  \n```\n');
  });

  it('the shipped lessons pass format --check', () => {
    const lessons = readdirSync(join(ROOT, 'lessons'))
      .filter((f) => f.endsWith('.lstm'))
      .map((f) => join(ROOT, 'lessons', f));
    expect(runCli(['format', '--check', ...lessons])).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});

describe('load of trained models (.pt, .safetensors, .npz), links resolved', () => {
  const MODELS = join(ROOT, 'test/fixtures/models');

  it('reads a torch.save state dict as bytes and says what it loaded, in --json and the summary', () => {
    mkdirSync(join(workspace.dir, 'models'), { recursive: true });
    copyFileSync(join(MODELS, 'lstm3-decoder-f64.pt'), join(workspace.dir, 'models/m.pt'));
    const file = lstmNotebook('models/stack.lstm', '```lstm\nload "m.pt"\nrun x = [[1, 2, 3], [0, 0, 1]]\n```\n');
    const cell = readReport(runCli(['run', '--json', file]).stdout).cells[0];
    expect(cell.errors).toEqual([]);
    expect(cell.loaded).toMatchObject({ file: 'm.pt', format: 'PyTorch .pt', layers: 3, input: 3, hidden: 5 });
    const layers = cell.steps[1].layers ?? [];
    expect(layers.map((l) => l.x.length)).toEqual([3, 5, 5]);
    for (const key of ['x', 'h_prev', 'c_prev', 'z', 'f', 'i', 'g', 'o', 'c', 'h'])
      expect(layers[0]).toHaveProperty(key);
    expect(cell.steps[1].h).toEqual(layers[2].h);
    expect(runCli(['run', file]).stdout).toContain(
      'Loaded "m.pt": PyTorch .pt, PyTorch layout ("rnn"), 3 layers, X = 3, H = 5, head "decoder" (Y = 2), float64, no key unused.',
    );
  });

  it('refuses a link whose target is outside the notebook folder, as it refuses ..', () => {
    const outside = mkdtempSync(join(tmpdir(), 'lstm-outside-'));
    copyFileSync(join(MODELS, 'lstm1-fc-f32.pt'), join(outside, 'secret.pt'));
    mkdirSync(join(workspace.dir, 'linked'), { recursive: true });
    symlinkSync(join(outside, 'secret.pt'), join(workspace.dir, 'linked/model.pt'));
    symlinkSync(outside, join(workspace.dir, 'linked/folder'));
    const file = lstmNotebook(
      'linked/n.lstm',
      '```lstm\nload "model.pt"\n```\n\n```lstm\nload "folder/secret.pt"\n```\n',
    );
    for (const cell of readReport(runCli(['check', '--json', file]).stdout).cells)
      expect(cell.errors).toMatchObject([{ message: matching(/outside the notebook's folder .* \(through a link\)/) }]);
    rmSync(outside, { recursive: true });
  });
});
