/**
 * Title, byline, outlet and dateline: they leave the body for their own fields (seed guidelines,
 * ../shared/data/seeds/GUIDELINES.md §1).
 */
import type { TextBlock } from './blocks.ts';

/** 'Thu Phương (Theo RT)', 'Thành Đạt', 'By Jane Doe': a few capitalised words, maybe a credit in brackets. */
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|de|da|van|von|der|le|la|bin|al)$/u;
const CREDIT = /^(?:theo|nguồn|tổng hợp|source|sources|by|von|por|par|oleh|di|door|av|af)\b/iu;
const BY = /^(?:by|von|por|par|oleh|di|door|bởi)\s+/iu;

function isNameList(text: string): boolean {
  const words = text.split(/\s+|,\s*|\s+(?:and|und|và|y|et|e)\s+/u).filter(Boolean);
  return words.length >= 1 && words.length <= 8 && words.every((w) => NAME_WORD.test(w)) && /\p{Ll}/u.test(text);
}

/** A byline line: names, a 'Theo Reuters'-style credit, or names with a bracketed credit. */
export function isBylineLine(text: string): boolean {
  if (text.length > 80 || /[.!?:;]$/.test(text) || /\d{3,}/.test(text)) return false;
  if (CREDIT.test(text)) return text.split(/\s+/).length <= 8;
  const m = /^(.*?)\s*\(([^()]{2,40})\)$/u.exec(text);
  const names = m ? m[1] : text;
  if (!names) return false;
  const bare = names.replace(BY, '');
  const words = bare.split(/\s+/).length;
  return words >= 2 && words <= 6 && isNameList(bare);
}

export interface LeadTag {
  /** The lead without its tag. */
  lead: string;
  tag: string;
  outlet: string | null;
  dateline: string | null;
}

const DASH = String.raw`\s*[-–—]\s+`;
/** 'WASHINGTON (Reuters) - ', '(DNVN) - ', 'HÀ NỘI (TTXVN) – '. */
const BRACKET_TAG = new RegExp(String.raw`^(?:([\p{Lu}][\p{Lu}\p{M} .,'’-]{1,40}?)\s*)?\(([^()\n]{2,40})\)${DASH}(?=\S)`, 'u');
/** 'Kinhtedothi - ': one word, the outlet's own name. */
const WORD_TAG = new RegExp(String.raw`^(\p{Lu}[\p{L}\p{N}.]{2,24})${DASH}(?=\p{Lu})`, 'u');
/** 'PARIS, Nov 19 - ' / 'HÀ NỘI - ': an upper-case place opening the lead. */
const PLACE_TAG = new RegExp(String.raw`^(\p{Lu}[\p{Lu}\p{M} .'’-]{2,30}(?:,[^,\n]{1,20})?)${DASH}(?=\p{Lu})`, 'u');

/**
 * The outlet/dateline tag opening the lead. A one-word tag counts only when the word does not
 * occur again in the article (an outlet names itself once; 'Ukraine - ...' would recur).
 */
export function leadTag(lead: string, rest: string): LeadTag | null {
  let m = BRACKET_TAG.exec(lead);
  if (m) {
    const inner = m[2].trim();
    const credit = inner.replace(/^(?:theo|nguồn)\s+/iu, '');
    if (!/\d{3,}/.test(inner) && credit.split(/\s+/).length <= 4) {
      return { lead: lead.slice(m[0].length), tag: m[0], outlet: credit, dateline: m[1]?.replace(/[,\s]+$/, '') || null };
    }
  }
  m = WORD_TAG.exec(lead);
  if (m && !rest.includes(m[1]) && !lead.slice(m[0].length).includes(m[1])) {
    return { lead: lead.slice(m[0].length), tag: m[0], outlet: m[1], dateline: null };
  }
  m = PLACE_TAG.exec(lead);
  const place = m?.[1].split(',')[0] ?? '';
  // Printed in capitals once, at the top; an acronym the article goes on using ('NATO - ') is no place.
  if (m && /\p{Lu}{2}/u.test(place) && place === place.toUpperCase() && !rest.includes(place) && !lead.slice(m[0].length).includes(place)) {
    return { lead: lead.slice(m[0].length), tag: m[0], outlet: null, dateline: m[1].trim() };
  }
  return null;
}

/** Consecutive byline lines among the blocks, skipping widgets; they are returned with their positions. */
export function findByline(blocks: TextBlock[], indices: number[]): number[] {
  const found: number[] = [];
  for (const i of indices) {
    const b = blocks[i];
    if (isBylineLine(b.text)) found.push(i);
    else if (b.furniture || b.chars <= 2) continue;
    else if (found.length) break;
  }
  return found;
}
