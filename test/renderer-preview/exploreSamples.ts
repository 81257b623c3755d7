// The cells the preview page and bench:ui explore (their payloads come from ../support/kernelPayload):
// lessons bundled as text, and a wide generated sequence.
import { rng } from '../support/rng';
import lesson2 from '../../lessons/02-forget-gate.lstm';
import lesson5 from '../../lessons/05-vector-form.lstm';
import lesson6 from '../../lessons/06-sequence.lstm';

export const LESSONS: Record<string, string> = { lesson2, lesson5, lesson6 };

const matrix = (rows: number, cols: number, next: () => number): string =>
  `[${Array.from({ length: rows }, () => `[${Array.from({ length: cols }, () => (next() - 0.5).toFixed(2)).join(', ')}]`).join(', ')}]`;

/** An H-unit LSTM over T steps of X = 1 inputs: weights in one cell, the run (with a scrubbable bias) in the next. */
export function wideCells(H: number, T: number): string[] {
  const random = rng(64);
  const gates = ['forget', 'input', 'candidate', 'output']
    .map((gate) => `${gate} wh = ${matrix(H, H, random)} wx = ${matrix(H, 1, random)}`)
    .join('\n');
  const inputs = Array.from({ length: T }, (_, t) => Math.sin(t / 5).toFixed(2)).join(', ');
  return [`reset\n${gates}`, `forget b = ${matrix(1, H, random).slice(1, -1)}\nrun x = [${inputs}]`];
}
