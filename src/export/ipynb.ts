// Jupyter notebook, nbformat 4.5: markdown cells as markdown, code cells as `lstm` code with their
// source as it is, each output a display_data with text/markdown (equations, diagram, tables),
// text/plain and the renderer's own payload, so VS Code with this extension draws it in full; errors
// as a stderr stream.
import { buildPayload, errorText, hasErrors } from '../common/output';
import { STEP_MIME } from '../common/payload';
import type { CellResult } from '../core/types';
import type { ExportOptions } from './options';
import { outputMarkdown, outputPlainText } from './outputMarkdown';
import type { RanNotebook } from './run';

/** nbformat's multiline strings: lines keeping their '\n', the last without one. */
export function sourceLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function outputs(result: CellResult): object[] {
  const list: object[] = [];
  if (hasErrors(result))
    list.push({ output_type: 'stream', name: 'stderr', text: sourceLines(errorText(result) + '\n') });
  list.push({
    output_type: 'display_data',
    data: {
      'text/markdown': sourceLines(outputMarkdown(result)),
      'text/plain': sourceLines(outputPlainText(result)),
      [STEP_MIME]: buildPayload(result),
    },
    metadata: {},
  });
  return list;
}

export function toIpynb(notebook: RanNotebook, options: ExportOptions = {}): string {
  const cells = notebook.cells.map((cell, index) => {
    const id = `cell-${index + 1}`;
    if (cell.kind === 'markdown') return { cell_type: 'markdown', id, metadata: {}, source: sourceLines(cell.source) };
    return {
      cell_type: 'code',
      id,
      execution_count: cell.count,
      // JupyterLab collapses the input; nbconvert drops it with --no-input.
      metadata: options.noCode ? { jupyter: { source_hidden: true } } : {},
      source: sourceLines(cell.source),
      outputs: outputs(cell.result),
    };
  });
  const document = {
    cells,
    metadata: {
      kernelspec: { name: 'lstm', display_name: 'LSTM', language: 'lstm' },
      language_info: { name: 'lstm', file_extension: '.lstm', mimetype: 'text/x-lstm' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return JSON.stringify(document, null, 1) + '\n';
}
