// What an output drew, counted for the 'rendered' message (tests and VS Code read it).
import type { RenderedMessage } from '../common/payload';

type DrawnCounts = Pick<RenderedMessage, 'diagrams' | 'formulas' | 'curves' | 'badges' | 'tables'>;

export function drawnCounts(root: ParentNode): DrawnCounts {
  const counts = { diagrams: 0, formulas: 0, curves: 0, badges: 0, tables: 0 };
  // One query, then the few it found sorted out: a query per kind cost a walk of the whole output each.
  for (const element of root.querySelectorAll('.diagram > svg, .katex, .curve-figure, .badge, table')) {
    if (element.localName === 'svg') counts.diagrams++;
    else if (element.localName === 'table') counts.tables++;
    else if (element.classList.contains('katex')) counts.formulas++;
    else if (element.classList.contains('curve-figure')) counts.curves++;
    else counts.badges++;
  }
  return counts;
}
