/** Reading `ner` gold files (FORMATS.md) and turning their documents into tagged training sentences. */
import { readFileSync } from 'node:fs';
import type { EntityLabel, Span } from '../../../pipeline/layers.ts';
import { utf16Mapper } from '../../../pipeline/offsets.ts';
import { tokenize, type Token } from './tokenize.ts';

export interface GoldEntity extends Span {
  label: EntityLabel;
}

export interface GoldDoc {
  id: string;
  lang: string;
  text: string;
  /** UTF-16 offsets. */
  entities: GoldEntity[];
}

const LABELS = new Set(['PER', 'LOC', 'ORG', 'MISC']);

/** Parse one gold record, converting code-point offsets to UTF-16; throws with the reason. */
export function goldDoc(record: Record<string, unknown>): GoldDoc {
  const { id, lang, text, entities } = record as { id?: unknown; lang?: unknown; text?: unknown; entities?: unknown };
  if (typeof text !== 'string') throw new Error('no "text" string');
  if (!Array.isArray(entities)) throw new Error('no "entities" array');
  const toUtf16 = utf16Mapper(text);
  return {
    id: String(id ?? ''),
    lang: typeof lang === 'string' ? lang : 'und',
    text,
    entities: entities.map((e: { start: number; end: number; label: string }) => {
      if (!LABELS.has(e.label)) throw new Error(`unknown entity label ${JSON.stringify(e.label)}`);
      return { start: toUtf16(e.start), end: toUtf16(e.end), label: e.label as EntityLabel };
    }),
  };
}

export function readGoldFile(path: string): GoldDoc[] {
  const docs: GoldDoc[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        docs.push(goldDoc(JSON.parse(line)));
      } catch (error) {
        throw new Error(`${path}:${i + 1}: ${(error as Error).message}`);
      }
    });
  return docs;
}

// A sentence ends at a line break, or at . ! ? … after a lower-case letter, digit or closing
// bracket/quote when white space and a capital, digit or opening quote follow.
const BOUNDARY = /\n+|(?<=[\p{Ll}\p{N})\]"”’'][.!?…]+["”’)]?)[ \t\u00a0]+(?=[\p{Lu}\p{N}"“‘(\[])/gu;

const LIST_MARKER = /^\s*(?:\p{N}{1,3}|\p{L})[.)]$/u;

/**
 * A simple sentence split for training and for articles that reach the stage without a
 * sentences layer; never splits inside one of `keep` (gold entities).
 */
export function splitSentences(text: string, keep: Span[] = []): Span[] {
  const inside = (pos: number) => keep.some((e) => e.start < pos && pos < e.end);
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (const m of text.matchAll(BOUNDARY)) {
    if (inside(m.index!)) continue;
    // A list marker ('1. Michelle Freeman', 'a. ...') does not end a sentence.
    if (m[0][0] !== '\n' && LIST_MARKER.test(text.slice(start, m.index!))) continue;
    push(m.index!);
    start = m.index! + m[0].length;
  }
  push(text.length);
  return spans;
}

export interface TaggedSentence {
  tokens: Token[];
  /** Index into the model's tag list per token. */
  tags: Uint8Array;
}

/**
 * Sentences of a gold document with BIO tag ids (entities not on token boundaries are skipped).
 * The split keeps every gold name in one sentence, or with `splitNames` splits as the tagger
 * meets the text: a name the split cuts then starts the next sentence with `I-X`.
 */
export function taggedSentences(doc: GoldDoc, tagIndex: Map<string, number>, splitNames = false): TaggedSentence[] {
  const sorted = [...doc.entities].sort((a, b) => a.start - b.start);
  return splitSentences(doc.text, splitNames ? [] : sorted).map((s) => {
    const tokens = tokenize(doc.text, s.start, s.end);
    const tags = new Uint8Array(tokens.length);
    let e = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      while (e < sorted.length && sorted[e].end <= t.start) e++;
      const ent = sorted[e];
      if (ent && ent.start <= t.start && t.end <= ent.end) {
        const tag = `${ent.start === t.start ? 'B' : 'I'}-${ent.label}`;
        tags[i] = tagIndex.get(tag) ?? 0;
      }
    }
    return { tokens, tags };
  });
}
