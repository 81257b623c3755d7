// Trains the small LSTM that lessons/07-real-weights.lstm loads, and writes its weights in PyTorch layout.
//   node scripts/train-lesson-weights.mjs            train, verify, write lessons/weights/remember-first.json
//   node scripts/train-lesson-weights.mjs --check    train and verify, but only compare with the file on disk
//
// The task: read a sequence of bits and, at its last step, answer with the FIRST bit (1 or 0); the later
// bits are noise the network must not let overwrite what it stored. The model is one LSTM layer with
// H = 2 units on one input (X = 1) and a dense layer with one output, trained with TensorFlow.js
// (CPU, float32, every initializer and the data seeded, full-batch so there is no shuffling) on all
// 2^6 = 64 bit sequences of length 6.
//
// TensorFlow.js stores weights in Keras's layout (kernel X×4H, recurrent_kernel H×4H, bias 4H, column
// blocks i, f, c, o). The file uses PyTorch's state_dict layout (weight_ih_l0 4H×X, weight_hh_l0 4H×H,
// row blocks i, f, g, o, where g is Keras's c; two biases that are summed). The weights are rounded to
// 6 decimals first; then the rounded numbers are verified twice: put back into the TensorFlow.js model,
// and loaded from the JSON text by the project's own kernel (src/core, bundled on the fly with esbuild).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import * as tf from '@tensorflow/tfjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'lessons', 'weights', 'remember-first.json');
const CHECK_ONLY = process.argv.includes('--check');

const SEED = 7;
const H = 2;
const X = 1;
const T = 6;
const EPOCHS = 600;
const LEARNING_RATE = 0.05;
const DECIMALS = 6;

/** Every bit sequence of length n, as T×1 inputs, with its first bit as the target. */
function allSequences(n) {
  const xs = [];
  const ys = [];
  for (let k = 0; k < 2 ** n; k++) {
    const bits = Array.from({ length: n }, (_, t) => (k >> (n - 1 - t)) & 1);
    xs.push(bits.map((b) => [b]));
    ys.push([bits[0]]);
  }
  return { xs, ys };
}

function buildModel() {
  const model = tf.sequential();
  model.add(
    tf.layers.lstm({
      units: H,
      inputShape: [null, X],
      activation: 'tanh',
      recurrentActivation: 'sigmoid',
      kernelInitializer: tf.initializers.glorotUniform({ seed: SEED }),
      recurrentInitializer: tf.initializers.glorotUniform({ seed: SEED + 1 }),
    }),
  );
  model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: SEED + 2 }) }));
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: 'meanSquaredError' });
  return model;
}

const round = (v) => Number(v.toFixed(DECIMALS)) + 0; // + 0 turns -0 into 0
const transpose = (m) => m[0].map((_, c) => m.map((row) => row[c]));

/** Keras layout (what tfjs holds) → PyTorch state_dict, rounded. Both stack the gates as i, f, g(=c), o. */
function toPyTorch(model) {
  const [kernel, recurrent, bias] = model.layers[0].getWeights().map((w) => w.arraySync());
  const [denseKernel, denseBias] = model.layers[1].getWeights().map((w) => w.arraySync());
  const roundAll = (m) => m.map((row) => (Array.isArray(row) ? row.map(round) : round(row)));
  return {
    weight_ih_l0: roundAll(transpose(kernel)), // 4H×X: row r is Keras column r
    weight_hh_l0: roundAll(transpose(recurrent)), // 4H×H
    bias_ih_l0: roundAll(bias), // Keras has one bias; PyTorch adds two, so the second is all zeros
    bias_hh_l0: bias.map(() => 0),
    'dense.weight': roundAll(transpose(denseKernel)), // nn.Linear: 1×H
    'dense.bias': roundAll(denseBias),
  };
}

/** PyTorch layout → Keras layout, to put the rounded weights back into the tfjs model. */
function setFromPyTorch(model, w) {
  const bias = w.bias_ih_l0.map((b, k) => b + w.bias_hh_l0[k]);
  model.layers[0].setWeights([
    tf.tensor2d(transpose(w.weight_ih_l0)),
    tf.tensor2d(transpose(w.weight_hh_l0)),
    tf.tensor1d(bias),
  ]);
  model.layers[1].setWeights([tf.tensor2d(transpose(w['dense.weight'])), tf.tensor1d(w['dense.bias'])]);
}

/** The project's kernel (src/core/session.ts), bundled in memory. */
async function loadSession() {
  const built = await esbuild.build({
    entryPoints: [join(ROOT, 'src', 'core', 'session.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const code = built.outputFiles[0].text;
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)).Session;
}

/** The final y the kernel computes for each sequence after `load`ing the JSON text. */
function kernelPredictions(Session, text, xs) {
  return xs.map((seq) => {
    const session = new Session({ readFile: () => ({ text }) });
    const result = session.run(`load "w.json"\nrun x = [${seq.map((x) => x[0]).join(', ')}]`);
    if (!result.ok) throw new Error(`the kernel could not run the weights: ${JSON.stringify(result.errors)}`);
    return result.steps.at(-1).y[0];
  });
}

function tfjsPredictions(model, xs) {
  return tf.tidy(() =>
    model
      .predict(tf.tensor3d(xs))
      .arraySync()
      .map((row) => row[0]),
  );
}

/** JSON with one matrix row per line, so the file reads like the matrices it holds. */
function writeJson(file) {
  const entries = Object.entries(file).map(([key, value]) => {
    const rows = Array.isArray(value) && Array.isArray(value[0]);
    const body = rows
      ? `[\n${value.map((row) => `    ${JSON.stringify(row).replace(/,/g, ', ')}`).join(',\n')}\n  ]`
      : JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
    return `  ${JSON.stringify(key)}: ${body}`;
  });
  return `{\n${entries.join(',\n')}\n}\n`;
}

function fail(message) {
  console.error(`train-lesson-weights: ${message}`);
  process.exit(1);
}

async function main() {
  await tf.setBackend('cpu');
  const train = allSequences(T);
  const model = buildModel();
  const history = await model.fit(tf.tensor3d(train.xs), tf.tensor2d(train.ys), {
    epochs: EPOCHS,
    batchSize: train.xs.length,
    shuffle: false,
    verbose: 0,
  });
  const loss = history.history.loss.at(-1);
  console.log(
    `trained ${EPOCHS} epochs on ${train.xs.length} sequences of length ${T}: final loss ${Number(loss).toExponential(3)}`,
  );

  const weights = toPyTorch(model);
  setFromPyTorch(model, weights); // from here on, every check sees the rounded numbers
  const file = {
    about: {
      task: `answer the first of ${T} bits at the last step (y near 1 or 0)`,
      made_by:
        'scripts/train-lesson-weights.mjs: TensorFlow.js on the CPU, seeded, trained on all 64 bit sequences of length 6',
      layout:
        'PyTorch nn.LSTM state_dict: row blocks i, f, g, o; Keras has one bias, so it is all in bias_ih_l0 and bias_hh_l0 is zeros',
      seed: SEED,
      hidden_size: H,
      input_size: X,
      epochs: EPOCHS,
      rounded_to_decimals: DECIMALS,
    },
    ...weights,
  };
  const text = writeJson(file);

  const Session = await loadSession();
  // Sequences of the training length, and longer ones the network never saw.
  for (const length of [T, 10]) {
    const { xs, ys } = allSequences(length);
    const fromTfjs = tfjsPredictions(model, xs);
    const fromKernel = kernelPredictions(Session, text, xs);
    const gap = Math.max(...fromTfjs.map((y, k) => Math.abs(y - fromKernel[k])));
    const worst = Math.max(...fromKernel.map((y, k) => Math.abs(y - ys[k][0])));
    console.log(
      `length ${length}: ${xs.length} sequences, tfjs vs kernel max |Δy| ${gap.toExponential(2)}, worst |y − first bit| ${worst.toFixed(4)}`,
    );
    if (gap > 1e-4) fail(`the kernel and TensorFlow.js disagree by ${gap} on the rounded weights`);
    if (worst >= 0.5) fail(`the network gets a sequence of length ${length} wrong (error ${worst}); try another SEED`);
  }

  if (CHECK_ONLY) {
    const onDisk = readFileSync(OUT, 'utf8');
    if (onDisk !== text) fail(`${OUT} differs from what training produces now`);
    console.log(`${OUT} matches`);
    return;
  }
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}`);
}

await main();
