// `npm run bench`: loading a 2-layer H = 1024 float32 LSTM (about 64 MiB) written here as .safetensors and
// as a PyTorch .pt (a zip of a pickle and raw storages, as torch.save writes it), through the CLI's file
// reader and the kernel's `load`; and how fast each hostile model fixture is refused.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync, zipSync } from 'fflate';
import { loaderFor } from '../src/cli/weightFiles';
import { readModel } from '../src/core/load';
import { Session } from '../src/core/session';
import { rng } from '../test/support/rng';

const H = 1024;
const X = 1024;
const LAYERS = 2;

/** The state dict of nn.LSTM(X, H, 2): float32 tensors with small random values. */
function stateDict(): [string, number[], Float32Array][] {
  const random = rng(11);
  const tensor = (shape: number[]) => Float32Array.from({ length: shape[0] * (shape[1] ?? 1) }, () => random() - 0.5);
  const out: [string, number[], Float32Array][] = [];
  for (let l = 0; l < LAYERS; l++) {
    out.push([`weight_ih_l${l}`, [4 * H, l ? H : X], tensor([4 * H, l ? H : X])]);
    out.push([`weight_hh_l${l}`, [4 * H, H], tensor([4 * H, H])]);
    out.push([`bias_ih_l${l}`, [4 * H], tensor([4 * H])]);
    out.push([`bias_hh_l${l}`, [4 * H], tensor([4 * H])]);
  }
  return out;
}

const bytesOf = (data: Float32Array) => new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

export const safetensorsForBench = () => safetensors(stateDict());

function safetensors(tensors: ReturnType<typeof stateDict>): Uint8Array {
  const header: Record<string, unknown> = {};
  let offset = 0;
  for (const [name, shape, data] of tensors) {
    header[name] = { dtype: 'F32', shape, data_offsets: [offset, offset + data.byteLength] };
    offset += data.byteLength;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (json.length % 8)) % 8);
  const out = new Uint8Array(8 + json.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(new TextEncoder().encode(json), 8);
  let at = 8 + json.length;
  for (const [, , data] of tensors) {
    out.set(bytesOf(data), at);
    at += data.byteLength;
  }
  return out;
}

/** data.pkl as torch.save writes it (protocol 2): an OrderedDict of _rebuild_tensor_v2 calls on persistent storages. */
function pickle(tensors: ReturnType<typeof stateDict>): Uint8Array {
  const parts: number[] = [0x80, 2];
  const text = (s: string) => parts.push(...new TextEncoder().encode(s));
  const unicode = (s: string) => {
    const b = new TextEncoder().encode(s);
    parts.push(0x58, b.length & 0xff, (b.length >> 8) & 0xff, 0, 0, ...b);
  };
  const int = (n: number) => parts.push(0x4a, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff);
  const tuple = (items: number[]) => {
    parts.push(0x28);
    items.forEach(int);
    parts.push(0x74);
  };
  text('ccollections\nOrderedDict\n)R(');
  tensors.forEach(([name, shape, data], key) => {
    unicode(name);
    text('ctorch._utils\n_rebuild_tensor_v2\n((');
    unicode('storage');
    text('ctorch\nFloatStorage\n');
    unicode(String(key));
    unicode('cpu');
    int(data.length);
    text('tQ');
    int(0);
    tuple(shape);
    tuple(shape.length === 2 ? [shape[1], 1] : [1]);
    parts.push(0x89); // NEWFALSE: requires_grad
    text('ccollections\nOrderedDict\n)RtR');
  });
  text('u.');
  return Uint8Array.from(parts);
}

function torchZip(tensors: ReturnType<typeof stateDict>): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 }]> = {
    'model/data.pkl': [pickle(tensors), { level: 0 }],
    'model/version': [new TextEncoder().encode('3\n'), { level: 0 }],
  };
  tensors.forEach(([, , data], key) => (files[`model/data/${key}`] = [bytesOf(data), { level: 0 }]));
  return zipSync(files, { level: 0 });
}

function timeLoad(dir: string, file: string): number {
  const notebook = join(dir, 'bench.lstm');
  const runs: number[] = [];
  for (let k = 0; k < 3; k++) {
    const session = new Session({ readFile: loaderFor(notebook) });
    const start = performance.now();
    const result = session.run(`load "${file}"`);
    runs.push(performance.now() - start);
    if (result.errors.length) throw new Error(result.errors[0].message);
  }
  return Math.min(...runs);
}

/** The fixtures, from dist/bench.js (the bundle) or bench/ (the source). */
const FIXTURES = resolve(__dirname, '..', 'test', 'fixtures', 'models');

export function benchModelLoading(fixtures = FIXTURES): void {
  const tensors = stateDict();
  const dir = mkdtempSync(join(tmpdir(), 'lstm-bench-'));
  try {
    const files: [string, Uint8Array][] = [
      ['model.safetensors', safetensors(tensors)],
      ['model.pt', torchZip(tensors)],
    ];
    console.log(
      `\nload a ${LAYERS}-layer LSTM, X = ${X}, H = ${H}, float32 (target < 1 s each; best of 3, file read included)`,
    );
    for (const [name, bytes] of files) {
      writeFileSync(join(dir, name), bytes);
      const ms = timeLoad(dir, name);
      const mb = bytes.length / 1048576;
      console.log(
        `  ${name.padEnd(18)} ${mb.toFixed(1)} MiB  ${ms.toFixed(0)} ms  ${(mb / (ms / 1000)).toFixed(0)} MB/s`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  let slowest: [string, number] = ['', 0];
  const names = readdirSync(fixtures).filter((f) => /^(hostile|refused)-/.test(f));
  for (const name of names) {
    const raw = new Uint8Array(readFileSync(join(fixtures, name)));
    const bytes = name.endsWith('.gz') ? gunzipSync(raw) : raw;
    const start = performance.now();
    const model = readModel(bytes);
    const ms = performance.now() - start;
    if (!('error' in model)) throw new Error(`${name} was not refused`);
    if (ms > slowest[1]) slowest = [name, ms];
  }
  console.log(
    `  ${names.length} hostile and refused model files: each refused, the slowest in ${slowest[1].toFixed(0)} ms (${slowest[0]}; target < 1 s)`,
  );
}
