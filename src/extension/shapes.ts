// The sizes H and X a cell implies, read from its statements without running it, and the shape each
// key needs given them (wh: H×H = 2×2), for completion. Pure (no `vscode`).
import type { Statement, Value } from '../core/parser';
import { outerLength as lengthOf } from '../core/values';

export interface Sizes {
  H?: number;
  X?: number;
}

const columnsOf = (value: Value) => (value.depth === 2 ? value.data[0].length : value.depth === 0 ? 1 : undefined);

/** H and X as the session would find them: h and x first, else the forget gate's b, wh, wx or W. */
export function sizesOf(statements: readonly Statement[]): Sizes {
  let h: number | undefined;
  let x: number | undefined;
  let b: number | undefined;
  let whRows: number | undefined;
  let wxColumns: number | undefined;
  for (const s of statements) {
    if (s.type === 'assign' && s.target === 'h') h = lengthOf(s.value);
    if (s.type === 'assign' && s.target === 'x') x = lengthOf(s.value);
    if (s.type === 'step' && s.x) x = lengthOf(s.x);
    if (s.type === 'run') x = s.xs.depth === 2 ? s.xs.data[0].length : 1;
    if (s.type === 'gate' && s.gate === 'f')
      for (const { key, value } of s.settings) {
        if (key === 'b') b = lengthOf(value);
        if (key === 'wh') whRows = value.depth === 2 ? lengthOf(value) : value.depth === 0 ? 1 : undefined;
        if (key === 'wx') wxColumns = columnsOf(value);
        if (key === 'W' && value.depth === 2) {
          whRows = lengthOf(value);
          wxColumns = (columnsOf(value) ?? 0) - whRows;
        }
      }
  }
  const H = h ?? b ?? whRows;
  return { H, X: x ?? (wxColumns !== undefined && wxColumns > 0 ? wxColumns : undefined) };
}

const size = (name: string, value: number | undefined) => (value === undefined ? name : String(value));

/** "wh: H×H = 2×2" without the key: the shape a key of a gate (or of dense) needs. */
export function shapeOf(key: string, head: string, { H, X }: Sizes): string {
  const h = size('H', H);
  const x = size('X', X);
  const known = (formula: string, value: string) => (value === formula ? formula : `${formula} = ${value}`);
  if (head === 'dense') return key === 'b' ? 'Y values, one per output' : known('Y×H', `Y×${h}`);
  switch (key) {
    case 'wx':
      return known('H×X', `${h}×${x}`);
    case 'wh':
      return known('H×H', `${h}×${h}`);
    case 'b':
      return known('H', h);
    default:
      return known('H×(H+X)', H !== undefined && X !== undefined ? `${H}×${H + X}` : `${h}×(${h}+${x})`);
  }
}
