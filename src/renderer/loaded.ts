// "What was loaded": read from an output's JSON (nothing trusted: text stays text, numbers numbers) and
// shown as one line of text.
import { field } from '../common/field';
import { describeLoad } from '../core/loadSummary';
import type { LoadSummary } from '../core/types';
import { html } from './dom';

const FORMATS: readonly LoadSummary['format'][] = ['PyTorch .pt', 'safetensors', 'NumPy .npz', 'JSON'];

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const count = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0);
const texts = (value: unknown) => (Array.isArray(value) ? value.map(text) : []);

export function readLoaded(data: unknown): LoadSummary | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const read = (key: keyof LoadSummary) => field(data, key);
  const head = read('head');
  return {
    file: text(read('file')),
    format: FORMATS.find((f) => f === read('format')) ?? 'JSON',
    layout: read('layout') === 'Keras' ? 'Keras' : 'PyTorch',
    lstm: text(read('lstm')),
    layers: count(read('layers')),
    input: count(read('input')),
    hidden: count(read('hidden')),
    head:
      typeof head === 'object' && head !== null
        ? { name: text(field(head, 'name')), outputs: count(field(head, 'outputs')) }
        : undefined,
    dtypes: texts(read('dtypes')),
    unused: texts(read('unused')),
  };
}

/** The line, as text (key names come from the file). */
export function loadedLine(loaded: LoadSummary): HTMLElement {
  return html('p', { class: 'loaded' }, describeLoad(loaded));
}
