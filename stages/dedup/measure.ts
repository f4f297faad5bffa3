/**
 * Cost of the dedup stage by phase, for its README:
 *   node --expose-gc --import tsx stages/dedup/measure.ts <dump.jsonl> [articles] [out.jsonl]
 * Runs sentences and dates (what dedup reads) untimed, then per article dedup's `process`, a
 * structured clone (what a worker's result goes through), and `integrate`, each timed; then the
 * index heap by corpus namespace (deleted one at a time after a forced GC) and the bytes of the
 * records' spill file (on disk, not in the heap). `out.jsonl` gets
 * `[id, dedup layer]` per article, to diff two versions of the stage.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { defaultConfig } from '../../pipeline/config.ts';
import { MemoryCorpus } from '../../pipeline/corpus.ts';
import type { SpilledRecords } from '../../pipeline/corpus-records.ts';
import { createDoc, type Doc } from '../../pipeline/doc.ts';
import { createDatesStage } from '../dates/index.ts';
import { createSentencesStage } from '../sentences/index.ts';
import { createDedupStage } from './index.ts';

const [input, limit = '3000', out] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!input || !gc) throw new Error('usage: node --expose-gc --import tsx stages/dedup/measure.ts <dump.jsonl> [articles] [out.jsonl]');
const config = defaultConfig();
const lines = readFileSync(input, 'utf8').split('\n').filter(Boolean).slice(0, Number(limit));
const before = [createSentencesStage(config), createDatesStage(config)];
for (const stage of before) await stage.init?.();
const dedup = createDedupStage(config);
await dedup.init?.();
const corpus = new MemoryCorpus();
let processMs = 0;
let cloneMs = 0;
let integrateMs = 0;
const results: string[] = [];
const batch = 200; // prepare a batch untimed, then time dedup over it
for (let b = 0; b < lines.length; b += batch) {
  const docs: Doc[] = [];
  for (const line of lines.slice(b, b + batch)) {
    const doc = createDoc({ source: 'measure', ...JSON.parse(line) });
    for (const stage of before) await stage.process?.(doc);
    docs.push(doc);
  }
  for (const doc of docs) {
    const t0 = performance.now();
    await dedup.process?.(doc);
    const t1 = performance.now();
    const back = structuredClone(doc);
    const t2 = performance.now();
    await dedup.integrate!(back, corpus);
    integrateMs += performance.now() - t2;
    cloneMs += t2 - t1;
    processMs += t1 - t0;
    if (out) results.push(JSON.stringify([back.article.id, back.dedup]));
  }
}
if (out) writeFileSync(out, results.join('\n'));
const n = lines.length;
// What `--index` would save: one line per slice (a whole snapshot as one string would hit V8's string limit).
let snapshotBytes = 0;
for (const part of corpus.parts()) snapshotBytes += Buffer.byteLength(JSON.stringify(part)) + 1;
const internals = corpus as unknown as {
  spaces: Map<string, unknown>;
  spilled: SpilledRecords;
  hashCounts: Map<string, { size: number }>;
  hashLists: Map<string, unknown>;
};
const counterKeys = Object.fromEntries([...internals.hashCounts].map(([name, table]) => [name, table.size]));
const spillBytes = internals.spilled.bytes;
// Each namespace's index, forgotten one at a time: [label, forget].
const parts: [string, () => void][] = [
  ...[...internals.spaces.keys()].map((name): [string, () => void] => [name, () => internals.spaces.delete(name)]),
  ...internals.spilled.namespaces().map((name): [string, () => void] => [`records ${name}`, () => internals.spilled.delete(name)]),
  ...[internals.hashCounts, internals.hashLists].flatMap((spaces) => [...spaces.keys()].map((name): [string, () => void] => [`hashed ${name}`, () => spaces.delete(name)])),
];
const heapKB: Record<string, number> = {};
for (const [label, forget] of parts) {
  gc();
  gc(); // the first full collection after the run still finds the run's garbage
  const before = process.memoryUsage();
  forget();
  gc();
  const after = process.memoryUsage();
  // Typed arrays live outside the JS heap: count their bytes too.
  const freed = before.heapUsed - after.heapUsed + (before.arrayBuffers - after.arrayBuffers);
  heapKB[label] = +(freed / n / 1024).toFixed(2);
}
const ms = (x: number) => +(x / n).toFixed(3);
console.log(JSON.stringify({
  articles: n,
  msPerArticle: { process: ms(processMs), clone: ms(cloneMs), integrate: ms(integrateMs) },
  indexHeapKBPerArticle: { ...heapKB, total: +Object.values(heapKB).reduce((a, x) => a + x, 0).toFixed(2) },
  counterKeys,
  spillBytesPerArticle: Math.round(spillBytes / n),
  snapshotBytesPerArticle: Math.round(snapshotBytes / n),
}));
