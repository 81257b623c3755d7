// The last result of each cell, per notebook, for hovers that show live values. Pure (no `vscode`).
import type { CellResult } from '../core/types';

export class CellResults {
  private readonly notebooks = new Map<string, Map<string, CellResult>>();

  set(notebook: string, cell: string, result: CellResult): void {
    let cells = this.notebooks.get(notebook);
    if (!cells) this.notebooks.set(notebook, (cells = new Map<string, CellResult>()));
    // Not the models its loads read: hovers never need them, and a large model kept per cell adds up.
    const { models: _models, ...kept } = result;
    cells.set(cell, kept);
  }

  /** The cell's last result, looked up by the cell document's URI alone. */
  get(cell: string): CellResult | undefined {
    for (const cells of this.notebooks.values()) {
      const result = cells.get(cell);
      if (result) return result;
    }
    return undefined;
  }

  clear(notebook: string): void {
    this.notebooks.delete(notebook);
  }
}
