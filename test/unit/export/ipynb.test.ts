// Jupyter export of every lesson, checked by Jupyter's own tools: Debian's python3-nbformat validates
// it against the nbformat 4.5 schema and jupyter nbconvert renders it to HTML. Both are installed by
// .ci/run; when they are missing these tests fail, saying which package to install.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STEP_MIME } from '../../../src/common/payload';
import { parseNotebook } from '../../../src/core/notebook';
import { sourceLines, toIpynb } from '../../../src/export/ipynb';
import { readPayload } from '../../../src/renderer/readPayload';
import { lessonFiles, lessonInput, runLesson } from './lessons';

const PYTHON = '/usr/bin/python3';

/** The parts of an nbformat 4 document these tests read. */
interface Ipynb {
  nbformat: number;
  nbformat_minor: number;
  metadata: { language_info: { name: string } };
  cells: {
    cell_type: string;
    id: string;
    source: string[];
    metadata: { jupyter?: { source_hidden?: boolean } };
    execution_count?: number;
    outputs?: { output_type: string; data?: Record<string, unknown> }[];
  }[];
}

const readIpynb = (text: string) => JSON.parse(text) as Ipynb;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lstm-ipynb-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a tool without blocking the test worker (nbconvert takes seconds). */
function run(command: string, args: string[]): Promise<{ status: number | null; stderr: string; missing: boolean }> {
  return new Promise((resolve) => {
    execFile(command, args, { encoding: 'utf8', timeout: 120_000 }, (error, _stdout, stderr) => {
      const code = (error as { code?: unknown } | null)?.code;
      resolve({ status: error ? (typeof code === 'number' ? code : null) : 0, stderr, missing: code === 'ENOENT' });
    });
  });
}

function validate(path: string) {
  const script = 'import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=nbformat.NO_CONVERT))';
  return run(PYTHON, ['-c', script, path]);
}

function requireTool(ok: boolean, what: string): void {
  if (!ok)
    throw new Error(`${what} is not installed: apt-get install python3-nbformat jupyter-nbconvert (see .ci/run)`);
}

describe('Jupyter export of the lessons', () => {
  for (const file of lessonFiles) {
    it(`${file}: valid nbformat 4.5, sources as written, outputs with markdown, text and payload`, async () => {
      const notebook = runLesson(file);
      const text = toIpynb(notebook);
      const path = join(dir, file.replace(/\.lstm$/, '.ipynb'));
      writeFileSync(path, text);
      const check = await validate(path);
      requireTool(!check.missing && !/No module named/.test(check.stderr), 'python3-nbformat');
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);

      const json = readIpynb(text);
      expect([json.nbformat, json.nbformat_minor]).toEqual([4, 5]);
      expect(json.metadata.language_info.name).toBe('lstm');
      const cells = parseNotebook(lessonInput(file).text).cells;
      expect(json.cells.map((c) => c.cell_type)).toEqual(cells.map((c) => c.kind));
      expect(new Set(json.cells.map((c) => c.id)).size).toBe(cells.length);
      let count = 0;
      json.cells.forEach((cell, k) => {
        expect(cell.source.join('')).toBe(cells[k].source);
        if (cells[k].kind !== 'code') return;
        expect(cell.execution_count).toBe(++count);
        const data = cell.outputs?.find((o) => o.output_type === 'display_data')?.data ?? {};
        const ran = notebook.cells[k];
        if (ran.kind !== 'code') throw new Error('cell kinds differ');
        const markdown = (data['text/markdown'] as string[]).join('');
        const plain = (data['text/plain'] as string[]).join('');
        if (ran.result.expects.length) expect(markdown).toContain('**Expectations:**');
        if (ran.result.steps.length) {
          expect(markdown).toContain('```mermaid\nflowchart TB\n');
          expect(plain).toMatch(/^step t = \d+: x = /);
        } else expect(plain).toMatch(/^no step ran/);
        // The payload is the kernel's, and the renderer reads it back whole.
        const payload = readPayload(data[STEP_MIME]);
        expect(payload.steps.at(-1)?.h).toEqual(ran.result.steps.at(-1)?.h);
        expect(payload.expects.map((e) => e.pass)).toEqual(ran.result.expects.map((e) => e.pass));
      });
    });
  }

  it('every lesson renders with jupyter nbconvert --to html: math, the mermaid diagram and the tables', async () => {
    const paths = lessonFiles.map((file) => {
      const path = join(dir, `nbconvert-${file.replace(/\.lstm$/, '.ipynb')}`);
      writeFileSync(path, toIpynb(runLesson(file)));
      return path;
    });
    const out = await run('jupyter', ['nbconvert', '--to', 'html', '--output-dir', dir, ...paths]);
    requireTool(
      !out.missing && !/No module named|not found|is not a Jupyter command/.test(out.stderr),
      'jupyter-nbconvert',
    );
    expect(out.status, out.stderr).toBe(0);
    for (const path of paths) {
      const html = readFileSync(path.replace(/\.ipynb$/, '.html'), 'utf8');
      expect(html).toMatch(/\$\$\s*\\begin\{aligned\}\\text\{forget gate\}/);
      expect(html).toContain('flowchart TB');
      expect(html).toMatch(/<td[^>]*>✅ pass<\/td>/);
    }
    const lesson2 = readFileSync(paths[1].replace(/\.ipynb$/, '.html'), 'utf8');
    expect(lesson2).toContain('forget gate f = σ(z)');
    expect(lesson2).toContain('<code>expect f = 0.998</code>');
  });

  it('marks the code hidden with --no-code, keeping source and outputs', () => {
    const json = readIpynb(toIpynb(runLesson(lessonFiles[1]), { noCode: true }));
    const code = json.cells.filter((c) => c.cell_type === 'code');
    expect(code[0].metadata.jupyter?.source_hidden).toBe(true);
    expect(code[0].source.length).toBeGreaterThan(0);
  });

  it('splits sources into lines that keep their line ends, as nbformat stores them', () => {
    expect(sourceLines('a\nb\n\nc')).toEqual(['a\n', 'b\n', '\n', 'c']);
    expect(sourceLines('a\n')).toEqual(['a\n']);
    expect(sourceLines('')).toEqual([]);
  });
});
