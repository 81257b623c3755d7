// The exporters' one entry: notebook text (and how `load` reads) in, the file's text out. Pure: the
// CLI (node:fs) and the extension (vscode.workspace.fs) both read and write around it.
import { toHtml, type PageAssets } from './html';
import { toIpynb } from './ipynb';
import { toMarkdown } from './markdown';
import type { ExportFormat, ExportOptions } from './options';
import { runForExport, type ExportInput } from './run';

export type { PageAssets };

export function exportNotebook(
  format: ExportFormat,
  input: ExportInput,
  options: ExportOptions = {},
  assets?: PageAssets,
): string {
  const notebook = runForExport(input);
  if (format === 'ipynb') return toIpynb(notebook, options);
  if (format === 'md') return toMarkdown(notebook, options);
  if (!assets) throw new Error('an HTML export needs the page assets');
  return toHtml(notebook, options, assets);
}
