/**
 * Why dedup hashes with its own xxHash32 (xxhash32.ts) and not xxhash-wasm's: both over the byte
 * ranges articleHints hashes (words and two-word terms of lower-cased UTF-8 text), in alternated
 * rounds in one process, checking that they agree:
 *   node --import tsx stages/dedup/measure-hash.ts ../shared/data/bulk/vi-baomoi.jsonl [articles]
 * xxhash-wasm's `h32Raw` copies each range into WebAssembly memory before hashing it.
 */
import { readFileSync } from 'node:fs';
import xxhash from 'xxhash-wasm';
import { TERM_SEED, xxh32 } from './xxhash32.ts';

const [input, limit = '500'] = process.argv.slice(2);
if (!input) throw new Error('usage: node --import tsx stages/dedup/measure-hash.ts <dump.jsonl> [articles]');
const { h32Raw } = await xxhash();
const seed = TERM_SEED;
const lines = readFileSync(input, 'utf8').split('\n').slice(0, Number(limit)).filter(Boolean);
const texts = lines.map((l) => Buffer.from((JSON.parse(l).text as string).toLowerCase()));
/** Per text, [start, end) pairs: each word, and each word with the next one (a two-word term). */
const ranges = texts.map((b) => {
  const words: number[] = [];
  let start = -1;
  for (let i = 0; i <= b.length; i++) {
    const space = i === b.length || b[i] === 32 || b[i] === 10;
    if (space && start >= 0) {
      words.push(start, i);
      start = -1;
    } else if (!space && start < 0) start = i;
  }
  const out: number[] = [];
  for (let k = 0; k + 3 < words.length; k += 2) out.push(words[k], words[k + 1], words[k], words[k + 3]);
  return out;
});
const total = ranges.reduce((n, r) => n + r.length / 2, 0);

/** Nanoseconds a range, and an xor of every hash (both must agree). */
function time(hash: (b: Uint8Array, start: number, end: number) => number): { ns: number; check: number } {
  let check = 0;
  const started = performance.now();
  texts.forEach((b, d) => {
    const r = ranges[d];
    for (let k = 0; k < r.length; k += 2) check ^= hash(b, r[k], r[k + 1]);
  });
  return { ns: ((performance.now() - started) * 1e6) / total, check };
}

for (let round = 0; round < 4; round++) {
  const wasm = time((b, start, end) => h32Raw(b.subarray(start, end), seed));
  const js = time((b, start, end) => xxh32(b, start, end, seed));
  console.log(`${total} ranges: xxhash-wasm h32Raw ${wasm.ns.toFixed(0)} ns a range, xxhash32.ts ${js.ns.toFixed(0)}; same hashes: ${wasm.check === js.check}`);
}
