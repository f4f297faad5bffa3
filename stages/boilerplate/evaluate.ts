/**
 * `newsnlp eval boilerplate`: the stage on gold dumps, scored as FORMATS.md says, side by side
 * with Readability on linkedom alone (the library the stage builds on) and, for text input,
 * with no cleaning at all.
 *  - `{text, html?, body}` records: shingle precision/recall/F1 (article-extraction benchmark).
 *    `input: 'text'` reads the text dump, `'html'` the raw page.
 *  - `{html, keep, drop}` records (segments; always HTML): snippet precision/recall/F1/accuracy.
 *  - Seeds carry title/byline/outlet/dateline: exact-match accuracy of each.
 */
import type { Article } from '../../pipeline/article.ts';
import { MemoryCorpus } from '../../pipeline/corpus.ts';
import { createDoc, type Doc } from '../../pipeline/doc.ts';
import type { EvalExample, EvalOptions, EvalResult, EvalTable, GoldRecord, StageEvaluator } from '../../pipeline/evaluate/contract.ts';
import { htmlLibraries } from './html.ts';
import { createBoilerplateStage } from './index.ts';
import { recordScore, shingleMatch, shingleScore, snippetCounts, snippetScore, type SnippetCounts } from './score.ts';

const FIELDS = ['title', 'byline', 'outlet', 'dateline'] as const;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const round = (x: number) => Math.round(x * 10000) / 10000;

/** Readability alone: the library's own `textContent`, with default options, the baseline the stage must beat. */
export function readabilityAlone(html: string): string {
  try {
    const { parseHTML, Readability } = htmlLibraries();
    const { document } = parseHTML(html);
    return new Readability(document as unknown as Document).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}

async function runStage(records: GoldRecord[], options: EvalOptions, useHtml: (r: GoldRecord) => boolean): Promise<Doc[]> {
  const stage = createBoilerplateStage(options.config);
  await stage.init?.();
  const corpus = new MemoryCorpus();
  const docs: Doc[] = [];
  for (const [i, r] of records.entries()) {
    const html = useHtml(r) ? str(r.html) : undefined;
    const article: Article = {
      id: str(r.id) ?? String(i),
      source: 'eval',
      url: str(r.url),
      lang: str(r.lang),
      ...(html !== undefined ? { html } : { text: str(r.text) ?? '' }),
    };
    const doc = createDoc(article);
    try {
      const hint = await stage.observe?.(doc, corpus);
      if (hint !== undefined) doc.hints.boilerplate = hint;
      await stage.process?.(doc);
    } catch (error) {
      doc.text = ''; // a page the extractor fails on counts as empty output
      doc.notes.push({ stage: 'boilerplate', level: 'warning', message: String(error) });
    }
    docs.push(doc);
  }
  return docs;
}

const prfRow = (name: string, s: { precision: number; recall: number; f1: number }, extra: (string | number)[] = []) => [
  name,
  round(s.precision),
  round(s.recall),
  round(s.f1),
  ...extra,
];

export const evaluator: StageEvaluator = {
  name: 'boilerplate',
  async evaluate(records, options): Promise<EvalResult> {
    const segments = records.filter((r) => Array.isArray(r.keep) || Array.isArray(r.drop));
    const bodies = records.filter((r) => typeof r.body === 'string');
    const htmlInput = options.input === 'html';
    const metrics: Record<string, unknown> = {};
    const tables: EvalTable[] = [];
    const examples: EvalExample[] = [];
    const predictions: Record<string, unknown>[] = [];

    if (bodies.length) {
      const usable = bodies.filter((r) => (htmlInput ? typeof r.html === 'string' : typeof r.text === 'string'));
      const docs = await runStage(usable, options, () => htmlInput);
      const stage = shingleScore(usable.map((r, i) => ({ gold: str(r.body)!, predicted: docs[i].text })));
      Object.assign(metrics, { precision: stage.precision, recall: stage.recall, f1: stage.f1 });
      const rows = [prfRow('boilerplate stage', stage)];
      const withHtml = usable.filter((r) => typeof r.html === 'string');
      if (withHtml.length) {
        const alone = shingleScore(withHtml.map((r) => ({ gold: str(r.body)!, predicted: readabilityAlone(str(r.html)!) })));
        rows.push(prfRow(`Readability on linkedom alone (html, ${withHtml.length} pages)`, alone));
        metrics.baselines = { ...(metrics.baselines as object), readability: alone };
      }
      if (!htmlInput) {
        const none = shingleScore(usable.map((r) => ({ gold: str(r.body)!, predicted: str(r.text)! })));
        rows.push(prfRow('no cleaning (text dump)', none));
        metrics.baselines = { ...(metrics.baselines as object), none };
      }
      tables.push({ title: `Boilerplate, shingle match (${htmlInput ? 'html' : 'text'} input, ${usable.length} records)`, columns: ['system', 'precision', 'recall', 'F1'], rows });

      // Metadata fields where the gold has them (the seeds).
      const fieldRows: (string | number)[][] = [];
      const fields: Record<string, number> = {};
      for (const f of FIELDS) {
        const judged = usable.map((r, i) => [r, docs[i]] as const).filter(([r]) => f in r);
        if (!judged.length) continue;
        const hits = judged.filter(([r, d]) => (r[f] ?? null) === d[f]);
        fields[f] = hits.length / judged.length;
        fieldRows.push([f, hits.length, judged.length, round(fields[f])]);
        for (const [r, d] of judged) if ((r[f] ?? null) !== d[f]) examples.push({ id: str(r.id) ?? '', kind: 'wrong', text: String(d[f]), detail: `${f}: gold ${JSON.stringify(r[f])}` });
      }
      if (fieldRows.length) {
        metrics.fields = fields;
        tables.push({ title: 'Metadata fields, exact match', columns: ['field', 'equal', 'records', 'accuracy'], rows: fieldRows });
      }

      const perRecord = usable.map((r, i) => ({ r, d: docs[i], s: recordScore(shingleMatch(str(r.body)!, docs[i].text)) }));
      perRecord.sort((a, b) => (a.s.precision ?? 1) + (a.s.recall ?? 1) - ((b.s.precision ?? 1) + (b.s.recall ?? 1)));
      for (const { r, d, s } of perRecord.slice(0, 5)) {
        if ((s.precision ?? 1) === 1 && (s.recall ?? 1) === 1) break;
        const kind = (s.precision ?? 1) < (s.recall ?? 1) ? 'false' : 'miss';
        examples.push({ id: str(r.id) ?? '', kind, text: d.text.slice(0, 300), detail: `precision ${round(s.precision ?? 0)}, recall ${round(s.recall ?? 0)}` });
      }
      usable.forEach((r, i) => predictions.push({ id: r.id, url: r.url ?? null, body: docs[i].text, title: docs[i].title, byline: docs[i].byline, outlet: docs[i].outlet, dateline: docs[i].dateline, removed: docs[i].removed }));
    }

    if (segments.length) {
      const usable = segments.filter((r) => typeof r.html === 'string');
      const docs = await runStage(usable, options, () => true);
      const keep = (r: GoldRecord) => (Array.isArray(r.keep) ? (r.keep as string[]) : []);
      const drop = (r: GoldRecord) => (Array.isArray(r.drop) ? (r.drop as string[]) : []);
      const counts: SnippetCounts[] = usable.map((r, i) => snippetCounts(docs[i].text, keep(r), drop(r)));
      const stage = snippetScore(counts);
      const alone = snippetScore(usable.map((r) => snippetCounts(readabilityAlone(str(r.html)!), keep(r), drop(r))));
      const seg = { precision: stage.precision, recall: stage.recall, f1: stage.f1, accuracy: stage.accuracy };
      metrics.segments = seg;
      if (!bodies.length) Object.assign(metrics, seg);
      metrics.baselines = { ...(metrics.baselines as object), segmentsReadability: alone };
      tables.push({
        title: `Boilerplate segments, keep/drop snippets (html, ${usable.length} pages)`,
        columns: ['system', 'precision', 'recall', 'F1', 'accuracy'],
        rows: [prfRow('boilerplate stage', stage, [round(stage.accuracy)]), prfRow('Readability on linkedom alone', alone, [round(alone.accuracy)])],
      });
      const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
      usable.forEach((r, i) => {
        const out = collapse(docs[i].text);
        if (examples.length >= 20) return;
        for (const k of keep(r)) if (!out.includes(collapse(k))) examples.push({ id: str(r.id) ?? '', kind: 'miss', text: k });
        for (const d of drop(r)) if (out.includes(collapse(d))) examples.push({ id: str(r.id) ?? '', kind: 'false', text: d });
      });
      usable.forEach((r, i) => predictions.push({ id: r.id, url: r.url ?? null, text: docs[i].text }));
    }

    return { records: records.length, metrics, tables, examples: examples.slice(0, 20), predictions };
  },
};
