// lstm-notebook export FILE --to html|ipynb|md [-o OUT] [--no-code]: runs every cell as `run` does and
// writes one file (default: beside FILE with the format's extension). Exit 0 once written, even when
// an expect failed (the export shows it); 2 on a usage error or a file that can't be read or written.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { exportNotebook, type PageAssets } from '../export/exportNotebook';
import { EXPORT_FORMATS, EXTENSION, type ExportFormat } from '../export/options';
import { errorCode, loaderFor, readText, reason, UsageError } from './files';

export const EXPORT_USAGE = 'usage: lstm-notebook export FILE --to html|ipynb|md [-o OUT] [--no-code]';

interface ExportArgs {
  file: string;
  format: ExportFormat;
  out: string;
  noCode: boolean;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function parseArgs(args: string[]): ExportArgs {
  const files: string[] = [];
  let format: string | undefined;
  let out: string | undefined;
  let noCode = false;
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    const value = (): string => {
      const next = args[++k];
      if (next === undefined || next === '') throw new UsageError(`${arg} needs a value; ${EXPORT_USAGE}`);
      return next;
    };
    if (arg === '--to') format = value();
    else if (arg.startsWith('--to=')) format = arg.slice(5);
    else if (arg === '-o' || arg === '--out') out = value();
    else if (arg.startsWith('--out=')) out = arg.slice(6);
    else if (arg === '--no-code') noCode = true;
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}; ${EXPORT_USAGE}`);
    else files.push(arg);
  }
  if (files.length !== 1) throw new UsageError(`export takes one FILE; ${EXPORT_USAGE}`);
  if (format === undefined)
    throw new UsageError(`say which format with --to html, --to ipynb or --to md; ${EXPORT_USAGE}`);
  const typed = EXPORT_FORMATS.find((known) => known === format);
  if (!typed) throw new UsageError(`unknown format "${format}": --to takes html, ipynb or md`);
  const file = files[0];
  const beside = (path: string) => path.replace(/(\.lstm)?$/i, EXTENSION[typed]);
  // -o FOLDER writes FOLDER/NAME.html, as cp does.
  const target = out === undefined ? beside(file) : isFolder(out) ? join(out, beside(basename(file))) : out;
  return { file, format: typed, out: target, noCode };
}

/** Why a file can't be written, in words. */
function writeReason(error: unknown): string {
  const code = errorCode(error);
  if (code === 'ENOENT') return 'its folder does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'you do not have permission to write it';
  if (code === 'EROFS') return 'the disk is read-only';
  if (code === 'ENOSPC') return 'the disk is full';
  return reason(error);
}

/** The renderer page and KaTeX's stylesheet, built beside this script (dist/export/, see esbuild.mjs). */
function pageAssets(): PageAssets {
  const dir = join(__dirname, 'export');
  try {
    const read = (name: string) => readFileSync(join(dir, name), 'utf8');
    return { script: read('page.js'), scriptHash: read('page.js.sha256'), katexCss: read('katex.css') };
  } catch (error) {
    throw new UsageError(`cannot read the page's scripts in ${dir} (${reason(error)}); build with npm run build`);
  }
}

export function exportCommand(args: string[]): number {
  const { file, format, out, noCode } = parseArgs(args);
  const text = readText(file);
  const assets = format === 'html' ? pageAssets() : undefined;
  const written = exportNotebook(format, { file, text, readFile: loaderFor(file) }, { noCode }, assets);
  try {
    writeFileSync(out, written);
  } catch (error) {
    throw new UsageError(`cannot write ${out}: ${writeReason(error)}`);
  }
  console.log(`wrote ${out}`);
  return 0;
}
