import { isBullet, isSpace } from './chars.ts';
import type { LanguageRules } from './rules.ts';

/** A list marker: `1.`, `2.)`, `a)`, `(b)`, `iv)`. */
const MARKER = /(?:^|\s)(\(?)(\d{1,2}|[a-zA-Z]|[ivx]{1,4}|[IVX]{1,4})(\.\)|\)|\.)(?=\s)/g;
const CAPITAL_AHEAD = /^\s+\p{Lu}/u;

interface Marker {
  at: number;
  value: number;
  style: string;
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10 };
function romanValue(s: string): number {
  let total = 0;
  for (let p = 0; p < s.length; p++) {
    const v = ROMAN[s[p]];
    const nextV = ROMAN[s[p + 1]] ?? 0;
    total += v < nextV ? -v : v;
  }
  return total;
}

/**
 * Where list items start inside a line (not at its start): a marker with a neighbour in sequence
 * (`a) … b) …`, `1. … 2. …`), or a bullet after white space. Capital letters with a bare period
 * are left out (they are initials: `John F. Kennedy`).
 */
const BULLET_SEEN = /[•⁃▪◦●‣∙◆■□➢➤►]/;
const SEPARATOR = /(?<=^|\s)([*=_~#+-])\1{2,}(?=\s|$)/g;
const STAMP = /\b\d{1,2}\/\d{1,2}\/\d{2,4} \d{1,2}:\d{2}(?::\d{2})? ?[AP]M\b/g;
/** A dateline in capitals after a headline without final punctuation: `… nhập viện (TP HCM) Đang chạy …`. */
const DATELINE = /\p{Ll}\s+(\(\p{Lu}+(?: \p{Lu}+)+\))(?=\s+\p{Lu})/gu;
/** A mail address (bare or in angle brackets) before a capital: a header line ran into the text. */
const MAIL_ADDRESS = /\S+@[\w.-]+\.\w+>?(?=\s+\p{Lu})/gu;
const URL_AFTER_URL = /(?<=(?:https?:\/\/|www\.)\S+\s+)(?:https?:\/\/|www\.)/g;

/**
 * Units of a line that are sentences of their own whatever the punctuation: separator runs
 * (`***`, `=====`), mail date stamps (`04/26/2001 07:17 AM`), datelines after a headline, mail
 * addresses and closing formulas (`Regards,`) before a name, and links listed one after another.
 */
function standaloneUnits(line: string, from: number, starts: Set<number>, rules: LanguageRules): void {
  if (line.length < 3) return;
  if (rules.closings) {
    rules.closings.lastIndex = 0;
    for (let m = rules.closings.exec(line); m; m = rules.closings.exec(line)) starts.add(from + m.index + m[0].length + (line.slice(m.index + m[0].length).length - line.slice(m.index + m[0].length).trimStart().length));
  }
  if (line.includes('@')) {
    MAIL_ADDRESS.lastIndex = 0;
    for (let m = MAIL_ADDRESS.exec(line); m; m = MAIL_ADDRESS.exec(line)) {
      const end = m.index + m[0].length;
      starts.add(from + end + (line.slice(end).length - line.slice(end).trimStart().length));
    }
  }
  const kinds: RegExp[] = [];
  if (/([*=_~#+-])\1\1/.test(line)) kinds.push(SEPARATOR);
  if (line.includes(':') && line.includes('/')) kinds.push(STAMP);
  for (const re of kinds) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const end = m.index + m[0].length;
      const rest = line.slice(end);
      // A stamp after `on`/`at` belongs to its sentence (unless a capital follows it); otherwise it stands alone.
      const inSentence = re === STAMP && /\b\p{Ll}+\s+$/u.test(line.slice(Math.max(0, m.index - 12), m.index));
      if (m.index > 0 && !inSentence) starts.add(from + m.index);
      if (/\S/.test(rest) && (!inSentence || /^\s+\p{Lu}/u.test(rest))) starts.add(from + end + (rest.length - rest.trimStart().length));
    }
  }
  if (line.includes('(')) {
    DATELINE.lastIndex = 0;
    for (let m = DATELINE.exec(line); m; m = DATELINE.exec(line)) starts.add(from + m.index + m[0].length - m[1].length);
  }
  if (!line.includes('http') && !line.includes('www.')) return;
  URL_AFTER_URL.lastIndex = 0;
  for (let m = URL_AFTER_URL.exec(line); m; m = URL_AFTER_URL.exec(line)) starts.add(from + m.index);
}

export function listItemStarts(text: string, from: number, to: number, rules: LanguageRules): number[] {
  const starts = new Set<number>();
  const line = text.slice(from, to);
  standaloneUnits(line, from, starts, rules);
  if (BULLET_SEEN.test(line)) for (let p = from + 1; p < to; p++) if (isBullet(text[p]) && isSpace(text[p - 1])) starts.add(p);
  if (!/[.)]\s/.test(line)) return [...starts].filter((p) => p > from && p < to).sort((a, b) => a - b);
  const markers: Marker[] = [];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(line); m; m = MARKER.exec(line)) {
    const [whole, paren, body, close] = m;
    const at = from + m.index + (whole.length - paren.length - body.length - close.length);
    if (isBullet(line[line.slice(0, at - from).trimEnd().length - 1] ?? '')) continue; // `• 9.`: the bullet starts the item
    // `1. above` is a reference, not an item: numbered items with a bare period start with a capital.
    if (close === '.' && !paren && /\d/.test(body[0]) && !CAPITAL_AHEAD.test(line.slice(m.index + whole.length, m.index + whole.length + 4))) continue;
    const style = `${paren}${close}`;
    if (/^\d+$/.test(body)) markers.push({ at, value: Number(body), style: `${style}1` });
    else {
      if (body.length === 1 && !(close === '.' && /[A-Z]/.test(body))) markers.push({ at, value: body.toLowerCase().charCodeAt(0) - 96, style: `${style}${body === body.toLowerCase() ? 'a' : 'A'}` });
      if (/^[ivx]+$/i.test(body)) markers.push({ at, value: romanValue(body.toLowerCase()), style: `${style}${body === body.toLowerCase() ? 'i' : 'I'}` });
    }
  }
  for (let a = 0; a < markers.length; a++) {
    for (let b = a + 1; b < markers.length; b++) {
      if (markers[a].style === markers[b].style && markers[b].value === markers[a].value + 1) {
        if (markers[a].at > from) starts.add(markers[a].at);
        starts.add(markers[b].at);
      }
    }
  }
  return [...starts].filter((p) => p > from && p < to).sort((a, b) => a - b);
}
