// NumPy's .npz (np.savez, np.savez_compressed): a zip of .npy members, one per array, named by its key.
import { ModelError } from './modelError';
import { readNpy } from './npy';
import type { Tensor } from './tensor';
import type { ZipMember } from './zip';

export const isNpz = (members: Map<string, ZipMember>) =>
  members.size > 0 && [...members.keys()].every((name) => name.endsWith('.npy'));

export function readNpz(members: Map<string, ZipMember>): Map<string, Tensor> {
  const tensors = new Map<string, Tensor>();
  for (const [name, member] of members) {
    if (!name.endsWith('.npy')) throw new ModelError(`its member "${name}" is not a .npy array.`);
    tensors.set(name.slice(0, -4), readNpy(member.read(), name));
  }
  return tensors;
}
