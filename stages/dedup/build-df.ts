/**
 * Builds a background document-frequency table for one language from unlabelled JSONL dumps:
 *   npx tsx stages/dedup/build-df.ts vi ../shared/data/bulk/vi-baomoi.jsonl ../shared/data/bulk/vi-dantri.jsonl
 * writes stages/dedup/resources/<lang>.df.tsv.gz (`#docs<TAB>N`, then `term<TAB>df`, df >= MIN_DF).
 */
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { distinctTerms, stopList, termSlots, termString } from './terms.ts';
import { tokenize } from './tokens.ts';

const MIN_DF = 5;
const [lang, ...files] = process.argv.slice(2);
if (!lang || !files.length) throw new Error('usage: build-df.ts LANG FILE.jsonl...');
const stops = stopList(lang);
const df = new Map<string, number>();
let docs = 0;
for (const file of files) {
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { text?: string; title?: string };
    const text = [record.title, record.text].filter(Boolean).join('\n').normalize('NFC');
    docs++;
    const tok = tokenize(text);
    const terms = distinctTerms(tok, termSlots(tok, stops));
    for (let k = 0; k < terms.size; k++) {
      const term = termString(tok, terms, k);
      df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
}
const rows = [...df].filter(([, n]) => n >= MIN_DF).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const dir = new URL('./resources/', import.meta.url);
mkdirSync(dir, { recursive: true });
const body = [`#docs\t${docs}`, ...rows.map(([t, n]) => `${t}\t${n}`)].join('\n') + '\n';
writeFileSync(new URL(`${lang}.df.tsv.gz`, dir), gzipSync(body, { level: 9 }));
console.log(`${lang}: ${docs} documents, ${rows.length} terms with df >= ${MIN_DF}`);
