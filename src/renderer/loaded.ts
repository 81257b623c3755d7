// "What was loaded": read from an output's JSON (nothing trusted: text stays text, numbers numbers) and
// shown as one line of text.
import { describeLoad } from '../core/loadSummary';
import type { LoadSummary } from '../core/types';
import { html } from './dom';

const FORMATS: readonly LoadSummary['format'][] = ['PyTorch .pt', 'safetensors', 'NumPy .npz', 'JSON'];

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const count = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0);
const texts = (value: unknown) => (Array.isArray(value) ? value.map(text) : []);

export function readLoaded(data: unknown): LoadSummary | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const json = data as Record<string, unknown>;
  const head = json.head as Record<string, unknown> | undefined;
  return {
    file: text(json.file),
    format: FORMATS.find((f) => f === json.format) ?? 'JSON',
    layout: json.layout === 'Keras' ? 'Keras' : 'PyTorch',
    lstm: text(json.lstm),
    layers: count(json.layers),
    input: count(json.input),
    hidden: count(json.hidden),
    head: head && typeof head === 'object' ? { name: text(head.name), outputs: count(head.outputs) } : undefined,
    dtypes: texts(json.dtypes),
    unused: texts(json.unused),
  };
}

/** The line, as text (key names come from the file). */
export function loadedLine(loaded: LoadSummary): HTMLElement {
  return html('p', { class: 'loaded' }, describeLoad(loaded));
}
