// A restricted unpickler of our own: it understands what torch.load(weights_only=True) accepts and nothing
// more. It only builds plain values (dicts, lists, tuples, strings, numbers) and asks `globals` for the few
// callables a state dict needs; any other global (os.system, builtins.eval, a model's class) is refused by
// name before anything is built. Nothing is executed. Table-driven: one small handler per opcode.
import { ModelError } from './modelError';

/** What an allowed global does when the pickle calls it (REDUCE) or builds it (NEWOBJ). */
export type PickleCallable = (args: PickleValue[]) => PickleValue;

export type PickleValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | PickleValue[]
  | PickleTuple
  | Map<PickleValue, PickleValue>
  | PickleGlobal
  | { kind: 'object'; value: unknown };

export class PickleTuple {
  constructor(readonly items: PickleValue[]) {}
}

export class PickleGlobal {
  constructor(
    readonly name: string,
    readonly call: PickleCallable,
  ) {}
}

export interface PickleOptions {
  /** The allowed globals by "module.name"; every other one is refused with `refuse(name)`'s message. */
  globals: Record<string, PickleCallable>;
  refuse: (name: string) => string;
  /** Resolves a persistent id (torch: a storage); undefined refuses it. */
  persistentLoad?: (id: PickleValue) => PickleValue;
}

/** Marks open at once: a pickle of 500,000 MARKs is refused, not held. */
const MAX_MARKS = 1000;

class Machine {
  stack: PickleValue[] = [];
  marks: number[] = [];
  memo = new Map<number, PickleValue>();
  pos = 0;
  done = false;
  constructor(
    readonly bytes: Uint8Array,
    readonly options: PickleOptions,
  ) {}

  take(n: number): Uint8Array {
    if (this.pos + n > this.bytes.length) throw new ModelError('its pickle ends in the middle of a value.');
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  u8 = () => this.take(1)[0];
  u16 = () => {
    const b = this.take(2);
    return b[0] | (b[1] << 8);
  };
  u32 = () => {
    const b = this.take(4);
    return (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
  };
  u64 = () => this.u32() + this.u32() * 2 ** 32;
  line(): string {
    const end = this.bytes.indexOf(0x0a, this.pos);
    if (end < 0) throw new ModelError('its pickle ends in the middle of a name.');
    return new TextDecoder().decode(this.take(end + 1 - this.pos)).slice(0, -1);
  }
  text = (n: number) => new TextDecoder().decode(this.take(n));
  push = (value: PickleValue) => void this.stack.push(value);
  pop(): PickleValue {
    const value = this.stack.length > (this.marks.at(-1) ?? -1) ? this.stack.pop() : undefined;
    if (value === undefined) throw new ModelError('its pickle is malformed (it takes from an empty stack).');
    return value;
  }
  top(): PickleValue {
    if (!this.stack.length) throw new ModelError('its pickle is malformed (it takes from an empty stack).');
    return this.stack[this.stack.length - 1];
  }
  mark() {
    if (this.marks.length >= MAX_MARKS)
      throw new ModelError(`its pickle nests deeper than ${MAX_MARKS} levels (MAX_MARKS); a state dict never does.`);
    this.marks.push(this.stack.length);
  }
  popMark(): PickleValue[] {
    const at = this.marks.pop();
    if (at === undefined) throw new ModelError('its pickle is malformed (a MARK is missing).');
    return this.stack.splice(at);
  }
  global(module: string, name: string): PickleValue {
    const full = `${module}.${name}`;
    const call = this.options.globals[full];
    if (!call) throw new ModelError(this.options.refuse(full));
    return new PickleGlobal(full, call);
  }
  memoGet(key: number): PickleValue {
    const value = this.memo.get(key);
    if (value === undefined) throw new ModelError('its pickle refers to a value it never stored.');
    return value;
  }
}

function call(callee: PickleValue, args: PickleValue): PickleValue {
  if (!(callee instanceof PickleGlobal)) throw new ModelError('its pickle calls something that is not a function.');
  if (!(args instanceof PickleTuple)) throw new ModelError(`its pickle calls ${callee.name} without arguments.`);
  return callee.call(args.items);
}

function setItems(target: PickleValue, items: PickleValue[]) {
  if (!(target instanceof Map)) throw new ModelError('its pickle adds keys to something that is not a dict.');
  if (items.length % 2) throw new ModelError('its pickle has a key without a value.');
  for (let k = 0; k < items.length; k += 2) target.set(items[k], items[k + 1]);
}

function append(target: PickleValue, items: PickleValue[]) {
  if (!Array.isArray(target)) throw new ModelError('its pickle appends to something that is not a list.');
  for (const item of items) target.push(item);
}

const signed32 = (n: number) => n | 0;

function long(bytes: Uint8Array): number | bigint {
  let value = 0n;
  for (let k = bytes.length - 1; k >= 0; k--) value = (value << 8n) | BigInt(bytes[k]);
  if (bytes.length && bytes[bytes.length - 1] & 0x80) value -= 1n << BigInt(8 * bytes.length);
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

type Handler = (m: Machine) => void;
const op = (code: string) => code.charCodeAt(0);

/** Every opcode of protocols 2 to 5 that a state dict can use. Anything else is refused by name. */
const HANDLERS = new Map<number, Handler>([
  [0x80, (m) => void m.u8()], // PROTO
  [0x95, (m) => void m.u64()], // FRAME: a hint only
  [op('.'), (m) => void (m.done = true)], // STOP
  [op('('), (m) => m.mark()], // MARK
  [op('0'), (m) => void m.pop()], // POP
  [op('1'), (m) => void m.popMark()], // POP_MARK
  [op('2'), (m) => m.push(m.top())], // DUP
  [op('N'), (m) => m.push(null)],
  [0x88, (m) => m.push(true)],
  [0x89, (m) => m.push(false)],
  [op('J'), (m) => m.push(signed32(m.u32()))], // BININT
  [op('K'), (m) => m.push(m.u8())], // BININT1
  [op('M'), (m) => m.push(m.u16())], // BININT2
  [0x8a, (m) => m.push(long(m.take(m.u8())))], // LONG1
  [0x8b, (m) => m.push(long(m.take(m.u32())))], // LONG4
  [op('G'), (m) => m.push(new DataView(m.take(8).slice().buffer).getFloat64(0, false))], // BINFLOAT
  [op('X'), (m) => m.push(m.text(m.u32()))], // BINUNICODE
  [0x8c, (m) => m.push(m.text(m.u8()))], // SHORT_BINUNICODE
  [0x8d, (m) => m.push(m.text(m.u64()))], // BINUNICODE8
  [op('U'), (m) => m.push(m.text(m.u8()))], // SHORT_BINSTRING
  [op('T'), (m) => m.push(m.text(m.u32()))], // BINSTRING
  [op('B'), (m) => m.push(m.take(m.u32()))], // BINBYTES
  [op('C'), (m) => m.push(m.take(m.u8()))], // SHORT_BINBYTES
  [0x8e, (m) => m.push(m.take(m.u64()))], // BINBYTES8
  [0x96, (m) => m.push(m.take(m.u64()))], // BYTEARRAY8
  [op(']'), (m) => m.push([])], // EMPTY_LIST
  [op('l'), (m) => m.push(m.popMark())], // LIST
  [op('a'), (m) => appendOne(m)], // APPEND
  [op('e'), (m) => append(popMarkTarget(m), m.popMark())], // APPENDS
  [op(')'), (m) => m.push(new PickleTuple([]))], // EMPTY_TUPLE
  [op('t'), (m) => m.push(new PickleTuple(m.popMark()))], // TUPLE
  [0x85, (m) => m.push(new PickleTuple([m.pop()]))], // TUPLE1
  [0x86, (m) => m.push(new PickleTuple(popN(m, 2)))], // TUPLE2
  [0x87, (m) => m.push(new PickleTuple(popN(m, 3)))], // TUPLE3
  [op('}'), (m) => m.push(new Map())], // EMPTY_DICT
  [op('d'), (m) => m.push(dictOf(m.popMark()))], // DICT
  [op('s'), (m) => setOne(m)], // SETITEM
  [op('u'), (m) => setItems(popMarkTarget(m), m.popMark())], // SETITEMS
  [0x8f, (m) => m.push([])], // EMPTY_SET: a list is enough, sets hold no weights
  [0x90, (m) => append(popMarkTarget(m), m.popMark())], // ADDITEMS
  [0x91, (m) => m.push(m.popMark())], // FROZENSET
  [op('c'), (m) => m.push(m.global(m.line(), m.line()))], // GLOBAL
  [0x93, (m) => m.push(stackGlobal(m))], // STACK_GLOBAL
  [op('R'), (m) => m.push(reduce(m))], // REDUCE
  [0x81, (m) => m.push(reduce(m))], // NEWOBJ: cls(*args), same rules as REDUCE
  [op('b'), (m) => build(m)], // BUILD
  [op('q'), (m) => m.memo.set(m.u8(), m.top())], // BINPUT
  [op('r'), (m) => m.memo.set(m.u32(), m.top())], // LONG_BINPUT
  [0x94, (m) => m.memo.set(m.memo.size, m.top())], // MEMOIZE
  [op('h'), (m) => m.push(m.memoGet(m.u8()))], // BINGET
  [op('j'), (m) => m.push(m.memoGet(m.u32()))], // LONG_BINGET
  [op('Q'), (m) => m.push(persistent(m))], // BINPERSID
]);

/** APPEND: pops the item; the list stays on the stack. */
function appendOne(m: Machine) {
  const item = m.pop();
  append(m.top(), [item]);
}
/** SETITEM: pops the key and value; the dict stays on the stack. */
function setOne(m: Machine) {
  const pair = popN(m, 2);
  setItems(m.top(), pair);
}
function popN(m: Machine, n: number): PickleValue[] {
  const items = Array.from({ length: n }, () => m.pop());
  return items.reverse();
}
/** APPENDS/SETITEMS/ADDITEMS act on the value just below the mark. */
function popMarkTarget(m: Machine): PickleValue {
  const at = m.marks.at(-1);
  if (at === undefined || at === 0) throw new ModelError('its pickle is malformed (a MARK is missing).');
  return m.stack[at - 1];
}
function dictOf(items: PickleValue[]): Map<PickleValue, PickleValue> {
  const dict = new Map<PickleValue, PickleValue>();
  setItems(dict, items);
  return dict;
}
function stackGlobal(m: Machine): PickleValue {
  const name = m.pop();
  const module = m.pop();
  if (typeof name !== 'string' || typeof module !== 'string')
    throw new ModelError('its pickle names a global with something that is not text.');
  return m.global(module, name);
}
function reduce(m: Machine): PickleValue {
  const args = m.pop();
  return call(m.pop(), args);
}
/** BUILD sets an object's state; only an OrderedDict's `_metadata` (torch's version numbers) is accepted, and dropped. */
function build(m: Machine) {
  m.pop();
  if (!(m.top() instanceof Map)) throw new ModelError('its pickle sets the state of an object we do not build.');
}
function persistent(m: Machine): PickleValue {
  const id = m.pop();
  const load = m.options.persistentLoad;
  if (!load) throw new ModelError('its pickle refers to outside data, which this file type never does.');
  return load(id);
}

const NAMES: Record<number, string> = {
  [op('i')]: 'INST (builds an object of any class)',
  [op('o')]: 'OBJ (builds an object of any class)',
  [0x92]: 'NEWOBJ_EX',
  [op('P')]: 'PERSID',
  [0x82]: 'EXT1',
  [0x83]: 'EXT2',
  [0x84]: 'EXT4',
  [0x97]: 'NEXT_BUFFER (out-of-band data)',
  [0x98]: 'READONLY_BUFFER',
  [op('I')]: 'INT (protocol 0 text)',
  [op('L')]: 'LONG (protocol 0 text)',
  [op('F')]: 'FLOAT (protocol 0 text)',
  [op('S')]: 'STRING (protocol 0 text)',
  [op('V')]: 'UNICODE (protocol 0 text)',
  [op('p')]: 'PUT (protocol 0 text)',
  [op('g')]: 'GET (protocol 0 text)',
};

export function unpickle(bytes: Uint8Array, options: PickleOptions): PickleValue {
  const m = new Machine(bytes, options);
  while (!m.done) {
    if (m.pos >= bytes.length) throw new ModelError('its pickle ends before its STOP.');
    const code = bytes[m.pos++];
    const handler = HANDLERS.get(code);
    if (!handler) {
      const name = NAMES[code] ?? `0x${code.toString(16).padStart(2, '0')}`;
      throw new ModelError(`its pickle uses opcode ${name}, which a saved state dict never holds.`);
    }
    handler(m);
  }
  if (m.stack.length !== 1) throw new ModelError('its pickle is malformed (it leaves more than one value).');
  return m.stack[0];
}
