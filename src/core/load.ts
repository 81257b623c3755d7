// `load "FILE"`: a trained LSTM from a weight file's bytes (PyTorch .pt, safetensors, NumPy .npz or JSON,
// recognised by content), as gates for every stacked layer and the head. Never a partial model.
import { ModelError } from './model/modelError';
import { readTensorFile } from './model/read';
import { interpret, type Choice, type LoadedModel } from './model/stateDict';

export type { Choice, LoadedModel };
export { describeLoad } from './loadSummary';

/** Reads a model; returns a message a learner can act on instead of throwing. */
export function readModel(bytes: Uint8Array, choice: Choice = {}): LoadedModel | { error: string } {
  try {
    return interpret(readTensorFile(bytes), choice);
  } catch (error) {
    if (error instanceof ModelError) return { error: error.message };
    if (error instanceof RangeError) return { error: `the file is damaged or cut short (${error.message}).` };
    return { error: `Could not read the weights: ${String(error)}` };
  }
}
