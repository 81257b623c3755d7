// .lstm bytes ↔ VS Code's NotebookData: a thin adapter over parseNotebook/printNotebook.
// Each cell keeps the slice of the file it came from in `metadata.lstm.layout`, and the notebook keeps
// its BOM, line ending, trailing text and encoding in `metadata.lstm`, so an unedited file saves byte
// for byte. These keys are deliberately not transient: VS Code strips transient metadata from the data
// it hands to serializeNotebook.
import * as vscode from 'vscode';
import { normalizeEol } from '../core/lines';
import { parseNotebook, printNotebook, type CellLayout, type NotebookCell, type NotebookDoc } from '../core/notebook';
import type { Problem } from '../core/types';
import { decodeFile, encodeFile, type FileEncoding } from './encoding';

export const NOTEBOOK_TYPE = 'lstm-notebook';
export const CELL_LANGUAGE = 'lstm';

export const serializerOptions: vscode.NotebookDocumentContentOptions = { transientOutputs: true };

/** `metadata.lstm` of a notebook. */
export interface NotebookMetadata {
  bom: string;
  eol: string;
  trailing: string;
  encoding: FileEncoding;
  /** Problems found in the file when it was read (1-based file lines). */
  problems: Problem[];
}

/** `metadata.lstm` of a cell. */
interface CellMetadata {
  layout?: CellLayout;
}

/** Notebook metadata of a notebook read from a file or made by a command. */
export function notebookMetadata(metadata: { [key: string]: unknown } | undefined): NotebookMetadata {
  // The casts stay: VS Code types metadata as unknown, but `lstm` is only ever what this serializer wrote.
  const own = metadata?.lstm as Partial<NotebookMetadata> | undefined;
  return {
    bom: own?.bom ?? '',
    eol: own?.eol ?? '\n',
    trailing: own?.trailing ?? '',
    encoding: own?.encoding ?? 'utf-8',
    problems: own?.problems ?? [],
  };
}

function encodingProblem(): Problem {
  return {
    line: 1,
    column: 1,
    length: 1,
    severity: 'warning',
    message:
      'This file is not valid UTF-8. It was read as Latin-1 (one character per byte) and will be saved the same way.',
  };
}

export class LstmSerializer implements vscode.NotebookSerializer {
  deserializeNotebook(content: Uint8Array): vscode.NotebookData {
    const { text, encoding } = decodeFile(content);
    const doc = parseNotebook(text);
    const cells = doc.cells.map((cell) => {
      const data =
        cell.kind === 'code'
          ? new vscode.NotebookCellData(vscode.NotebookCellKind.Code, cell.source, CELL_LANGUAGE)
          : new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, cell.source, 'markdown');
      const metadata: CellMetadata = { layout: cell.layout };
      data.metadata = { lstm: metadata };
      return data;
    });
    const notebook = new vscode.NotebookData(cells);
    const problems = encoding === 'latin1' ? [encodingProblem(), ...doc.problems] : doc.problems;
    const metadata: NotebookMetadata = { bom: doc.bom, eol: doc.eol, trailing: doc.trailing, encoding, problems };
    notebook.metadata = { lstm: metadata };
    return notebook;
  }

  serializeNotebook(data: vscode.NotebookData): Uint8Array {
    const metadata = notebookMetadata(data.metadata);
    const cells = data.cells.map((cell) => ({ kind: cell.kind, value: cell.value, metadata: cell.metadata }));
    return encodeFile(printNotebook(toDoc(cells, metadata)), metadata.encoding);
  }
}

interface CellLike {
  kind: vscode.NotebookCellKind;
  value: string;
  metadata?: { [key: string]: unknown };
}

/** The core's document for VS Code cells: each cell with the layout it was read with, if any. */
export function toDoc(cells: readonly CellLike[], metadata: NotebookMetadata): NotebookDoc {
  return {
    cells: cells.map((cell): NotebookCell => ({
      kind: cell.kind === vscode.NotebookCellKind.Code ? 'code' : 'markdown',
      source: normalizeEol(cell.value),
      line: 0,
      layout: (cell.metadata?.lstm as CellMetadata | undefined)?.layout, // ours, as in notebookMetadata
    })),
    bom: metadata.bom,
    eol: metadata.eol,
    trailing: metadata.trailing,
    problems: [],
  };
}

/** The problems of the file an open notebook would be saved as (after a save, what it now holds). */
export function currentFileProblems(notebook: vscode.NotebookDocument): Problem[] {
  const metadata = notebookMetadata(notebook.metadata);
  const cells = notebook
    .getCells()
    .map((cell) => ({ kind: cell.kind, value: cell.document.getText(), metadata: cell.metadata }));
  const problems = parseNotebook(printNotebook(toDoc(cells, metadata))).problems;
  return metadata.encoding === 'latin1' ? [encodingProblem(), ...problems] : problems;
}
