// PyTorch's zip format (torch.save since 1.6): <archive>/data.pkl is a pickle whose tensors point at raw
// storages <archive>/data/<key>. Read with our restricted unpickler and exactly the globals
// torch.load(weights_only=True) accepts for a state dict.
import { ModelError } from './modelError';
import { PickleGlobal, PickleTuple, unpickle, type PickleCallable, type PickleValue } from './pickle';
import { DTYPE_BYTES, rawTensor, type DType, type Tensor } from './tensor';
import type { ZipMember } from './zip';

const STORAGES: Record<string, DType> = {
  DoubleStorage: 'float64',
  FloatStorage: 'float32',
  HalfStorage: 'float16',
  BFloat16Storage: 'bfloat16',
  LongStorage: 'int64',
  IntStorage: 'int32',
  ShortStorage: 'int16',
  CharStorage: 'int8',
  ByteStorage: 'uint8',
  BoolStorage: 'bool',
};

class Storage {
  constructor(
    readonly dtype: DType,
    readonly bytes: Uint8Array,
    readonly key: string,
  ) {}
}

/** Building a storage object is never needed: only its class is named, in a tensor's persistent id. */
const storageType = (): PickleCallable => () => {
  throw new ModelError('its pickle builds a storage directly, which torch.save never does.');
};

const storageDtype = (name: string): DType | undefined =>
  name.endsWith('UntypedStorage') ? 'uint8' : STORAGES[name.replace(/^torch\./, '')];

const isSize = (n: PickleValue): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

const ints = (value: PickleValue, what: string): number[] => {
  const items = value instanceof PickleTuple ? value.items : undefined;
  const sizes = items?.filter(isSize);
  if (!items || sizes?.length !== items.length)
    throw new ModelError(`its pickle gives a tensor a ${what} that is not a tuple of sizes.`);
  return sizes;
};

function refuseGlobal(name: string): string {
  const model = /^(__main__|torch\.nn\.modules)\./.test(name) || /^[A-Z]/.test(name.split('.').at(-1) ?? '');
  const what = model
    ? `a whole model (its class ${name}), saved with torch.save(model)`
    : `a call to ${name}, which a state dict never holds`;
  return `it holds ${what}; reading it would mean running code from the file, which load never does. Save the weights instead: torch.save(model.state_dict(), "model.pt").`;
}

export function readTorchZip(members: Map<string, ZipMember>): Map<string, PickleValue> | PickleValue {
  const pickleName = [...members.keys()].find((name) => name.endsWith('data.pkl') && name.split('/').length <= 2);
  if (!pickleName)
    throw new ModelError('it is a zip archive but not one torch.save wrote (there is no data.pkl in it).');
  const prefix = pickleName.slice(0, -'data.pkl'.length);
  const order = members.get(prefix + 'byteorder');
  const littleEndian = !order || new TextDecoder().decode(order.read()).trim() !== 'big';
  const storages = new Map<string, Storage>();
  const tensor = (storage: Storage, offset: number, shape: number[], strides: number[]): PickleValue => {
    const value: Tensor = rawTensor(storage.bytes, storage.dtype, shape, {
      offset,
      strides,
      littleEndian,
      name: `storage ${storage.key}`,
    });
    return { kind: 'object', value };
  };
  const rebuildTensor: PickleCallable = ([storage, offset, size, stride]) => {
    const s = storage && typeof storage === 'object' && 'kind' in storage ? storage.value : undefined;
    if (!(s instanceof Storage) || typeof offset !== 'number')
      throw new ModelError('its pickle builds a tensor from something that is not a storage.');
    const shape = ints(size, 'shape');
    const strides = ints(stride, 'stride');
    if (strides.length !== shape.length)
      throw new ModelError('its pickle gives a tensor a stride of the wrong length.');
    return tensor(s, offset, shape, strides);
  };
  const globals: Record<string, PickleCallable> = {
    'collections.OrderedDict': () => new Map(),
    'torch._utils._rebuild_tensor_v2': rebuildTensor,
    'torch._utils._rebuild_parameter': ([data]) => data,
    'torch.storage.UntypedStorage': storageType(),
    'torch.UntypedStorage': storageType(),
  };
  for (const name of Object.keys(STORAGES)) globals[`torch.${name}`] = storageType();
  const persistentLoad = (id: PickleValue): PickleValue => {
    const items = id instanceof PickleTuple ? id.items : [];
    const [kind, type, key, , numel] = items;
    // The storage's class is named, not called: torch.FloatStorage, or UntypedStorage (bytes).
    const dtype = type instanceof PickleGlobal ? storageDtype(type.name) : undefined;
    if (kind !== 'storage' || !dtype || typeof key !== 'string' || typeof numel !== 'number')
      throw new ModelError('its pickle refers to outside data that is not a tensor storage.');
    let storage = storages.get(key);
    if (!storage) {
      const member = members.get(`${prefix}data/${key}`);
      if (!member) throw new ModelError(`its pickle refers to storage ${key}, which is not in the file.`);
      const bytes = member.read();
      if (bytes.length < numel * DTYPE_BYTES[dtype])
        throw new ModelError(
          `its storage ${key} holds ${bytes.length} bytes, fewer than the ${numel} values it claims.`,
        );
      storage = new Storage(dtype, bytes, key);
      storages.set(key, storage);
    }
    return { kind: 'object', value: storage };
  };
  const pickle = members.get(pickleName)?.read() ?? new Uint8Array(0);
  return unpickle(pickle, { globals, refuse: refuseGlobal, persistentLoad });
}

/** torch's legacy format (before 1.6, or _use_new_zipfile_serialization=False): a bare pickle with a magic number. */
export const LEGACY_TORCH =
  'it is in PyTorch\u2019s legacy format (saved before PyTorch 1.6, or with _use_new_zipfile_serialization=False), which only a full pickle can read. Re-save it with PyTorch 1.6 or later: torch.save(torch.load("old.pt"), "new.pt").';
