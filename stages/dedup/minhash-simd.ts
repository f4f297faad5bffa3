/**
 * The MinHash signature loop in WebAssembly SIMD: four permutations at a time, each lane
 * `fmix32(mul * x + add)` (murmur3's finaliser) of one shingle hash x, keeping the unsigned
 * minimum (`i32x4.min_u`). The same numbers as the scalar loop (a test checks), at about a
 * quarter of the multiplications' cost. The module is small enough to assemble here, opcode by
 * opcode, rather than ship a binary.
 *
 * Memory: permutation parameters at PARAMS (per group of four: mul x4, then add x4), the
 * signature at OUT, the shingle hashes from SHINGLES on.
 */

const PARAMS = 0;
const OUT = 1024;
const SHINGLES = 2048;
/** 32 groups of four lanes: up to 128 permutations. */
export const MAX_PERMUTATIONS = 128;

const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
};
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const name = (s: string) => [...uleb(s.length), ...Buffer.from(s)];

// Opcodes (core, then SIMD: 0xfd and a LEB128 code).
const BLOCK = 0x02, LOOP = 0x03, BR = 0x0c, BR_IF = 0x0d, END = 0x0b, VOID = 0x40;
const GET = 0x20, SET = 0x21, TEE = 0x22;
const I32_CONST = 0x41, I32_GE_U = 0x4f, I32_ADD = 0x6a, I32_SHR_U = 0x76, I32_SHL = 0x74;
const simd = (code: number, ...rest: number[]) => [0xfd, ...uleb(code), ...rest];
const v128Load = (offset: number) => simd(0x00, 4, ...uleb(offset));
const v128Store = (offset: number) => simd(0x0b, 4, ...uleb(offset));
const load32Splat = simd(0x09, 2, 0);
const i32x4Splat = simd(0x11);
const xor = simd(0x51);
const shrU = simd(0xad);
const add = simd(0xae);
const mul = simd(0xb5);
const minU = simd(0xb7);
const i32 = (n: number) => [I32_CONST, ...sleb(n)];

/**
 * Groups of four permutations per pass over the shingles (a divisor of 32): each shingle hash is
 * loaded once for eight lanes. Two measured best: one leaves the loop's overhead to four lanes,
 * four runs out of SIMD registers.
 */
const GROUPS = 2;
// Locals: 0 n (param), 1 group (byte offset of its parameters), 2 p, 3 end, 4 c1, 5 c2, 6 h, then per group of the pass: mul, add, min.
const [n, group, p, end, c1, c2, h] = [0, 1, 2, 3, 4, 5, 6];
const vMul = (g: number) => 7 + 3 * g;
const vAdd = (g: number) => 8 + 3 * g;
const vMin = (g: number) => 9 + 3 * g;
const x = 7 + 3 * GROUPS; // the shingle hash, splat to four lanes
const passes = Array.from({ length: GROUPS }, (_, g) => g);
/** h ^= h >>> bits, h on the stack. */
const xorShift = (bits: number) => [TEE, h, GET, h, ...i32(bits), ...shrU, ...xor];

const body = [
  ...i32(0x85ebca6b | 0), ...i32x4Splat, SET, c1,
  ...i32(0xc2b2ae35 | 0), ...i32x4Splat, SET, c2,
  GET, n, ...i32(2), I32_SHL, ...i32(SHINGLES), I32_ADD, SET, end,
  BLOCK, VOID, LOOP, VOID,
  /**/ GET, group, ...i32(OUT - PARAMS), I32_GE_U, BR_IF, 1,
  /**/ ...passes.flatMap((g) => [
    GET, group, ...v128Load(PARAMS + 32 * g), SET, vMul(g),
    GET, group, ...v128Load(PARAMS + 32 * g + 16), SET, vAdd(g),
    ...i32(-1), ...i32x4Splat, SET, vMin(g),
  ]),
  /**/ ...i32(SHINGLES), SET, p,
  /**/ BLOCK, VOID, LOOP, VOID,
  /*    */ GET, p, GET, end, I32_GE_U, BR_IF, 1,
  /*    */ GET, p, ...load32Splat, SET, x,
  /*    */ ...passes.flatMap((g) => [
    GET, x, GET, vMul(g), ...mul, GET, vAdd(g), ...add,
    ...xorShift(16), GET, c1, ...mul, ...xorShift(13), GET, c2, ...mul, ...xorShift(16),
    GET, vMin(g), ...minU, SET, vMin(g),
  ]),
  /*    */ GET, p, ...i32(4), I32_ADD, SET, p,
  /*    */ BR, 0,
  /**/ END, END,
  /**/ ...passes.flatMap((g) => [GET, group, ...i32(1), I32_SHR_U, GET, vMin(g), ...v128Store(OUT + 16 * g)]),
  /**/ GET, group, ...i32(32 * GROUPS), I32_ADD, SET, group,
  /**/ BR, 0,
  END, END,
  END,
];
// Locals after the parameter: three i32, then v128: c1, c2, h, mul/add/min per group, x.
const code = [...vec([[3, 0x7f], [4 + 3 * GROUPS, 0x7b]]), ...body];

const MODULE = new Uint8Array([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  ...section(1, vec([[0x60, ...vec([[0x7f]]), 0]])), // type 0: (i32) -> ()
  ...section(3, vec([[0]])), // function 0 of type 0
  ...section(5, vec([[0, 1]])), // one memory, one page to start
  ...section(7, vec([[...name('signature'), 0, 0], [...name('memory'), 2, 0]])),
  ...section(10, vec([[...uleb(code.length), ...code]])),
]);

let compiled: WebAssembly.Module | null = null;

/**
 * Signatures over fixed permutations (`mul[i]`, `add[i]`, at most MAX_PERMUTATIONS). The module
 * always runs MAX_PERMUTATIONS lanes, those past the signer's own at zero parameters (2 of 128 for
 * dedup's 126), rather than test a count in its loop.
 */
export class SimdSigner {
  private readonly memory: WebAssembly.Memory;
  private readonly run: (n: number) => void;

  constructor(
    mulParams: Uint32Array,
    addParams: Uint32Array,
  ) {
    if (mulParams.length > MAX_PERMUTATIONS) throw new Error(`at most ${MAX_PERMUTATIONS} permutations`);
    compiled ??= new WebAssembly.Module(MODULE);
    const exports = new WebAssembly.Instance(compiled).exports as { signature: (n: number) => void; memory: WebAssembly.Memory };
    this.memory = exports.memory;
    this.run = exports.signature;
    const params = new Uint32Array(this.memory.buffer, PARAMS, 2 * MAX_PERMUTATIONS);
    mulParams.forEach((m, i) => {
      params[8 * (i >> 2) + (i & 3)] = m;
      params[8 * (i >> 2) + 4 + (i & 3)] = addParams[i];
    });
  }

  /** Writes the signature of `shingles` to `out` (its length: how many permutations). */
  sign(shingles: Uint32Array, out: Uint32Array): void {
    const bytes = SHINGLES + 4 * shingles.length;
    if (bytes > this.memory.buffer.byteLength) this.memory.grow(Math.ceil((bytes - this.memory.buffer.byteLength) / 65536));
    new Uint32Array(this.memory.buffer, SHINGLES, shingles.length).set(shingles);
    this.run(shingles.length);
    out.set(new Uint32Array(this.memory.buffer, OUT, out.length));
  }
}
