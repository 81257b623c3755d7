// Reads a weight file's bytes into named tensors, recognising the format by its content, not its name:
// a zip holding data.pkl (PyTorch .pt) or .npy members (NumPy .npz), a safetensors header, or JSON.
import { MAX_FILE_BYTES, MAX_WEIGHT_FILE_BYTES } from '../limits';
import { readJson } from './json';
import { messageOf, ModelError } from './modelError';
import { isNpy } from './npy';
import { isNpz, readNpz } from './npz';
import { PickleTuple, type PickleValue } from './pickle';
import { looksLikeSafetensors, readSafetensors } from './safetensors';
import type { Tensor } from './tensor';
import { LEGACY_TORCH, readTorchZip } from './torch';
import { isZip, readZip } from './zip';

type Format = 'PyTorch .pt' | 'safetensors' | 'NumPy .npz' | 'JSON';

export interface TensorFile {
  format: Format;
  tensors: Map<string, Tensor>;
}

/** Dicts inside a .pt nest at most this deep (a checkpoint's {"model": {...}, "optimizer": {...}}). */
const MAX_PICKLE_DEPTH = 16;

const isTensor = (value: PickleValue): value is { kind: 'object'; value: Tensor } =>
  value !== null &&
  typeof value === 'object' &&
  'kind' in value &&
  typeof value.value === 'object' &&
  value.value !== null &&
  'values' in value.value &&
  typeof value.value.values === 'function';

function describeValue(value: PickleValue): string {
  if (value instanceof Map) return 'a dict';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof PickleTuple) return 'a tuple';
  return typeof value === 'string' ? 'a string' : typeof value === 'number' ? 'a number' : 'a value';
}

/** The tensors of a torch.save'd dict, with nested dicts' keys joined by dots (a checkpoint's "model.lstm…"). */
function tensorsOfPickle(root: PickleValue): Map<string, Tensor> {
  if (!(root instanceof Map))
    throw new ModelError(`it holds ${describeValue(root)}, not a state dict (a dict of tensors).`);
  const out = new Map<string, Tensor>();
  const visit = (value: PickleValue, prefix: string, depth: number) => {
    if (isTensor(value)) out.set(prefix, value.value);
    else if (value instanceof Map || Array.isArray(value)) {
      if (depth >= MAX_PICKLE_DEPTH)
        throw new ModelError(
          `its dicts nest deeper than ${MAX_PICKLE_DEPTH} levels (MAX_PICKLE_DEPTH); a state dict never does.`,
        );
      const entries = value instanceof Map ? [...value] : value.map((item, k) => [k, item] as const);
      for (const [key, child] of entries) {
        const name = typeof key === 'string' || typeof key === 'number' ? String(key) : '?';
        visit(child, prefix ? `${prefix}.${name}` : name, depth + 1);
      }
    }
  };
  visit(root, '', 0);
  return out;
}

function readText(bytes: Uint8Array): TensorFile {
  if (bytes.length > MAX_FILE_BYTES)
    throw new ModelError(
      `it is ${bytes.length} bytes of JSON; JSON weights are read up to ${MAX_FILE_BYTES} bytes (MAX_FILE_BYTES). Save large models as .safetensors or .pt.`,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ModelError(
      'it is not a weight file load reads: not a PyTorch .pt (zip), safetensors, NumPy .npz or JSON file.',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ModelError(`The file is not valid JSON (${messageOf(error)}).`);
  }
  return { format: 'JSON', tensors: readJson(json) };
}

export function readTensorFile(bytes: Uint8Array): TensorFile {
  if (bytes.length > MAX_WEIGHT_FILE_BYTES)
    throw new ModelError(
      `it is ${bytes.length} bytes; load reads weight files up to ${MAX_WEIGHT_FILE_BYTES} bytes (MAX_WEIGHT_FILE_BYTES, 512 MiB).`,
    );
  if (isZip(bytes)) {
    const members = readZip(bytes, MAX_WEIGHT_FILE_BYTES, 'MAX_WEIGHT_FILE_BYTES, 512 MiB');
    if ([...members.keys()].some((name) => name.endsWith('data.pkl')))
      return { format: 'PyTorch .pt', tensors: tensorsOfPickle(readTorchZip(members)) };
    if (isNpz(members)) return { format: 'NumPy .npz', tensors: readNpz(members) };
    throw new ModelError(
      'it is a zip archive, but neither a PyTorch .pt (no data.pkl) nor a NumPy .npz (not only .npy members).',
    );
  }
  if (bytes[0] === 0x80 && bytes[1] >= 2 && bytes[1] <= 5) throw new ModelError(LEGACY_TORCH);
  if (isNpy(bytes))
    throw new ModelError(
      'it is a single NumPy array (.npy); save the weights by name with np.savez("model.npz", **arrays).',
    );
  if (bytes[0] === 0x89 && String.fromCharCode(...bytes.subarray(1, 4)) === 'HDF')
    throw new ModelError(
      'it is an HDF5 file (Keras .h5), which load does not read. Export the weights as .npz or JSON, e.g. np.savez("model.npz", **{w.name: w.numpy() for w in model.weights}).',
    );
  if (looksLikeSafetensors(bytes)) return { format: 'safetensors', tensors: readSafetensors(bytes) };
  return readText(bytes);
}
