// Groups a file's keys into the recurrent networks and dense layers they belong to, by name:
// PyTorch `<prefix>weight_ih_l<N>[_reverse]`, `weight_hr_l<N>` (proj_size); Keras `<prefix>kernel`,
// `recurrent_kernel`, `bias` (TF2 names end in ":0"); heads `<name>.weight` + `<name>.bias` or Keras `<name>/kernel`.
import type { Tensor } from './tensor';

export interface Named {
  key: string;
  tensor: Tensor;
}

export interface TorchGroup {
  layout: 'PyTorch';
  prefix: string;
  /** weight_ih, weight_hh, bias_ih, bias_hh, weight_hr per layer index. */
  layers: Map<number, Partial<Record<TorchKind, Named>>>;
  reverse: string[];
  projection: string[];
  keys: string[];
}

export interface KerasGroup {
  layout: 'Keras';
  prefix: string;
  kernel?: Named;
  recurrent?: Named;
  bias?: Named;
  keys: string[];
}

export interface HeadCandidate {
  name: string;
  weight: Named;
  bias?: Named;
  /** Keras stores a Dense kernel H×Y, the transpose of nn.Linear's Y×H. */
  transposed: boolean;
}

const TORCH_KINDS = ['weight_ih', 'weight_hh', 'bias_ih', 'bias_hh', 'weight_hr'] as const;
type TorchKind = (typeof TORCH_KINDS)[number];
const TORCH_KEY = new RegExp(`^(.*?)(${TORCH_KINDS.join('|')})_l(\\d+)(_reverse)?$`);
const KERAS_KEY = /^(.*?)(recurrent_kernel|kernel|bias)$/;

/** "lstm/lstm_cell/kernel:0" → "lstm/lstm_cell/kernel". */
export const bareName = (key: string) => key.replace(/:\d+$/, '');
/** "rnn." → "rnn", "" → "" (the prefix as a user types it in `load … lstm "rnn"`). */
export const prefixName = (prefix: string) => prefix.replace(/[./]$/, '');

export function groupKeys(tensors: Map<string, Tensor>): { recurrent: (TorchGroup | KerasGroup)[] } {
  const torch = new Map<string, TorchGroup>();
  const keras = new Map<string, KerasGroup>();
  for (const [key, tensor] of tensors) {
    const name = bareName(key);
    const t = TORCH_KEY.exec(name);
    if (t && (t[1] === '' || /[./]$/.test(t[1]))) {
      const [, prefix, written, index, reverse] = t;
      const kind = TORCH_KINDS.find((known) => known === written);
      const group: TorchGroup = torch.get(prefix) ?? {
        layout: 'PyTorch',
        prefix,
        layers: new Map(),
        reverse: [],
        projection: [],
        keys: [],
      };
      torch.set(prefix, group);
      group.keys.push(key);
      if (reverse) group.reverse.push(key);
      else {
        if (kind === 'weight_hr') group.projection.push(key);
        const layer = group.layers.get(Number(index)) ?? {};
        if (kind) layer[kind] = { key, tensor };
        group.layers.set(Number(index), layer);
      }
      continue;
    }
    const k = KERAS_KEY.exec(name);
    if (k && (k[1] === '' || /[./]$/.test(k[1]))) {
      const [, prefix, kind] = k;
      const group: KerasGroup = keras.get(prefix) ?? { layout: 'Keras', prefix, keys: [] };
      keras.set(prefix, group);
      group.keys.push(key);
      if (kind === 'kernel') group.kernel = { key, tensor };
      else if (kind === 'recurrent_kernel') group.recurrent = { key, tensor };
      else group.bias = { key, tensor };
    }
  }
  const recurrent = [...torch.values(), ...[...keras.values()].filter((g) => g.recurrent)];
  return { recurrent };
}

/** 2-D `<name>.weight` (Y×H) or Keras `<name>/kernel` (H×Y) with H columns (rows), outside the LSTM's keys. */
export function headCandidates(tensors: Map<string, Tensor>, used: Set<string>, H: number): HeadCandidate[] {
  const byName = new Map<string, Named>();
  for (const [key, tensor] of tensors) if (!used.has(key)) byName.set(bareName(key), { key, tensor });
  const out: HeadCandidate[] = [];
  for (const [name, weight] of byName) {
    const m = /^(.*)[./](weight|kernel)$/.exec(name);
    if (!m || weight.tensor.shape.length !== 2) continue;
    const transposed = m[2] === 'kernel';
    if (transposed && byName.has(`${m[1]}/recurrent_kernel`)) continue;
    const [rows, cols] = weight.tensor.shape;
    if ((transposed ? rows : cols) !== H) continue;
    const sep = name.charAt(m[1].length);
    out.push({ name: m[1], weight, bias: byName.get(`${m[1]}${sep}bias`), transposed });
  }
  return out;
}
