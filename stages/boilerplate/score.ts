/**
 * The two boilerplate scores of FORMATS.md: the article-extraction benchmark's word-4-gram shingle
 * match (per record, normalised, macro-averaged) and the keep/drop snippet lookup.
 */
import { f1, mean, prf, type PRF } from '../../pipeline/evaluate/metrics.ts';

const WORD = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Word 4-gram shingles as a multiset; a text of fewer than 4 tokens is one shingle. */
export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const out = new Map<string, number>();
  const add = (key: string) => out.set(key, (out.get(key) ?? 0) + 1);
  if (tokens.length < n) add(tokens.join('\u0001'));
  else for (let i = 0; i + n <= tokens.length; i++) add(tokens.slice(i, i + n).join('\u0001'));
  return out;
}

export interface ShingleMatch {
  tp: number;
  fp: number;
  fn: number;
}

export function shingleMatch(gold: string, predicted: string): ShingleMatch {
  const g = shingles(gold);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of p) {
    const shared = Math.min(count, g.get(key) ?? 0);
    tp += shared;
    fp += count - shared;
  }
  for (const [key, count] of g) fn += Math.max(0, count - (p.get(key) ?? 0));
  return { tp, fp, fn };
}

/** Precision and recall of one record as the benchmark counts them (1 and 1 when nothing differs). */
export function recordScore(m: ShingleMatch): { precision: number | null; recall: number | null } {
  const total = m.tp + m.fp + m.fn;
  if (total === 0 || (m.fp === 0 && m.fn === 0)) return { precision: 1, recall: 1 };
  const tp = m.tp / total;
  const fp = m.fp / total;
  const fn = m.fn / total;
  return { precision: tp + fp > 0 ? tp / (tp + fp) : null, recall: tp + fn > 0 ? tp / (tp + fn) : null };
}

/** Macro P/R over records, then F1 of the means (the benchmark's headline). */
export function shingleScore(pairs: { gold: string; predicted: string }[]): PRF {
  const ps: number[] = [];
  const rs: number[] = [];
  for (const { gold, predicted } of pairs) {
    const { precision, recall } = recordScore(shingleMatch(gold, predicted));
    if (precision !== null) ps.push(precision);
    if (recall !== null) rs.push(recall);
  }
  const precision = mean(ps);
  const recall = mean(rs);
  return { precision, recall, f1: f1(precision, recall) };
}

export const collapseSpace = (s: string): string => s.replace(/\s+/g, ' ').trim();

export interface SnippetCounts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

/** Keep/drop snippets looked up as substrings of the white-space-collapsed output. */
export function snippetCounts(output: string, keep: string[], drop: string[]): SnippetCounts {
  const text = collapseSpace(output);
  const c: SnippetCounts = { tp: 0, fn: 0, fp: 0, tn: 0 };
  for (const k of keep) text.includes(collapseSpace(k)) ? c.tp++ : c.fn++;
  for (const d of drop) text.includes(collapseSpace(d)) ? c.fp++ : c.tn++;
  return c;
}

export function snippetScore(counts: SnippetCounts[]): PRF & { accuracy: number } {
  const sum = counts.reduce((a, c) => ({ tp: a.tp + c.tp, fn: a.fn + c.fn, fp: a.fp + c.fp, tn: a.tn + c.tn }), { tp: 0, fn: 0, fp: 0, tn: 0 });
  const all = sum.tp + sum.fn + sum.fp + sum.tn;
  return { ...prf(sum.tp, sum.fp, sum.fn), accuracy: all ? (sum.tp + sum.tn) / all : 0 };
}
