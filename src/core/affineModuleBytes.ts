// The bytes of the WebAssembly module that computes z = W·v + b with SIMD (f64x2), assembled from opcodes
// (so nothing needs a loader or a .wasm file; it is ~300 bytes). ./wasmAffine compiles and runs it.
//
// The module, in WAT (locals named for reading; the encoder below uses their indices):
//
//   (module
//     (import "env" "memory" (memory 1))
//     (func (export "affine") (param $w i32) (param $b i32) (param $v i32) (param $out i32) (param $rows i32) (param $n i32)
//       (local $r i32) (local $k i32) (local $p1 i32) (local $o1 i32) (local $b1 i32) (local $n4b i32) (local $rowBytes i32) (local $has2 i32)
//       (local $a0 v128) (local $a1 v128) (local $c0 v128) (local $c1 v128) (local $x0 v128) (local $x1 v128)
//       (local $s0 f64) (local $s1 f64)
//       ;; rows are taken two at a time ($w and $p1), sharing each load of v; an odd last row is paired with itself.
//       (local.set $rowBytes (i32.shl (local.get $n) (i32.const 3)))
//       (local.set $n4b (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 3)))
//       (block $done
//         (br_if $done (i32.eqz (local.get $rows)))
//         (loop $pairs
//           (local.set $has2 (i32.lt_u (i32.add (local.get $r) (i32.const 1)) (local.get $rows)))
//           (local.set $p1 (select (i32.add (local.get $w) (local.get $rowBytes)) (local.get $w) (local.get $has2)))
//           (local.set $o1 (select (i32.add (local.get $out) (i32.const 8)) (local.get $out) (local.get $has2)))
//           (local.set $b1 (select (i32.add (local.get $b) (i32.const 8)) (local.get $b) (local.get $has2)))
//           (local.set $a0 (v128.const i64x2 0 0)) ... $a1 $c0 $c1 likewise
//           (local.set $k (i32.const 0))
//           (block $vecDone
//             (loop $vec                                   ;; 4 columns per turn, 2 accumulators per row
//               (br_if $vecDone (i32.ge_u (local.get $k) (local.get $n4b)))
//               (local.set $x0 (v128.load (i32.add (local.get $v) (local.get $k))))
//               (local.set $x1 (v128.load offset=16 (i32.add (local.get $v) (local.get $k))))
//               (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (v128.load (i32.add (local.get $w) (local.get $k))) (local.get $x0))))
//               (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (v128.load offset=16 (i32.add (local.get $w) (local.get $k))) (local.get $x1))))
//               (local.set $c0 (f64x2.add (local.get $c0) (f64x2.mul (v128.load (i32.add (local.get $p1) (local.get $k))) (local.get $x0))))
//               (local.set $c1 (f64x2.add (local.get $c1) (f64x2.mul (v128.load offset=16 (i32.add (local.get $p1) (local.get $k))) (local.get $x1))))
//               (local.set $k (i32.add (local.get $k) (i32.const 32)))
//               (br $vec)))
//           (local.set $a0 (f64x2.add (local.get $a0) (local.get $a1)))
//           (local.set $c0 (f64x2.add (local.get $c0) (local.get $c1)))
//           (if (i32.and (local.get $n) (i32.const 2))      ;; 2 more columns
//             (then
//               (local.set $x0 (v128.load (i32.add (local.get $v) (local.get $k))))
//               (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (v128.load (i32.add (local.get $w) (local.get $k))) (local.get $x0))))
//               (local.set $c0 (f64x2.add (local.get $c0) (f64x2.mul (v128.load (i32.add (local.get $p1) (local.get $k))) (local.get $x0))))
//               (local.set $k (i32.add (local.get $k) (i32.const 16)))))
//           (local.set $s0 (f64.add (f64x2.extract_lane 0 (local.get $a0)) (f64x2.extract_lane 1 (local.get $a0))))
//           (local.set $s1 (f64.add (f64x2.extract_lane 0 (local.get $c0)) (f64x2.extract_lane 1 (local.get $c0))))
//           (if (i32.and (local.get $n) (i32.const 1))      ;; 1 more column
//             (then
//               (local.set $s0 (f64.add (local.get $s0) (f64.mul (f64.load (i32.add (local.get $w) (local.get $k))) (f64.load (i32.add (local.get $v) (local.get $k))))))
//               (local.set $s1 (f64.add (local.get $s1) (f64.mul (f64.load (i32.add (local.get $p1) (local.get $k))) (f64.load (i32.add (local.get $v) (local.get $k))))))))
//           (f64.store (local.get $o1) (f64.add (f64.load (local.get $b1)) (local.get $s1)))
//           (f64.store (local.get $out) (f64.add (f64.load (local.get $b)) (local.get $s0)))
//           (local.set $w (i32.add (local.get $p1) (local.get $rowBytes)))
//           (local.set $out (i32.add (local.get $o1) (i32.const 8)))
//           (local.set $b (i32.add (local.get $b1) (i32.const 8)))
//           (local.set $r (i32.add (local.get $r) (i32.const 2)))
//           (br_if $pairs (i32.lt_u (local.get $r) (local.get $rows))))))
//
// All pointers are byte offsets into the imported memory.

// Local indices.
const W = 0,
  B = 1,
  V = 2,
  OUT = 3,
  ROWS = 4,
  N = 5;
const R = 6,
  K = 7,
  P1 = 8,
  O1 = 9,
  B1 = 10,
  N4B = 11,
  ROW_BYTES = 12,
  HAS2 = 13;
const A0 = 14,
  A1 = 15,
  C0 = 16,
  C1 = 17,
  X0 = 18,
  X1 = 19;
const S0 = 20,
  S1 = 21;

// Opcodes.
const BLOCK = 0x02,
  LOOP = 0x03,
  IF = 0x04,
  END = 0x0b,
  BR = 0x0c,
  BR_IF = 0x0d,
  VOID = 0x40;
const SELECT = 0x1b,
  GET = 0x20,
  SET = 0x21;
const I32_CONST = 0x41,
  I32_EQZ = 0x45,
  I32_LT_U = 0x49,
  I32_GE_U = 0x4f,
  I32_ADD = 0x6a,
  I32_AND = 0x71,
  I32_SHL = 0x74;
const F64_LOAD = 0x2b,
  F64_STORE = 0x39,
  F64_ADD = 0xa0,
  F64_MUL = 0xa2;
const I32 = 0x7f,
  F64 = 0x7c,
  V128 = 0x7b;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const simd = (op: number) => [0xfd, ...uleb(op)];
const get = (i: number) => [GET, i];
const set = (i: number) => [SET, i];
const i32 = (n: number) => [I32_CONST, ...sleb(n)];
const add = (a: number, b: number) => [...get(a), ...get(b), I32_ADD];
const v128Load = (offset = 0) => [...simd(0x00), 3, ...uleb(offset)]; // align 2^3: rows need only be 8-byte aligned
const f64Load = () => [F64_LOAD, 3, 0];
const f64Store = () => [F64_STORE, 3, 0];
const f64x2Add = () => simd(0xf0);
const f64x2Mul = () => simd(0xf2);
const extractLane = (lane: number) => [...simd(0x21), lane];
const v128Zero = () => [...simd(0x0c), ...new Array<number>(16).fill(0)];
/** acc += v128.load offset(ptr + k) * x */
const macc = (acc: number, ptr: number, x: number, offset = 0) => [
  ...get(acc),
  ...add(ptr, K),
  ...v128Load(offset),
  ...get(x),
  ...f64x2Mul(),
  ...f64x2Add(),
  ...set(acc),
];

function affineBody(): number[] {
  return [
    // locals: 8 i32, 6 v128, 2 f64
    3,
    8,
    I32,
    6,
    V128,
    2,
    F64,
    ...get(N),
    ...i32(3),
    I32_SHL,
    ...set(ROW_BYTES),
    ...get(N),
    ...i32(-4),
    I32_AND,
    ...i32(3),
    I32_SHL,
    ...set(N4B),
    BLOCK,
    VOID,
    ...get(ROWS),
    I32_EQZ,
    BR_IF,
    0,
    LOOP,
    VOID,
    ...get(R),
    ...i32(1),
    I32_ADD,
    ...get(ROWS),
    I32_LT_U,
    ...set(HAS2),
    ...add(W, ROW_BYTES),
    ...get(W),
    ...get(HAS2),
    SELECT,
    ...set(P1),
    ...get(OUT),
    ...i32(8),
    I32_ADD,
    ...get(OUT),
    ...get(HAS2),
    SELECT,
    ...set(O1),
    ...get(B),
    ...i32(8),
    I32_ADD,
    ...get(B),
    ...get(HAS2),
    SELECT,
    ...set(B1),
    ...v128Zero(),
    ...set(A0),
    ...v128Zero(),
    ...set(A1),
    ...v128Zero(),
    ...set(C0),
    ...v128Zero(),
    ...set(C1),
    ...i32(0),
    ...set(K),
    BLOCK,
    VOID,
    LOOP,
    VOID,
    ...get(K),
    ...get(N4B),
    I32_GE_U,
    BR_IF,
    1,
    ...add(V, K),
    ...v128Load(0),
    ...set(X0),
    ...add(V, K),
    ...v128Load(16),
    ...set(X1),
    ...macc(A0, W, X0),
    ...macc(A1, W, X1, 16),
    ...macc(C0, P1, X0),
    ...macc(C1, P1, X1, 16),
    ...get(K),
    ...i32(32),
    I32_ADD,
    ...set(K),
    BR,
    0,
    END,
    END,
    ...get(A0),
    ...get(A1),
    ...f64x2Add(),
    ...set(A0),
    ...get(C0),
    ...get(C1),
    ...f64x2Add(),
    ...set(C0),
    ...get(N),
    ...i32(2),
    I32_AND,
    IF,
    VOID,
    ...add(V, K),
    ...v128Load(0),
    ...set(X0),
    ...macc(A0, W, X0),
    ...macc(C0, P1, X0),
    ...get(K),
    ...i32(16),
    I32_ADD,
    ...set(K),
    END,
    ...get(A0),
    ...extractLane(0),
    ...get(A0),
    ...extractLane(1),
    F64_ADD,
    ...set(S0),
    ...get(C0),
    ...extractLane(0),
    ...get(C0),
    ...extractLane(1),
    F64_ADD,
    ...set(S1),
    ...get(N),
    ...i32(1),
    I32_AND,
    IF,
    VOID,
    ...get(S0),
    ...add(W, K),
    ...f64Load(),
    ...add(V, K),
    ...f64Load(),
    F64_MUL,
    F64_ADD,
    ...set(S0),
    ...get(S1),
    ...add(P1, K),
    ...f64Load(),
    ...add(V, K),
    ...f64Load(),
    F64_MUL,
    F64_ADD,
    ...set(S1),
    END,
    ...get(O1),
    ...get(B1),
    ...f64Load(),
    ...get(S1),
    F64_ADD,
    ...f64Store(),
    ...get(OUT),
    ...get(B),
    ...f64Load(),
    ...get(S0),
    F64_ADD,
    ...f64Store(),
    ...add(P1, ROW_BYTES),
    ...set(W),
    ...get(O1),
    ...i32(8),
    I32_ADD,
    ...set(OUT),
    ...get(B1),
    ...i32(8),
    I32_ADD,
    ...set(B),
    ...get(R),
    ...i32(2),
    I32_ADD,
    ...set(R),
    ...get(R),
    ...get(ROWS),
    I32_LT_U,
    BR_IF,
    0,
    END,
    END,
    END,
  ];
}

const str = (s: string) => [...uleb(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))];
const section = (id: number, bytes: number[]) => [id, ...uleb(bytes.length), ...bytes];

/** The whole module: one function `affine(w, b, v, out, rows, n)` over the imported memory. */
export function affineModuleBytes(): Uint8Array {
  const body = affineBody();
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, [1, 0x60, 6, I32, I32, I32, I32, I32, I32, 0]), // type 0: (i32 ×6) → ()
    ...section(2, [1, ...str('env'), ...str('memory'), 0x02, 0x00, 1]), // import memory, min 1 page
    ...section(3, [1, 0]), // func 0 : type 0
    ...section(7, [1, ...str('affine'), 0x00, 0]), // export func 0
    ...section(10, [1, ...uleb(body.length), ...body]),
  ]);
}
