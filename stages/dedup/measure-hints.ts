/**
 * dedup's per-article half (`articleHints`, the worker's `process`) against another checkout of
 * the project, for its README:
 *   node --import tsx stages/dedup/measure-hints.ts <other checkout> <dump.jsonl> [articles] [passes]
 * Runs the stages before dedup (boilerplate to dates) once, untimed; then `articleHints` of this
 * checkout and of the other over all the articles, alternately, `passes` times each, and prints
 * the best CPU time of each (the machine's speed drifts: only alternated runs compare). Checks
 * that both give deep-equal hints for every article, with the entity layer and without it (the
 * capitalised-names path). The other checkout needs its node_modules (a symlink does).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { defaultConfig, type PipelineConfig } from '../../pipeline/config.ts';
import { createDoc, type Doc } from '../../pipeline/doc.ts';
import { processDoc } from '../../pipeline/execute.ts';

const [other, input, limit = '3000', passes = '4'] = process.argv.slice(2);
if (!other || !input) throw new Error('usage: node --import tsx stages/dedup/measure-hints.ts <other checkout> <dump.jsonl> [articles] [passes]');

type Hints = (doc: Doc) => unknown;
async function hintsOf(root: string): Promise<Hints> {
  const at = (path: string) => import(resolve(root, 'stages/dedup', path));
  const [{ DedupResources }, { articleHints }, minhash, { DEFAULT_OPTIONS }] = await Promise.all(
    ['engine.ts', 'hints.ts', 'minhash.ts', 'options.ts'].map(at),
  );
  // Checkouts before 187491e gave the resources a hasher (createShingleHasher); later ones hash with xxhash32.ts's termHash.
  const res = minhash.createShingleHasher ? new DedupResources(await minhash.createShingleHasher()) : new DedupResources();
  return (doc) => articleHints(doc, res, DEFAULT_OPTIONS);
}

const config: PipelineConfig = { ...defaultConfig(), stages: ['boilerplate', 'language', 'sentences', 'entities', 'dates'] };
const docs: Doc[] = [];
const lines = readFileSync(input, 'utf8').split('\n').filter(Boolean).slice(0, Number(limit));
for (const [k, line] of lines.entries()) {
  const done = await processDoc(createDoc({ source: 'measure', id: String(k), ...JSON.parse(line) }), config);
  if (done.ok) docs.push(done.doc);
}
const sides: [string, Hints][] = [
  ['this checkout', await hintsOf(fileURLToPath(new URL('../..', import.meta.url)))],
  [other, await hintsOf(other)],
];

const unnamed = docs.map((d) => ({ ...d, entities: [] }));
const differing = [docs, unnamed].map((set) => set.filter((d) => !isDeepStrictEqual(sides[0][1](d), sides[1][1](d))).length);

const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const best = [Infinity, Infinity];
for (let p = 0; p < Number(passes); p++) {
  sides.forEach(([, hints], s) => {
    const t = cpu();
    for (const d of docs) hints(d);
    best[s] = Math.min(best[s], cpu() - t);
  });
}
console.log(
  JSON.stringify({
    articles: docs.length,
    usPerArticle: Object.fromEntries(sides.map(([name], s) => [name, Math.round((best[s] / docs.length) * 1000)])),
    differing: { withEntities: differing[0], withoutEntities: differing[1] },
  }),
);
