// "LSTM: Export as HTML / Jupyter Notebook / Markdown": the notebook as it is in the editor (unsaved
// edits included) through the same exporter as `lstm-notebook export`, into the file the save dialog
// names, with a progress notification; the file opens afterwards (the HTML page in the browser).
import * as vscode from 'vscode';
import { printNotebook } from '../core/notebook';
import { parseCell } from '../core/parser';
import type { exportNotebook as ExportNotebook, PageAssets } from '../export/exportNotebook';
import { EXPORT_FORMATS, EXTENSION, type ExportFormat } from '../export/options';
import { loadBundledModule } from './bundledModule';
import { notebookOf } from './commands';
import { readLoadFiles, type LoadedFile } from './loadFiles';
import type { Platform } from './platform';
import { NOTEBOOK_TYPE, notebookMetadata, toDoc } from './serializer';

const NAMES: Record<ExportFormat, string> = { html: 'HTML', ipynb: 'Jupyter Notebook', md: 'Markdown' };
const FILTERS: Record<ExportFormat, Record<string, string[]>> = {
  html: { 'Web page': ['html'] },
  ipynb: { 'Jupyter Notebook': ['ipynb'] },
  md: { Markdown: ['md'] },
};

interface Exporter {
  exportNotebook: typeof ExportNotebook;
}

/**
 * dist/export/exporter.js, loaded on the first export so KaTeX and markdown-it stay out of activation;
 * read through workspace.fs, not required, so that it loads in the web worker host too.
 */
function loadExporter(extension: vscode.Uri): Promise<Exporter> {
  return loadBundledModule<Exporter>(extension, 'dist/export/exporter.js');
}

async function pageAssets(extension: vscode.Uri): Promise<PageAssets> {
  const read = async (name: string) =>
    new TextDecoder().decode(
      await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension, 'dist', 'export', name)),
    );
  const [script, scriptHash, katexCss] = await Promise.all([
    read('page.js'),
    read('page.js.sha256'),
    read('katex.css'),
  ]);
  return { script, scriptHash, katexCss };
}

/** The notebook's text as it would be saved now. */
function notebookText(notebook: vscode.NotebookDocument): string {
  const cells = notebook
    .getCells()
    .map((cell) => ({ kind: cell.kind, value: cell.document.getText(), metadata: cell.metadata }));
  return printNotebook(toDoc(cells, notebookMetadata(notebook.metadata)));
}

/** The files the code cells `load`, read now (the exporter runs synchronously), when the workspace is trusted. */
async function loadedFiles(notebook: vscode.NotebookDocument): Promise<Map<string, LoadedFile>> {
  if (!vscode.workspace.isTrusted) return new Map<string, LoadedFile>();
  const sources = notebook.getCells().filter((cell) => cell.kind === vscode.NotebookCellKind.Code);
  const loads = sources.map(
    (cell) =>
      cell.document
        .getText()
        .match(/^[ \t]*load\b[^\r\n]*/gm)
        ?.join('\n') ?? '',
  );
  return readLoadFiles(notebook.uri, parseCell(loads.join('\n')).statements);
}

function defaultTarget(notebook: vscode.NotebookDocument, format: ExportFormat): vscode.Uri {
  const name = (notebook.uri.path.split('/').pop() ?? 'notebook').replace(/(\.lstm)?$/i, EXTENSION[format]);
  if (notebook.uri.scheme === 'untitled') {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(name);
  }
  return vscode.Uri.joinPath(notebook.uri, '..', name);
}

/**
 * Exports the notebook of `argument` (a URI, a toolbar's argument, or the active notebook). With a
 * `destination` URI (scripts, tests) it writes there without asking and opens nothing.
 */
async function exportAs(
  extension: vscode.Uri,
  host: Platform['host'],
  format: ExportFormat,
  argument: unknown,
  destination: unknown,
): Promise<vscode.Uri | undefined> {
  const notebook = notebookOf(argument);
  if (!notebook || notebook.notebookType !== NOTEBOOK_TYPE) {
    void vscode.window.showWarningMessage(`Open an LSTM notebook to export it as ${NAMES[format]}.`);
    return undefined;
  }
  const scripted = destination instanceof vscode.Uri;
  const target = scripted
    ? destination
    : await vscode.window.showSaveDialog({
        defaultUri: defaultTarget(notebook, format),
        filters: FILTERS[format],
        saveLabel: `Export as ${NAMES[format]}`,
        title: `Export as ${NAMES[format]}`,
      });
  if (!target) return undefined;
  const name = notebook.uri.path.split('/').pop() ?? 'notebook';
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Exporting ${name} as ${NAMES[format]}…` },
      async () => {
        const files = await loadedFiles(notebook);
        const assets = format === 'html' ? await pageAssets(extension) : undefined;
        const { exportNotebook } = await loadExporter(extension);
        const text = exportNotebook(
          format,
          {
            file: notebook.uri.path,
            text: notebookText(notebook),
            allowLoad: vscode.workspace.isTrusted,
            readFile: (path) => files.get(path) ?? { error: `"${path}" was not read` },
          },
          {},
          assets,
        );
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
      },
    );
  } catch (error) {
    const reason = error instanceof vscode.FileSystemError ? error.message : String(error);
    void vscode.window.showErrorMessage(`Could not export ${name} to ${target.fsPath}: ${reason}`);
    return undefined;
  }
  if (scripted) return target;
  if (format === 'html' && host === 'web')
    // The page is a file of the workspace, which a browser tab can't open by its URI.
    void vscode.window.showInformationMessage(
      `Exported ${vscode.workspace.asRelativePath(target)}. To view it, download it (Explorer: right-click, Download…) and open it in the browser.`,
    );
  else if (format === 'html') await vscode.env.openExternal(target);
  else if (format === 'ipynb') await vscode.commands.executeCommand('vscode.open', target);
  else await vscode.window.showTextDocument(target);
  return target;
}

/** One command per format, in both extension hosts. */
export function exportCommands(extension: vscode.Uri, host: Platform['host']): vscode.Disposable[] {
  return EXPORT_FORMATS.map((format) =>
    vscode.commands.registerCommand(`lstm-notebook.exportAs.${format}`, (argument: unknown, destination: unknown) =>
      exportAs(extension, host, format, argument, destination),
    ),
  );
}
