import type { Article } from '../../pipeline/article.ts';
import { defaultConfig, type PipelineConfig } from '../../pipeline/config.ts';
import { MemoryCorpus } from '../../pipeline/corpus.ts';
import { createDoc } from '../../pipeline/doc.ts';
import type { EvalExample, EvalResult, GoldRecord, StageEvaluator } from '../../pipeline/evaluate/contract.ts';
import { prf } from '../../pipeline/evaluate/metrics.ts';
import type { Stage } from '../../pipeline/stage.ts';
import { createBoilerplateStage } from '../boilerplate/index.ts';
import { dedupArticle, DedupResources } from './engine.ts';
import { resolveOptions, type DedupOptions } from './options.ts';
import { shingleList, wordForms } from './text.ts';
import { seededRandom } from '../../pipeline/random.ts';

/**
 * The near-duplicate test set, built from an unlabelled bulk corpus with a seeded generator:
 * originals, and copies of some of them with word edits, reordered paragraphs, dropped or added
 * paragraphs, each page wrapped in the furniture of one of a few made-up sites (menus, share
 * prompts, a box of related-article links, footers; the same on every page of a site). The truth is exact word-5-gram Jaccard between the
 * bodies (furniture excluded) over all pairs; the stage sees the pages with furniture.
 */

export interface NearDuplicateCase {
  id: string;
  /** The page the stage sees: furniture and body. */
  text: string;
  /** The article body the truth is computed on. */
  body: string;
  /** For a copy: the id it was made from, and how. */
  source?: string;
  edits?: string[];
}

export interface NearDuplicateSetOptions {
  seed: number;
  originals: number;
  /** Share of originals that get copies (1 to 3 each). */
  copied: number;
  /** Minimum words of an original. */
  minWords: number;
  /** Wrap pages in site furniture (default true). */
  furniture: boolean;
}

export const DEFAULT_SET: NearDuplicateSetOptions = { seed: 20260601, originals: 1500, copied: 0.4, minWords: 60, furniture: true };

const SITES: { head: string[]; foot: string[] }[] = [
  { head: ['Trang chủ | Thời sự | Thế giới | Kinh doanh | Giải trí | Thể thao', 'Chia sẻ Facebook Twitter Zalo'], foot: ['Bình luận (0)', 'Bản quyền thuộc về Báo Tin Nhanh. Ghi rõ nguồn khi phát hành lại thông tin từ website này.'] },
  { head: ['Đăng nhập Đăng ký', 'Mới nhất Tin nóng Video Ảnh Podcast'], foot: ['Theo dõi chúng tôi trên Facebook', 'Liên hệ quảng cáo: 024 1234 5678', '© Tạp chí Đời Sống 24h. Giấy phép số 123/GP-BTTTT.'] },
  { head: ['Home News Business Sports Tech', 'Thứ Hai, 01/01/2018'], foot: ['Gửi bình luận của bạn', 'Tin cùng chuyên mục', 'Tòa soạn: 12 Phố Huế, Hà Nội. Email: toasoan@example.vn'] },
  { head: ['Xã hội Pháp luật Giáo dục Sức khỏe Đời sống Du lịch', 'Google News Theo dõi'], foot: ['In bài viết', 'Từ khóa: tin tức, thời sự, trong nước', 'Cơ quan chủ quản: Công ty Truyền thông Số Việt. Chịu trách nhiệm nội dung: Nguyễn Văn A.'] },
  { head: ['Nhận tin mới nhất qua email', 'Tin nổi bật'], foot: ['Xem thêm', 'Tải ứng dụng trên App Store và Google Play', 'Copyright 2017 Báo Điện tử Nhanh 365'] },
];

function sentencesOf(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?…])\s+(?=\p{Lu})/u).filter((s) => s.trim());
}

/** Paragraphs of a bulk text; a single long line becomes groups of three sentences. */
function paragraphsOf(text: string): string[] {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.flatMap((line) => {
    const s = sentencesOf(line);
    if (s.length <= 4) return [line];
    const out: string[] = [];
    for (let i = 0; i < s.length; i += 3) out.push(s.slice(i, i + 3).join(' '));
    return out;
  });
}

export function buildNearDuplicateSet(records: GoldRecord[], options: Partial<NearDuplicateSetOptions> = {}): NearDuplicateCase[] {
  const opt = { ...DEFAULT_SET, ...options };
  const random = seededRandom(opt.seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const pool = records.filter((r) => typeof r.text === 'string' && (r.text as string).split(/\s+/).length >= opt.minWords);
  // A seeded sample without replacement (partial Fisher-Yates over indices).
  const idx = pool.map((_, i) => i);
  const n = Math.min(opt.originals, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (idx.length - i));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  const originals = idx.slice(0, n).map((i) => pool[i]);
  // Real headlines only (some dumps carry a sentence in `title`).
  const titles = records.map((r) => r.title).filter((t): t is string => typeof t === 'string' && t.split(/\s+/).length >= 4 && t.split(/\s+/).length <= 20);
  const vocabulary = originals.slice(0, 200).flatMap((r) => (r.text as string).split(/\s+/)).filter((w) => /^\p{L}+$/u.test(w));

  // Each site's furniture, its "related" box included, is the same on all its pages.
  const sites = SITES.map((site) => ({ ...site, related: ['Tin liên quan', pick(titles), pick(titles), pick(titles)] }));
  const dress = (body: string) => {
    const site = pick(sites);
    return opt.furniture ? [...site.head, body, ...site.related, ...site.foot].join('\n') : body;
  };
  const editWords = (paragraph: string, rate: number) =>
    paragraph
      .split(' ')
      .flatMap((w) => {
        if (random() >= rate) return [w];
        const r = random();
        return r < 0.4 ? [pick(vocabulary)] : r < 0.7 ? [] : [w, pick(vocabulary)];
      })
      .join(' ');

  const cases: NearDuplicateCase[] = [];
  for (const r of originals) {
    const body = paragraphsOf(r.text as string).join('\n');
    cases.push({ id: String(r.id), body, text: dress(body) });
  }
  const copies: NearDuplicateCase[] = [];
  for (const original of cases) {
    if (random() >= opt.copied) continue;
    const count = 1 + Math.floor(random() * 3);
    for (let c = 0; c < count; c++) {
      // Some copies are made from an earlier copy (syndication chains).
      const from = c > 0 && random() < 0.3 ? copies[copies.length - 1] : original;
      let paragraphs = from.body.split('\n');
      const edits: string[] = [];
      const rate = [0, 0.01, 0.03, 0.06, 0.1, 0.15][Math.floor(random() * 6)];
      if (rate > 0) {
        paragraphs = paragraphs.map((p) => editWords(p, rate));
        edits.push(`words ${rate}`);
      }
      if (paragraphs.length > 2 && random() < 0.4) {
        for (let i = paragraphs.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [paragraphs[i], paragraphs[j]] = [paragraphs[j], paragraphs[i]];
        }
        edits.push('reordered');
      }
      if (paragraphs.length > 2 && random() < 0.3) {
        paragraphs = random() < 0.5 ? paragraphs.slice(1) : paragraphs.slice(0, -1);
        edits.push('dropped a paragraph');
      }
      if (random() < 0.3) {
        paragraphs.push(pick(paragraphsOf(pick(originals).text as string)));
        edits.push('added a paragraph');
      }
      const body = paragraphs.join('\n');
      copies.push({ id: `${from.id}~copy${copies.length}`, body, text: dress(body), source: from.id, edits });
    }
  }
  // Interleave: each copy goes somewhere after a random point, so copies and originals mix.
  const all = [...cases, ...copies];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0001${b}` : `${b}\u0001${a}`);

/** Every pair whose exact body shingle Jaccard reaches `threshold` (via an inverted index, so exhaustive but fast). */
export function exactPairs(cases: NearDuplicateCase[], threshold: number): Map<string, number> {
  const sets = cases.map((c) => new Set(shingleList(wordForms(c.body))));
  const postings = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const s of set) {
      let list = postings.get(s);
      if (!list) postings.set(s, (list = []));
      list.push(i);
    }
  });
  const shared = new Map<number, number>();
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) {
      const k = list[a] * cases.length + list[b];
      shared.set(k, (shared.get(k) ?? 0) + 1);
    }
  }
  const out = new Map<string, number>();
  for (const [k, n] of shared) {
    const a = Math.floor(k / cases.length);
    const b = k % cases.length;
    const j = n / (sets[a].size + sets[b].size - n);
    if (j >= threshold) out.set(pairKey(cases[a].id, cases[b].id), j);
  }
  return out;
}

export interface NearDuplicateRun {
  /** Also run with the boilerplate stage in front, as the pipeline does (default true). */
  boilerplate?: boolean;
  set?: Partial<NearDuplicateSetOptions>;
  extra?: Partial<DedupOptions>;
}

/** Every near-duplicate pair the stage reports over the set, in set order, on a fresh corpus. */
async function findPairs(cases: NearDuplicateCase[], config: PipelineConfig, options: DedupOptions, boilerplate: Stage | null) {
  const resources = new DedupResources();
  const corpus = new MemoryCorpus();
  await boilerplate?.init?.();
  const found = new Map<string, number>();
  const started = performance.now();
  for (const c of cases) {
    const doc = createDoc({ id: c.id, source: 'neardup', text: c.text, lang: 'vi' } satisfies Article);
    if (boilerplate) {
      const hint = await boilerplate.observe?.(doc, corpus);
      if (hint !== undefined) doc.hints.boilerplate = hint;
      await boilerplate.process?.(doc);
    }
    const { duplicates } = await dedupArticle(doc, corpus, resources, options);
    for (const d of duplicates) found.set(pairKey(c.id, d.id), d.score);
  }
  return { found, ms: (performance.now() - started) / Math.max(cases.length, 1) };
}

export async function evaluateNearDuplicates(records: GoldRecord[], config: PipelineConfig, run: NearDuplicateRun = {}): Promise<EvalResult> {
  const options = resolveOptions(config.dedup, run.extra);
  const cases = buildNearDuplicateSet(records, run.set);
  const truth = exactPairs(cases, options.duplicateThreshold);
  const byId = new Map(cases.map((c) => [c.id, c]));
  const describe = (k: string, j: number | undefined, est: number | undefined) => {
    const [a, b] = k.split('\u0001');
    const edits = [...(byId.get(a)!.edits ?? []), ...(byId.get(b)!.edits ?? [])].join(', ');
    return `${a} ~ ${b}: exact ${j?.toFixed(3) ?? '<t'}, found ${est?.toFixed(3) ?? '-'}; edits ${edits}`;
  };
  const score = (found: Map<string, number>) => {
    let tp = 0;
    for (const k of truth.keys()) if (found.has(k)) tp++;
    return prf(tp, found.size - tp, truth.size - tp);
  };
  const copies = cases.filter((c) => c.source).length;
  const alone = await findPairs(cases, config, options, null);
  const own = score(alone.found);
  const rows: (string | number)[][] = [['dedup (its own furniture filter)', cases.length, copies, truth.size, alone.found.size, own.precision, own.recall, alone.ms]];
  const metrics: Record<string, number> = { precision: own.precision, recall: own.recall, f1: own.f1 };
  if (run.boilerplate !== false) {
    const piped = await findPairs(cases, config, options, createBoilerplateStage(config));
    const p = score(piped.found);
    rows.push(['boilerplate stage, then dedup', cases.length, copies, truth.size, piped.found.size, p.precision, p.recall, piped.ms]);
    Object.assign(metrics, { boilerplatePrecision: p.precision, boilerplateRecall: p.recall });
  }
  const examples: EvalExample[] = [];
  for (const [k, j] of truth) if (!alone.found.has(k)) examples.push({ id: k, kind: 'miss', text: describe(k, j, undefined) });
  for (const [k, est] of alone.found) if (!truth.has(k)) examples.push({ id: k, kind: 'false', text: describe(k, undefined, est) });
  return {
    records: cases.length,
    metrics,
    tables: [
      {
        title: `Near-duplicate pairs against exact word-5-gram Jaccard of the bodies >= ${options.duplicateThreshold}`,
        columns: ['run', 'pages', 'copies', 'true pairs', 'found pairs', 'precision', 'recall', 'ms/article'],
        rows,
      },
    ],
    examples: examples.slice(0, 20),
    predictions: [...alone.found].map(([k, jaccard]) => {
      const [a, b] = k.split('\u0001');
      return { a, b, jaccard, exact: truth.get(k) ?? null };
    }),
  };
}

/** `eval neardup`: give it bulk records (`{id, text, title?}`); it builds the set and scores. */
export const neardupEvaluator: StageEvaluator = {
  name: 'neardup',
  evaluate: (records, options) => evaluateNearDuplicates(records, options.config ?? defaultConfig()),
};
