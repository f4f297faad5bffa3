import type { Corpus } from '../../pipeline/corpus.ts';
import { NS } from './engine.ts';
import { entityKey } from './profile.ts';
import { readSummary, type SummaryEntry } from './stored.ts';

/** One line of `<name>.stories.jsonl`: a story cluster and what it is about. */
export interface StoryCluster {
  story: string;
  size: number;
  /** Members in the order they arrived (across every dump the index has seen). */
  members: { id: string; date: string | null; duplicateOf: string | null }[];
  first: string | null;
  last: string | null;
  /** Names mentioned by the most members, with how many members mention each. */
  entities: { name: string; articles: number }[];
  /** The terms heaviest over the members (each member's 8 heaviest, by rank). */
  terms: string[];
}

/** Stories in batches: only a batch's members' summaries are held at once (a long run's members are many). */
export async function summarizeStories(corpus: Corpus, ids: string[]): Promise<StoryCluster[]> {
  const stories: string[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < ids.length; k += BATCH) {
    for (const p of await summaries(corpus, ids.slice(k, k + BATCH))) {
      if (!p || seen.has(p.story)) continue;
      seen.add(p.story);
      stories.push(p.story);
    }
  }
  const clusters: StoryCluster[] = [];
  for (let k = 0; k < stories.length; k += BATCH) {
    const batch = stories.slice(k, k + BATCH);
    const memberLists = await Promise.all(batch.map((s) => corpus.list<string>(NS.story, s)));
    const allMembers = [...new Set(memberLists.flat())];
    const profiles = new Map((await summaries(corpus, allMembers)).map((p, i) => [allMembers[i], p] as const));
    for (const [si, story] of batch.entries()) clusters.push(cluster(story, [...new Set(memberLists[si])], profiles));
  }
  return clusters;
}

const BATCH = 1000;

function cluster(story: string, members: string[], profiles: Map<string, SummaryEntry | undefined>): StoryCluster {
  const dates = members.map((m) => profiles.get(m)?.date ?? null).filter((d): d is string => !!d).sort();
  const names = new Map<string, { name: string; articles: number }>();
  const terms = new Map<string, number>();
  for (const m of members) {
    const p = profiles.get(m);
    if (!p) continue;
    for (const name of new Set(p.entities)) {
      const key = entityKey(name);
      const e = names.get(key);
      if (e) e.articles++;
      else names.set(key, { name, articles: 1 });
    }
    p.top.forEach((t, i) => terms.set(t, (terms.get(t) ?? 0) + p.top.length - i));
  }
  return {
    story,
    size: members.length,
    members: members.map((id) => ({ id, date: profiles.get(id)?.date ?? null, duplicateOf: profiles.get(id)?.dup ?? null })),
    first: dates[0] ?? null,
    last: dates[dates.length - 1] ?? null,
    entities: [...names.values()].sort((a, b) => b.articles - a.articles).slice(0, 10),
    terms: [...terms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 8).map(([t]) => t),
  };
}

async function summaries(corpus: Corpus, ids: string[]): Promise<(SummaryEntry | undefined)[]> {
  return (await corpus.records(NS.summary, ids)).map((bytes) => bytes && readSummary(bytes));
}
