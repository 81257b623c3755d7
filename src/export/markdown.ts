// GitHub-flavoured Markdown: markdown cells as written, code cells fenced ```lstm, each followed by its
// output (equations as $$ math, the gate diagram as ```mermaid, the tables of gates and expectations).
import type { ExportOptions } from './options';
import { fenced, outputMarkdown } from './outputMarkdown';
import type { RanNotebook } from './run';

export function toMarkdown(notebook: RanNotebook, options: ExportOptions = {}): string {
  const blocks: string[] = [];
  for (const cell of notebook.cells) {
    if (cell.kind === 'markdown') {
      blocks.push(cell.source);
      continue;
    }
    if (!options.noCode) blocks.push(fenced('lstm', cell.source).join('\n'));
    blocks.push(outputMarkdown(cell.result).trimEnd());
  }
  return blocks.filter((block) => block !== '').join('\n\n') + '\n';
}
