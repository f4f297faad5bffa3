import type { Corpus } from '../../pipeline/corpus.ts';
import { NS, type StoredProfile } from './engine.ts';
import { entityKey } from './profile.ts';
import { splitList } from './stored.ts';

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

export async function summarizeStories(corpus: Corpus, ids: string[]): Promise<StoryCluster[]> {
  const own = await Promise.all(ids.map((id) => corpus.get<StoredProfile>(NS.profile, id)));
  const stories = [...new Set(own.filter((p): p is StoredProfile => !!p).map((p) => p.story))];
  const memberLists = await Promise.all(stories.map((s) => corpus.list<string>(NS.story, s)));
  const allMembers = [...new Set(memberLists.flat())];
  const profiles = new Map(
    (await Promise.all(allMembers.map((id) => corpus.get<StoredProfile>(NS.profile, id)))).map((p, i) => [allMembers[i], p] as const),
  );
  return stories.map((story, si) => {
    const members = [...new Set(memberLists[si])];
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
      const top = splitList(p.top);
      top.forEach((t, i) => terms.set(t, (terms.get(t) ?? 0) + top.length - i));
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
  });
}
