// What `expect` and hovers read by name: a layer's input x, its memories h and c, or a value of its last step.
import type { StepTrace, Vector } from './types';
import type { ValueName } from './vocabulary';

export interface LayerState {
  h?: Vector;
  c?: Vector;
  last?: StepTrace;
}

export function lookUp(name: ValueName, x: Vector | undefined, layer: LayerState): Vector | undefined {
  switch (name) {
    case 'x':
      return x;
    case 'h':
    case 'short':
      return layer.h;
    case 'c':
    case 'long':
      return layer.c;
    default:
      return fromStep(name, layer.last);
  }
}

/** A value of the layer's last step. */
function fromStep(name: Exclude<ValueName, 'x' | 'h' | 'short' | 'c' | 'long'>, step?: StepTrace): Vector | undefined {
  if (!step) return undefined;
  switch (name) {
    case 'z_f':
      return step.z.f;
    case 'z_i':
      return step.z.i;
    case 'z_g':
      return step.z.g;
    case 'z_o':
      return step.z.o;
    default:
      return step[name];
  }
}
