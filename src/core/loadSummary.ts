// What a `load` read, in one line for the outputs, the markdown fallback and the CLI summary. Text only,
// so the renderer can use it without the model readers.
import type { LoadSummary } from './types';

/** Some keys, quoted, and how many more. */
export function listKeys(keys: readonly string[], most = 8): string {
  const shown = keys.slice(0, most).map((k) => `"${k}"`);
  return keys.length > most ? `${shown.join(', ')} and ${keys.length - most} more` : shown.join(', ');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line: `"m.pt": PyTorch .pt, PyTorch layout ("rnn"), 3 layers, X = 3, H = 5, head "decoder" (Y = 2), float32 → float64, 0 keys unused`. */
export function describeLoad(s: LoadSummary): string {
  const parts = [
    s.format,
    `${s.layout} layout${s.lstm ? ` ("${s.lstm}")` : ''}`,
    plural(s.layers, 'layer'),
    `X = ${s.input}`,
    `H = ${s.hidden}`,
    s.head ? `head "${s.head.name}" (Y = ${s.head.outputs})` : 'no head',
    s.dtypes.map((d) => (d === 'float64' ? 'float64' : `${d} → float64`)).join(', '),
    s.unused.length ? `${plural(s.unused.length, 'key')} unused: ${listKeys(s.unused, 5)}` : 'no key unused',
  ];
  return `Loaded "${s.file}": ${parts.join(', ')}.`;
}
