// Benchmark: the core's forward pass against TensorFlow.js (CPU backend) and PyTorch (float64, one
// thread, when /usr/bin/python3 can import torch), the parse time of a large notebook, where WebAssembly
// pays (./wasmThreshold), and the HTML export of the lessons (./export).
// Built by `node esbuild.mjs` into dist/bench.js; run with `npm run bench`. Prints figures, asserts nothing.
import { spawnSync } from 'node:child_process';
import { benchExport } from './export';
import { lstmForward, type LstmParams } from '../src/core/lstm';
import { parseNotebook } from '../src/core/notebook';
import { parseCell } from '../src/core/parser';
import { benchModelLoading } from './loadModels';
import { benchWasmThreshold } from './wasmThreshold';
import type * as tfjs from '@tensorflow/tfjs';

const CASES: { X: number; H: number; T: number }[] = [
  { X: 128, H: 128, T: 1000 },
  { X: 512, H: 512, T: 200 },
];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Warm-up once, then the median of `runs` timed calls, in seconds. */
async function time(fn: () => unknown, runs = RUNS): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return median(times);
}

const seconds = (s: number) =>
  s >= 1 ? `${s.toFixed(2)} s` : s >= 1e-3 ? `${(s * 1e3).toFixed(1)} ms` : `${(s * 1e6).toFixed(0)} µs`;

function compare(core: number, other: number, name: string): string {
  const ratio = other / core;
  return ratio >= 1
    ? `core ${seconds(core)}, ${name} ${seconds(other)}: ${ratio.toFixed(1)}× faster`
    : `core ${seconds(core)}, ${name} ${seconds(other)}: ${(1 / ratio).toFixed(1)}× slower`;
}

/** Random weights in Keras layout (what tfjs takes) and the same weights in the core's stacked layout. */
function makeWeights(X: number, H: number, seed: number) {
  const random = rng(seed);
  const scale = 1 / Math.sqrt(H);
  const u = () => Math.fround((random() * 2 - 1) * scale);
  const kernel = new Float32Array(X * 4 * H).map(u); // X×4H, column blocks i, f, c, o
  const recurrent = new Float32Array(H * 4 * H).map(u); // H×4H
  const bias = new Float32Array(4 * H).map(u);
  const stride = H + X;
  const weights = new Float64Array(4 * H * stride);
  const stacked = new Float64Array(4 * H);
  const kerasBlock = [1, 0, 2, 3]; // core blocks f, i, g, o ← Keras blocks i, f, c, o
  for (let block = 0; block < 4; block++) {
    for (let r = 0; r < H; r++) {
      const col = kerasBlock[block] * H + r;
      const row = (block * H + r) * stride;
      for (let j = 0; j < H; j++) weights[row + j] = recurrent[j * 4 * H + col];
      for (let j = 0; j < X; j++) weights[row + H + j] = kernel[j * 4 * H + col];
      stacked[block * H + r] = bias[col];
    }
  }
  const params: LstmParams = { hidden: H, input: X, weights, bias: stacked };
  return { kernel, recurrent, bias, params };
}

function makeInputs(T: number, X: number, seed: number): Float32Array {
  const random = rng(seed);
  return new Float32Array(T * X).map(() => Math.fround(random() * 2 - 1));
}

// ------------------------------------------------------------------------------------------------
// TensorFlow.js
// ------------------------------------------------------------------------------------------------

type Tf = typeof tfjs;

async function loadTf(): Promise<Tf | undefined> {
  try {
    // Silence tfjs's "install tfjs-node" banner (printed at its first use); keep everything else.
    const banner = (line: unknown) => typeof line === 'string' && /tfjs-node|^=+$/.test(line);
    const { log, warn } = console;
    console.log = (...args: unknown[]) => (banner(args[0]) ? undefined : log(...args));
    console.warn = (...args: unknown[]) => (banner(args[0]) ? undefined : warn(...args));
    const tf: Tf = await import('@tensorflow/tfjs');
    await tf.setBackend('cpu');
    await tf.ready();
    return tf;
  } catch (error) {
    console.log(`tfjs: not available (${(error as Error).message}); skipped.`);
    return undefined;
  }
}

function tfjsModel(tf: Tf, X: number, H: number, T: number, w: ReturnType<typeof makeWeights>) {
  const lstm = tf.layers.lstm({
    units: H,
    inputShape: [T, X],
    returnSequences: false,
    recurrentActivation: 'sigmoid',
    activation: 'tanh',
    unitForgetBias: false,
    // Replaced by setWeights; tfjs's default orthogonal initializer alone takes many seconds at H = 512.
    kernelInitializer: 'zeros',
    recurrentInitializer: 'zeros',
  });
  const model = tf.sequential({ layers: [lstm] });
  lstm.setWeights([tf.tensor2d(w.kernel, [X, 4 * H]), tf.tensor2d(w.recurrent, [H, 4 * H]), tf.tensor1d(w.bias)]);
  return model;
}

// ------------------------------------------------------------------------------------------------
// PyTorch, in a child process
// ------------------------------------------------------------------------------------------------

const PYTORCH_SCRIPT = String.raw`
import json, sys, time, statistics
import torch
torch.set_num_threads(1)
torch.manual_seed(0)
c, runs = json.loads(sys.argv[1]), int(sys.argv[2])
with torch.no_grad():
    lstm = torch.nn.LSTM(c["X"], c["H"]).double()
    x = torch.rand(c["T"], 1, c["X"], dtype=torch.float64) * 2 - 1
    lstm(x)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        lstm(x)
        times.append(time.perf_counter() - start)
print(json.dumps({"version": torch.__version__, "threads": torch.get_num_threads(), "time": statistics.median(times)}))
`;
import { rng } from '../test/support/rng';

const PYTHON = '/usr/bin/python3';

/** Why PyTorch can't be used, or undefined when `/usr/bin/python3 -c "import torch"` works. */
function pytorchMissing(): string | undefined {
  const probe = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  if (!probe.error && probe.status === 0) return undefined;
  const why = probe.error ? probe.error.message : (probe.stderr.trim().split('\n').at(-1) ?? `exit ${probe.status}`);
  return `PyTorch: not available (${why}); skipped. On Debian: apt-get install -y python3-torch.`;
}

interface PytorchTiming {
  version: string;
  threads: number;
  time: number;
}

/** torch.nn.LSTM's forward time for one case, in a child process, run right after the core's for that case. */
function pytorchTime(c: { X: number; H: number; T: number }): PytorchTiming | string {
  const out = spawnSync(PYTHON, ['-c', PYTORCH_SCRIPT, JSON.stringify(c), String(RUNS)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (out.status !== 0) return `the PyTorch benchmark failed (${out.stderr.trim().split('\n').at(-1)})`;
  return JSON.parse(out.stdout) as PytorchTiming;
}

// ------------------------------------------------------------------------------------------------
// Parsing
// ------------------------------------------------------------------------------------------------

/** A notebook of about `lines` lines: markdown paragraphs and code cells of every statement kind. */
function makeNotebook(lines: number): string {
  const parts: string[] = [];
  let count = 0;
  for (let k = 0; count < lines; k++) {
    parts.push(`## Step ${k}`, '', `Some prose about step ${k}, with *emphasis* and \`code\`.`, '', '```lstm');
    const code = [
      `x = ${(k % 7) / 10}`,
      'h = [0.1, -0.2]',
      'c = [0.5, 0.25]   # long-term memory',
      'forget     W = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]  b = [1.40, 0.5]',
      'input      wx = [[2.30], [1.1]]   wh = [[1.85, 0], [0, 1.85]]   b = [0.45, 0]',
      'candidate  wx = [[0.45], [0.3]]   wh = [[0.35, 0.1], [0.1, 0.35]] b = [-0.05, 0]',
      'output     wx = [[-0.03], [0.2]]  wh = [[4.67, 0], [0, 4.67]]   b = [0.50, 0]',
      'dense      w = [[2, 1]]           b = 1',
      'run x = [0, 0.5, 1, 1.5e-05]',
      'expect c = [5.62, 1.2] within 0.01',
      'show f',
    ];
    parts.push(...code, '```', '');
    count += 6 + code.length;
  }
  return parts.join('\n');
}

function parseAll(text: string): number {
  let statements = 0;
  for (const cell of parseNotebook(text).cells)
    if (cell.kind === 'code') statements += parseCell(cell.source).statements.length;
  return statements;
}

// ------------------------------------------------------------------------------------------------

async function main() {
  console.log(`LSTM Notebooks benchmark — node ${process.version}, ${RUNS} timed runs after a warm-up, medians`);
  const tf = await loadTf();
  const missing = pytorchMissing();
  console.log(missing ?? 'PyTorch: torch.nn.LSTM float64, torch.set_num_threads(1), no_grad, input [T, 1, X]');
  if (tf)
    console.log(
      `TensorFlow.js ${tf.version.tfjs}, backend ${tf.getBackend()}, tf.layers.lstm float32 (predict on [1, T, X])`,
    );

  for (const [index, { X, H, T }] of CASES.entries()) {
    console.log(`\nforward X = ${X}, H = ${H}, T = ${T}  (${((8 * H * (H + X) * T) / 1e9).toFixed(2)} GFLOP)`);
    const w = makeWeights(X, H, 7 + index);
    const xs32 = makeInputs(T, X, 11 + index);
    const xs = Float64Array.from(xs32);
    const h0 = new Float64Array(H);
    const c0 = new Float64Array(H);
    let coreH: Float64Array | undefined;
    const core = await time(() => {
      coreH = lstmForward(w.params, xs, h0, c0).h;
    });
    console.log(
      `  core lstmForward (float64): ${seconds(core)}  (${((8 * H * (H + X) * T) / core / 1e9).toFixed(2)} GFLOP/s)`,
    );
    if (tf) {
      const model = tfjsModel(tf, X, H, T, w);
      const input = tf.tensor3d(xs32, [1, T, X]);
      let tfH: Float32Array | undefined;
      const tfjs = await time(
        async () => {
          const out = model.predict(input) as tfjs.Tensor;
          tfH = (await out.data()) as Float32Array;
          out.dispose();
        },
        Math.min(RUNS, 3),
      );
      const final = tfH;
      const diff = coreH && final ? Math.max(...Array.from(coreH, (v, k) => Math.abs(v - final[k]))) : NaN;
      console.log(`  tfjs: ${compare(core, tfjs, 'tfjs')}   (final h agrees within ${diff.toExponential(1)})`);
      input.dispose();
      model.dispose();
    }
    if (!missing) {
      const torch = pytorchTime({ X, H, T });
      console.log(
        typeof torch === 'string'
          ? `  PyTorch: ${torch}`
          : `  PyTorch ${torch.version} (${torch.threads} thread): ${compare(core, torch.time, 'PyTorch')}`,
      );
    }
  }

  const text = makeNotebook(10_000);
  const lineCount = text.split('\n').length;
  let statements = 0;
  const parse = await time(() => {
    statements = parseAll(text);
  }, 9);
  console.log(
    `\nparse a ${lineCount}-line notebook (${(text.length / 1024).toFixed(0)} KiB, ${statements} statements): parseNotebook + parseCell of each cell ${seconds(parse)} (target < 50 ms)`,
  );
  benchWasmThreshold();
  benchExport(Math.min(RUNS, 3), seconds);
  benchModelLoading();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
