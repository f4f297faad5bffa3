/**
 * Word classes learned from unlabelled text (the bulk articles), for words the annotated data
 * never showed: per lower-cased word, (1) how often it is written with a capital where a sentence
 * does not start (names are; `bốn` the number is not), and (2) a distributional signature, the
 * signs of a random projection of its left/right neighbour counts (a cheap stand-in for Brown
 * clusters: words used alike share leading bits). Packed into one uint32 per word:
 * bits 0-2 capital-ratio bucket (0 = unseen), bits 8-31 the signature.
 * A word form written with a capital inside sentences often enough gets a class of its own, under
 * the hash of the form as written: the signature of its capitalised uses (`Khiêm` after `anh`,
 * `ông`, `với`) with the capital ratio of its lower-case word (`khiêm tốn`), so an ambiguous
 * syllable used as a given name does not just inherit the contexts of the common word.
 */
import { readFileSync } from 'node:fs';
import { readGoldFile } from './gold.ts';
import { hashString, mix } from './hash.ts';
import { tokenize } from './tokenize.ts';

const DIMS = 24;
const CONTEXTS = 400;
const MIN_COUNT = 3;

export function capitalBucket(packed: number): number {
  return packed & 7;
}
/** The top `bits` bits of the signature (1..24); 0 for an unseen word. */
export function signature(packed: number, bits: number): number {
  return packed ? (packed >>> (32 - bits)) + 1 : 0;
}

function bucketOf(ratio: number): number {
  return ratio < 0.02 ? 1 : ratio < 0.2 ? 2 : ratio < 0.6 ? 3 : ratio < 0.9 ? 4 : 5;
}

/**
 * ±1 of context c on side s in dimension d, from a hash (deterministic, no table). From a mixed
 * hash: the low bit of FNV-1a over `${c}:${s}:${d}` is the parity of the characters' low bits,
 * which made the dimensions copies of one another (a signature of about one bit).
 */
function sign(c: number, s: number, d: number): number {
  return mix(mix(c, s), d) & 1 ? 1 : -1;
}

/** Build the word classes from JSONL files with a `text` field; returns lower-case word hash -> packed class. */
export function buildWordClasses(files: string[], log: (line: string) => void = () => {}): Map<number, number> {
  const ids = new Map<string, number>();
  const counts: number[] = [];
  const capitals: number[] = [];
  const inner: number[] = [];
  const stream: number[] = [];
  // Capitalised forms inside sentences: form -> id (in the same id space), and per stream position.
  const forms = new Map<string, number>();
  const formOf: number[] = [];
  const isForm: boolean[] = [];
  const newId = () => {
    counts.push(0);
    capitals.push(0);
    inner.push(0);
    isForm.push(false);
    return counts.length - 1;
  };
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const text = (JSON.parse(line) as { text?: string }).text;
      if (!text) continue;
      let initial = true;
      for (const t of tokenize(text)) {
        const lower = t.text.toLowerCase();
        let id = ids.get(lower);
        if (id === undefined) ids.set(lower, (id = newId()));
        counts[id]++;
        let form = -1;
        if (!initial && lower !== t.text.toUpperCase()) {
          inner[id]++;
          if (t.text[0] !== lower[0]) {
            capitals[id]++;
            form = forms.get(t.text) ?? -1;
            if (form < 0) {
              forms.set(t.text, (form = newId()));
              isForm[form] = true;
            }
            counts[form]++;
          }
        }
        initial = /^[.!?…:"“”]$/.test(t.text) || text[t.end] === '\n';
        stream.push(id);
        formOf.push(form);
      }
      stream.push(-1);
      formOf.push(-1);
    }
  }
  log(`word classes: ${stream.length} tokens, ${ids.size} words, ${forms.size} capitalised forms`);
  const byCount = counts.map((_, i) => i).filter((i) => !isForm[i]).sort((a, b) => counts[b] - counts[a] || a - b);
  const context = new Int32Array(counts.length).fill(-1);
  byCount.slice(0, CONTEXTS).forEach((id, rank) => (context[id] = rank));
  const weight = new Float64Array(CONTEXTS);
  byCount.slice(0, CONTEXTS).forEach((id, rank) => (weight[rank] = 1 / Math.sqrt(counts[id])));
  const proj = new Float64Array(CONTEXTS * 2 * DIMS);
  for (let c = 0; c < CONTEXTS; c++) for (let s = 0; s < 2; s++) for (let d = 0; d < DIMS; d++) proj[(c * 2 + s) * DIMS + d] = sign(c, s, d) * weight[c];
  const vectors = new Float64Array(counts.length * DIMS);
  const addContext = (w: number, left: number, right: number) => {
    const base = w * DIMS;
    if (left >= 0) for (let d = 0, p = left * 2 * DIMS; d < DIMS; d++) vectors[base + d] += proj[p + d];
    if (right >= 0) for (let d = 0, p = (right * 2 + 1) * DIMS; d < DIMS; d++) vectors[base + d] += proj[p + d];
  };
  for (let i = 0; i < stream.length; i++) {
    const w = stream[i];
    if (w < 0) continue;
    const left = i > 0 && stream[i - 1] >= 0 ? context[stream[i - 1]] : -1;
    const right = i + 1 < stream.length && stream[i + 1] >= 0 ? context[stream[i + 1]] : -1;
    if (counts[w] >= MIN_COUNT) addContext(w, left, right);
    const form = formOf[i];
    if (form >= 0 && counts[form] >= MIN_COUNT) addContext(form, left, right);
  }
  // Unit-normalise, then centre on the mean so the signs split the vocabulary.
  const mean = new Float64Array(DIMS);
  let kept = 0;
  for (let w = 0; w < counts.length; w++) {
    if (counts[w] < MIN_COUNT) continue;
    let norm = 0;
    for (let d = 0; d < DIMS; d++) norm += vectors[w * DIMS + d] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < DIMS; d++) mean[d] += (vectors[w * DIMS + d] /= norm);
    kept++;
  }
  for (let d = 0; d < DIMS; d++) mean[d] /= kept || 1;
  const classes = new Map<number, number>();
  const packed = (w: number, capitalOf: number) => {
    let sig = 0;
    for (let d = 0; d < DIMS; d++) sig = (sig << 1) | (vectors[w * DIMS + d] > mean[d] ? 1 : 0);
    const cap = inner[capitalOf] >= MIN_COUNT ? bucketOf(capitals[capitalOf] / inner[capitalOf]) : 0;
    return ((sig << 8) | cap) >>> 0;
  };
  for (const [lower, w] of ids) if (counts[w] >= MIN_COUNT) classes.set(hashString(lower), packed(w, w));
  let formClasses = 0;
  for (const [form, w] of forms) {
    if (counts[w] < MIN_COUNT) continue;
    classes.set(hashString(form), packed(w, ids.get(form.toLowerCase())!));
    formClasses++;
  }
  log(`word classes: ${classes.size - formClasses} words and ${formClasses} capitalised forms with a class`);
  return classes;
}

/** Name-part flags: 1 starts a person name, 2 inside a person name, 4 in a place name, 8 in an organisation. */
export const NAME_PART = { perStart: 1, perInside: 2, loc: 4, org: 8 } as const;

/**
 * Words that are mostly parts of names in annotated data of any language (foreign given names
 * and surnames in Vietnamese news: `Jens`, `Stoltenberg`, `Jean`): lower-case word hash -> flags.
 * A flag is kept where at least 2 capitalised occurrences, and half of them, carry it.
 */
export function mineNameParts(files: string[]): Map<number, number> {
  const stats = new Map<string, Int32Array>(); // [capitalised, perStart, perInside, loc, org]
  for (const file of files) {
    for (const doc of readGoldFile(file)) {
      const tokens = tokenize(doc.text);
      const flags = new Uint8Array(tokens.length);
      let e = 0;
      const entities = [...doc.entities].sort((a, b) => a.start - b.start);
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        while (e < entities.length && entities[e].end <= t.start) e++;
        const ent = entities[e];
        if (!ent || ent.start > t.start || t.end > ent.end) continue;
        flags[i] = ent.label === 'PER' ? (ent.start === t.start ? NAME_PART.perStart : NAME_PART.perInside) : ent.label === 'LOC' ? NAME_PART.loc : ent.label === 'ORG' ? NAME_PART.org : 0;
      }
      tokens.forEach((t, i) => {
        if (t.text.length < 2 || t.text[0] === t.text[0].toLowerCase()) return;
        const lower = t.text.toLowerCase();
        let s = stats.get(lower);
        if (!s) stats.set(lower, (s = new Int32Array(5)));
        s[0]++;
        for (let b = 0; b < 4; b++) if (flags[i] & (1 << b)) s[b + 1]++;
      });
    }
  }
  const parts = new Map<number, number>();
  for (const [lower, s] of stats) {
    let mask = 0;
    for (let b = 0; b < 4; b++) if (s[b + 1] >= 2 && s[b + 1] * 2 >= s[0]) mask |= 1 << b;
    if (mask) parts.set(hashString(lower), mask);
  }
  return parts;
}
