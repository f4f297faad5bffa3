/** Vietnamese news time expressions, following dates/GUIDELINES.md (TIMEX3 adapted to Vietnamese). */
import { readFileSync } from 'node:fs';
import { addDays, formatDay, formatYear, isValidDay, type Day } from './calendar.ts';
import { fixed, referenceDay, withYearless, type Candidate, type Rule, type TimexValue } from './engine.ts';
import { centuryValue, dayValue, durationValue, monthValue, romanToInt, shiftedValue, weekdayDay, type Unit } from './values.ts';

interface ViWords {
  holidays: Record<string, [number, number]>;
  numbers: Record<string, number>;
  months: Record<string, number>;
  weekdays: Record<string, number>;
  seasons: Record<string, string>;
  units: Record<string, Unit>;
  vague: string[];
  future: string;
}
const WORDS: ViWords = JSON.parse(readFileSync(new URL('./resources/vi.json', import.meta.url), 'utf8'));
export const VI_FUTURE = new RegExp(WORDS.future, 'iu');
/** Words inside a span that settle its tense whatever the sentence says. */
export const VI_SPAN_PAST = /(?:vừa qua|qua|trước|ngoái)$/iu;
export const VI_SPAN_FUTURE = /(?:tới|sắp tới|sau)$/iu;

const B = '(?<![\\p{L}\\p{N}_])';
const E = '(?![\\p{L}\\p{N}_])';
const S = '[ \\u00a0]+';
/** Part of the day: left out of the value, kept in the span. */
const POD = `(?:(?:đầu|cuối|giữa)${S}giờ${S})?(?:sáng${S}sớm|rạng${S}sáng|sáng|trưa|chiều|tối|đêm|khuya|nửa${S}đêm)`;
const EDGE = `(?:đầu|giữa|cuối|hạ${S}tuần|thượng${S}tuần|trung${S}tuần)`;
const MONTH_WORD = 'giêng|chạp|mười[ \\u00a0]+một|mười[ \\u00a0]+hai|một|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười';
const NUM_WORD = '(?:một|hai|ba|bốn|sáu|bảy|bẩy|tám|chín|mười|mươi)(?:[ \\u00a0]+(?:mươi|một|mốt|hai|ba|bốn|tư|lăm|năm|sáu|bảy|tám|chín))*';
const VAGUE = WORDS.vague.map((w) => w.replace(/ /g, S)).join('|');
const NUM = `(?:\\d+(?:[.,]\\d+)?|${VAGUE}|nửa|${NUM_WORD})`;
const UNIT = `(?:năm|tháng|tuần|ngày|giờ(?:${S}đồng${S}hồ)?|tiếng(?:${S}đồng${S}hồ)?|phút|giây|thập${S}kỷ|thập${S}niên|thế${S}kỷ|quý)`;

const norm = (s: string) => s.toLowerCase().replace(/[ \u00a0]+/g, ' ');

function modOf(edge: string | undefined): string | undefined {
  if (!edge) return undefined;
  const e = norm(edge);
  if (e === 'đầu' || e === 'thượng tuần') return 'START';
  if (e === 'cuối' || e === 'hạ tuần') return 'END';
  return 'MID';
}

export function viNumber(raw: string): number | null {
  const s = norm(raw);
  if (/^\d{1,3}(?:\.\d{3})+$/.test(s)) return +s.replace(/\./g, ''); // 10.000: a thousands separator
  if (/^\d+([.,]\d+)?$/.test(s)) return parseFloat(s.replace(',', '.'));
  if (s === 'nửa') return 0.5;
  let total = 0;
  let current = 0;
  for (const w of s.split(' ')) {
    const v = WORDS.numbers[w];
    if (v === undefined) return null;
    if (w === 'mươi') current = (current || 1) * 10;
    else if (v === 100 || v === 1000) {
      total += (current || 1) * v;
      current = 0;
    } else current += v;
  }
  return total + current;
}

function monthNumber(raw: string, original: string): number | null {
  if (/^\d+$/.test(raw)) {
    const m = +raw;
    return m >= 1 && m <= 12 ? m : null;
  }
  const key = norm(raw);
  // 'tháng năm' is also "months and years": word months count only when capitalised
  if (key !== 'giêng' && key !== 'chạp' && original[0] === original[0].toLowerCase()) return null;
  return WORDS.months[key] ?? null;
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + +y : +y);

type Make = Rule['make'];
const rule = (source: string, make: Make, priority = 0, flags = 'giu'): Rule => ({ re: new RegExp(source, flags), make, priority });

/** A date whose year comes from its own text, the anchor or stays unknown; yearless dates can borrow a year later. */
function dayCandidate(
  start: number,
  end: number,
  day: number,
  month: number,
  year: number | null,
  extra: { dayEnd?: number; monthEnd?: number; mod?: string } = {},
): Omit<Candidate, 'priority'> | null {
  if (!isValidDay(year ?? 2000, month, day)) return null;
  const monthEnd = extra.monthEnd ?? month;
  if (extra.dayEnd !== undefined && !isValidDay(year ?? 2000, monthEnd, extra.dayEnd)) return null;
  return {
    start,
    end,
    resolve(r) {
      const y = year ?? r.yearFor(month, day, start, end);
      const value = dayValue(y, month, day)!;
      const v: TimexValue = { type: 'DATE', value };
      if (extra.dayEnd !== undefined) {
        let yEnd = y;
        if (y !== null && monthEnd < month) yEnd = y + 1;
        v.value_end = dayValue(yEnd, monthEnd, extra.dayEnd)!;
      }
      if (extra.mod) v.mod = extra.mod;
      return withYearless(v, year === null);
    },
  };
}

const DAY_HEAD = `(?:(${EDGE})${S})?(?:(${POD})${S})?(?:(ngày|hôm)${S})?(?:(?:cùng${S}ngày|(?:thứ${S}(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy|[2-7])|[Cc]hủ${S}nhật)),?${S})?`;
const DATE_TAIL = `(?:${S}(vừa${S}qua|sắp${S}tới|tới|này))?`;
const RANGE_SEP = `(?:\\s?[-–]\\s?|${S}(?:đến|tới)${S}(?:ngày${S})?)`;

function hasHead(m: RegExpExecArray, from: number, to: number): boolean {
  for (let i = from; i <= to; i++) if (m[i]) return true;
  return false;
}

const NOT_A_DATE_AFTER = /^\s*(?:%|số|dân|người|tổng|diện|phần)/u;
const NOT_A_DATE_BEFORE = /(?:tỷ\s+số|tỉ\s+số|tỷ\s+lệ|tỉ\s+lệ|số|Số|phòng|biển|mã|hạng|thắng|thua|hòa|hoà)\s*$/u;
/** Before a fraction: "gần 1/3", "chiếm 2/3". */
const QUANTITY_BEFORE = /(?:gần|khoảng|hơn|chiếm|trên|dưới|còn|bằng|tới|đến|là|mất|được)\s*$/iu;

export const VI_RULES: Rule[] = [
  // ngày 13/7, hôm 17.10, sáng 20/10, 13/4/2011, ngày 10-11/2, ngày 15 đến ngày 30.11.2013
  rule(
    `${B}${DAY_HEAD}(\\d{1,2})(?:${RANGE_SEP}(\\d{1,2}))?\\s?([/.\\-])\\s?(\\d{1,2})(?:\\s?\\6\\s?(\\d{4}|\\d{2}(?![\\d]))|\\s?[-/]\\s?(\\d{4}))?(?![\\d/]|[.,]\\d)${DATE_TAIL}${E}`,
    (m, text) => {
      const head = hasHead(m, 1, 3) || /^cùng|^thứ|^chủ/iu.test(m[0]);
      const sep = m[6];
      const year = m[8] ?? m[9];
      if (!head && !year && sep !== '/' && m[5] === undefined) return null;
      if (!head && !year && m[5] === undefined) {
        const before = text.slice(Math.max(0, m.index - 12), m.index);
        const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
        if (NOT_A_DATE_BEFORE.test(before) || NOT_A_DATE_AFTER.test(after)) return null;
        if (m[4] === '24' && m[7] === '7') return null; // "24/7": around the clock
        if (+m[4] < +m[7] && QUANTITY_BEFORE.test(before)) return null; // "gần 1/3" is a fraction
      }
      const d1 = +m[4];
      const d2 = m[5] !== undefined ? +m[5] : undefined;
      if (d2 !== undefined && d2 <= d1) return null;
      return dayCandidate(m.index, m.index + m[0].length, d1, +m[7], year ? fullYear(year) : null, { dayEnd: d2, mod: modOf(m[1]) });
    },
    2,
  ),
  // ngày 27/6 - 8/7: both ends with a month, one range
  rule(
    `${B}${DAY_HEAD}(\\d{1,2})\\s?/\\s?(\\d{1,2})\\s?[-–]\\s?(\\d{1,2})\\s?/\\s?(\\d{1,2})(?:\\s?/\\s?(\\d{4}))?(?![\\d/])${E}`,
    (m) => {
      const year = m[8] ? +m[8] : null;
      return dayCandidate(m.index, m.index + m[0].length, +m[4], +m[5], year, { dayEnd: +m[6], monthEnd: +m[7] });
    },
    3,
  ),
  // ngày 30 tháng 4 năm 1975, 26 tháng 4, ngày 15 đến 19 tháng 10
  rule(
    `${B}${DAY_HEAD}(\\d{1,2})(?:${RANGE_SEP}(\\d{1,2}))?${S}tháng${S}(\\d{1,2}|${MONTH_WORD})(?:,?${S}năm\\s*(\\d{3,4})|\\s?[/\\-]\\s?(\\d{4}))?${DATE_TAIL}${E}`,
    (m, text) => {
      const month = monthNumber(m[6], m[6]);
      if (month === null) return null;
      const year = m[7] ?? m[8];
      const d2 = m[5] !== undefined ? +m[5] : undefined;
      if (d2 !== undefined && d2 <= +m[4]) return null;
      // "3 tháng" with nothing around it is a duration, not a date
      if (!hasHead(m, 1, 3) && !year && /^\s*(?:qua|tới|nay|trước|sau|gần)/u.test(text.slice(m.index + m[0].length))) return null;
      return dayCandidate(m.index, m.index + m[0].length, +m[4], month, year ? +year : null, { dayEnd: d2, mod: modOf(m[1]) });
    },
    2,
  ),
  // tháng 4/2014, tháng 5-2009, tháng 11 năm 1942, cuối tháng 2, tháng Chín, tháng 3-4/2014
  rule(
    `${B}(?:(${EDGE})${S})?tháng${S}(\\d{1,2}|${MONTH_WORD})(?:\\s?[-–]\\s?(\\d{1,2})(?=\\s?[/\\-]\\s?\\d{4}))?(?:\\s?[/\\-.]\\s?(\\d{4})|,?${S}năm\\s*(\\d{3,4})|${S}năm${S}(nay|ngoái|trước|tới|sau))?(?:${S}(vừa${S}qua|sắp${S}tới|tới|này))?${E}`,
    (m) => {
      const month = monthNumber(m[2], m[2]);
      if (month === null) return null;
      const monthEnd = m[3] !== undefined ? +m[3] : undefined;
      if (monthEnd !== undefined && (monthEnd <= month || monthEnd > 12)) return null;
      const printed = m[4] ?? m[5];
      const relative = m[6] ? norm(m[6]) : undefined;
      return fixed(m, (r, { start, end }) => {
        let y: number | null = printed ? +printed : null;
        if (relative && r.anchor) y = r.anchor.y + ({ nay: 0, ngoái: -1, trước: -1, tới: 1, sau: 1 } as Record<string, number>)[relative];
        else if (y === null) y = r.yearFor(month, null, start, end);
        const v: TimexValue = { type: 'DATE', value: monthValue(y, month) };
        if (monthEnd !== undefined) v.value_end = monthValue(y, monthEnd);
        const mod = modOf(m[1]);
        if (mod) v.mod = mod;
        return withYearless(v, !printed && !relative);
      });
    },
    1,
  ),
  // năm 2014, năm 2016-2020, năm học 2012-2013, 179 TCN, năm 938
  rule(
    `${B}(?:(${EDGE})${S})?(năm(?:${S}học|${S}tài${S}chính)?)\\s*(\\d{3,4})(?:\\s?[-–]\\s?(\\d{4}|\\d{2}(?!\\d)))?(${S}TCN|${S}trước${S}Công${S}nguyên)?(?![\\p{L}\\p{N}_]|[.,/]\\d)`,
    (m) => {
      const y = +m[3];
      if (!m[5] && (y < 100)) return null;
      const bc = !!m[5];
      let yEnd = m[4] ? (m[4].length === 2 ? Math.floor(y / 100) * 100 + +m[4] : +m[4]) : undefined;
      if (yEnd !== undefined && yEnd <= y) yEnd = undefined;
      const v: TimexValue = { type: 'DATE', value: bc ? formatYear(-y) : formatYear(y) };
      if (yEnd !== undefined) v.value_end = formatYear(yEnd);
      const mod = modOf(m[1]);
      if (mod) v.mod = mod;
      return { start: m.index, end: m.index + m[0].length - (m[4] && yEnd === undefined ? m[0].length - m[0].indexOf(m[3]) - m[3].length : 0), resolve: () => v };
    },
    1,
  ),
  // a bare year: (1945), 2010-2015, SN 1980; not inside a name (Dynamic Mongoose 2016) or a quantity
  rule(
    `${B}((?:1[5-9]|20)\\d{2})(?:\\s?[-–]\\s?((?:1[5-9]|20)\\d{2}))?(${S}TCN)?(?![\\p{L}\\p{N}_]|[.,/]\\d|\\s?(?:%|người|tấn|đồng|USD|km|ha|m2|chiếc|căn|hộ|ca|lượt|con|vụ|tỷ|triệu|nghìn|ngàn|học${S}sinh|sinh${S}viên|trường${S}hợp|xe))`,
    (m, text) => {
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      if (/[\d$€£.,:/#№-]\s?$/u.test(before)) return null;
      if (/(?:số|Số|mã|Mã|phòng|biển|hotline|ĐT|tel|Tel)\s*:?\s*$/u.test(before)) return null;
      if (isInsideName(before) && !/(?:SN|sinh)\s*$/u.test(before)) return null;
      const y = +m[1];
      const yEnd = m[2] ? +m[2] : undefined;
      const v: TimexValue = { type: 'DATE', value: m[3] ? formatYear(-y) : formatYear(y) };
      if (yEnd !== undefined && yEnd > y) v.value_end = formatYear(yEnd);
      return { start: m.index, end: m.index + m[0].length, resolve: () => v };
    },
    0,
  ),
  // những năm 80, thập niên 1990, thập kỷ 70 của thế kỷ 20
  rule(
    `${B}(?:(${EDGE})${S})?(?:những${S}năm|các${S}năm|thập${S}(?:niên|kỷ))${S}(\\d{2}|\\d{4})(?:${S}(?:của${S})?thế${S}kỷ${S}(\\d{1,2}|[IVXL]+))?${E}`,
    (m) => {
      const raw = m[2];
      if (!/0$/.test(raw)) return null;
      let decade: number;
      if (raw.length === 4) decade = +raw / 10;
      else {
        const century = m[3] ? (/^\d+$/.test(m[3]) ? +m[3] : romanToInt(m[3])) : 20;
        decade = (century - 1) * 10 + +raw / 10;
      }
      const v: TimexValue = { type: 'DATE', value: String(decade).padStart(3, '0') };
      const mod = modOf(m[1]);
      if (mod) v.mod = mod;
      return { start: m.index, end: m.index + m[0].length, resolve: () => v };
    },
    1,
  ),
  // quý 2/2012, quý IV/2015, quý 3, quý này
  rule(
    `${B}(?:(${EDGE})${S})?quý${S}(\\d|IV|I{1,3})(?:\\s?[/\\-]\\s?(\\d{4})|${S}năm${S}(\\d{4})|${S}năm${S}(nay|ngoái|trước|tới|sau))?(?:${S}(?:này|tới|vừa${S}qua))?${E}`,
    (m) => {
      const q = /^\d$/.test(m[2]) ? +m[2] : romanToInt(m[2]);
      if (q < 1 || q > 4) return null;
      const printed = m[3] ?? m[4];
      const relative = m[5] ? norm(m[5]) : undefined;
      return {
        start: m.index,
        end: m.index + m[0].length,
        resolve(r) {
          let y: number | null = printed ? +printed : null;
          if (y === null && r.anchor) y = r.anchor.y + (relative ? ({ nay: 0, ngoái: -1, trước: -1, tới: 1, sau: 1 } as Record<string, number>)[relative] : 0);
          const v: TimexValue = { type: 'DATE', value: `${y === null ? 'XXXX' : formatYear(y)}-Q${q}` };
          const mod = modOf(m[1]);
          if (mod) v.mod = mod;
          return withYearless(v, !printed && !relative);
        },
      };
    },
    1,
  ),
  // thế kỷ 13 (value 12), thế kỷ 15- 16, thế kỷ XX
  rule(
    `${B}(?:(${EDGE})${S})?thế${S}kỷ${S}(?:thứ${S})?(\\d{1,2}|[IVXL]+)(?:\\s?[-–]\\s?(\\d{1,2}|[IVXL]+))?(${S}TCN|${S}trước${S}Công${S}nguyên)?${E}`,
    (m) => {
      const num = (s: string) => (/^\d+$/.test(s) ? +s : romanToInt(s));
      const c = num(m[2]);
      if (!(c >= 1 && c <= 21)) return null;
      const cEnd = m[3] ? num(m[3]) : undefined;
      const v: TimexValue = { type: 'DATE', value: m[4] ? `BC${centuryValue(c)}` : centuryValue(c) };
      if (cEnd && cEnd > c && cEnd <= 21) v.value_end = centuryValue(cEnd);
      const mod = modOf(m[1]);
      if (mod) v.mod = mod;
      return { start: m.index, end: m.index + m[0].length, resolve: () => v };
    },
    1,
  ),
  // mùa đông (XXXX-WI), mùa hè năm nay, mùa thu 2014
  rule(
    `${B}(?:(${EDGE})${S})?mùa${S}(xuân|hạ|hè|thu|đông)(?:${S}(?:năm${S})?(\\d{4})|${S}(năm${S}nay|năm${S}ngoái|năm${S}tới|này|tới|trước|vừa${S}qua|năm${S}sau))?${E}`,
    (m) => {
      const season = WORDS.seasons[norm(m[2])];
      const rel = m[4] ? norm(m[4]) : undefined;
      return {
        start: m.index,
        end: m.index + m[0].length,
        resolve(r) {
          let y: string = 'XXXX';
          if (m[3]) y = m[3];
          else if (rel && r.anchor) {
            const shift = /ngoái|trước|vừa/.test(rel) ? -1 : /tới|sau/.test(rel) ? 1 : 0;
            y = formatYear(r.anchor.y + shift);
          }
          const v: TimexValue = { type: 'DATE', value: `${y}-${season}` };
          const mod = modOf(m[1]);
          if (mod) v.mod = mod;
          return v;
        },
      };
    },
    1,
  ),
  // hôm nay, ngày hôm qua, sáng nay, chiều qua, ngày mai, hôm kia, sáng sớm hôm nay
  rule(
    `${B}(?:(${POD})${S})?(?:(ngày|hôm)${S})?(?:(hôm)${S})?(nay|qua|mai|kia)(?:${S}(?:ngày${S})?(\\d{1,2})\\s?[/.\\-]\\s?(\\d{1,2})(?:\\s?[/.\\-]\\s?(\\d{4}))?(?![\\d/]|[.,]\\d))?${E}`,
    (m) => {
      const pod = !!m[1];
      const head = m[2] ? norm(m[2]) : undefined;
      const word = norm(m[4]);
      if (!pod && !head) return null;
      if (head === 'ngày' && !m[3] && word === 'nay' && !pod) {
        return { start: m.index, end: m.index + m[0].length, resolve: () => ({ type: 'DATE', value: 'PRESENT_REF' }) };
      }
      if (head === 'ngày' && !m[3] && word === 'qua') return null; // "3 ngày qua" is a duration
      const shift = word === 'nay' ? 0 : word === 'qua' ? -1 : word === 'mai' ? 1 : head === 'hôm' || m[3] ? -2 : 2;
      const start = m.index;
      const end = m.index + m[0].length;
      // "sáng nay 14-3": the printed date, next to the deictic word, is one span with it
      const printed = m[5] !== undefined ? { d: +m[5], mo: +m[6], y: m[7] ? +m[7] : null } : null;
      if (printed && !isValidDay(printed.y ?? 2000, printed.mo, printed.d)) return null;
      return {
        start,
        end,
        resolve: (r) => {
          if (printed) return { type: 'DATE', value: dayValue(printed.y ?? r.yearFor(printed.mo, printed.d, start, end), printed.mo, printed.d)! };
          return { type: 'DATE', value: r.anchor ? formatDay(addDays(r.anchor, shift)) : 'XXXX-XX-XX' };
        },
      };
    },
    1,
  ),
  // tuần này/trước/tới, tháng này/trước, năm nay/ngoái, cuối tuần này, tuần qua (a duration)
  rule(
    `${B}(?:(${EDGE})${S})?(tuần|tháng|năm|quý)${S}(này|nay|trước|tới|sau|ngoái|qua|rồi|sắp${S}tới|vừa${S}qua|kế${S}tiếp|tiếp${S}theo)${E}`,
    (m, text) => {
      const unitWord = norm(m[2]);
      const rel = norm(m[3]);
      const edge = m[1] ? norm(m[1]) : undefined;
      // "2 năm trước" and "những năm tới" belong to other rules
      const before = text.slice(Math.max(0, m.index - 20), m.index);
      if (!edge && /(?:\d|những|các|mấy|vài|nhiều|một|hai|ba|bốn|sáu|bảy|tám|chín|mười|mươi|lăm)[ \u00a0]+$/u.test(before)) return null;
      const unit: Unit = unitWord === 'tuần' ? 'W' : unitWord === 'tháng' ? 'M' : unitWord === 'quý' ? 'Q' : 'Y';
      if ((rel === 'qua' || rel === 'vừa qua') && !edge && unit !== 'Q') {
        return { start: m.index, end: m.index + m[0].length, resolve: () => ({ type: 'DURATION', value: durationValue(1, unit) }) };
      }
      if (unitWord === 'năm' && rel === 'này') return null;
      const shift = /này|nay/.test(rel) ? 0 : /trước|ngoái|rồi|qua/.test(rel) ? -1 : 1;
      const weekend = unit === 'W' && edge === 'cuối';
      return {
        start: m.index,
        end: m.index + m[0].length,
        resolve(r) {
          const v: TimexValue = { type: 'DATE', value: shiftedValue(r.anchor, shift, weekend ? 'WE' : unit) };
          if (weekend && !r.anchor) v.value = 'XXXX-WXX-WE';
          const mod = weekend ? undefined : modOf(m[1]);
          if (mod) v.mod = mod;
          return v;
        },
      };
    },
    1,
  ),
  // những năm tới (FUTURE_REF), những năm qua (PXY)
  rule(
    `${B}(những|các|mấy)${S}(năm|tháng|tuần|ngày|thập${S}kỷ)${S}(tới|sắp${S}tới|qua|gần${S}đây|vừa${S}qua|trở${S}lại${S}đây|trước${S}đây|nay)${E}`,
    (m) => {
      const rel = norm(m[3]);
      const unit = WORDS.units[norm(m[2])] ?? 'X';
      const v: TimexValue = /tới/.test(rel) ? { type: 'DATE', value: 'FUTURE_REF' } : /trước đây/.test(rel) ? { type: 'DATE', value: 'PAST_REF' } : { type: 'DURATION', value: durationValue(null, unit) };
      return { start: m.index, end: m.index + m[0].length, resolve: () => v };
    },
    2,
  ),
  // 2 năm, 20 tháng, hơn 12 ngày, nửa tiếng, vài ngày tới, 3 tháng trước (a date), 10 năm qua
  rule(
    `${B}(?:(khoảng|hơn|gần|chưa${S}đầy|chưa${S}tới|dưới|trên|ít${S}nhất|tối${S}đa|ngót|xấp${S}xỉ|gần${S}như)${S})?(${NUM})${S}(${UNIT})(${S}rưỡi)?(?:${S}(qua|gần${S}đây|tới|nay|trở${S}lại${S}đây|sắp${S}tới|trước${S}đây|trước(?![ \\u00a0]+(?:khi|đó|ngày|hôm|lúc|thời|kỳ|hạn|giờ|năm|tháng|tuần|cuộc|sự|việc|Tết|tết|mắt|mặt|tiên))|liền|đầu(?:${S}tiên)?|cuối|nữa))?${E}`,
    (m, text) => {
      const before = text.slice(Math.max(0, m.index - 3), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
      if (/\/\s*$/.test(before) || /^\s*(?:\/|tuổi)/u.test(after)) return null;
      const numRaw = norm(m[2]);
      const unitWord = norm(m[3]);
      const vague = WORDS.vague.includes(numRaw);
      let n = vague ? null : viNumber(numRaw);
      if (!vague && n === null) return null;
      if (n !== null && n >= 1000 && unitWord !== 'năm') return null; // "10.000 tháng": a misprinted rate
      if (m[4] && n !== null) n += 0.5;
      let unit = WORDS.units[unitWord];
      if (numRaw === 'hàng chục' || numRaw === 'vài chục' || numRaw === 'mấy chục') unit = unit === 'Y' ? 'DE' : unit;
      if (numRaw === 'hàng' && unit !== 'CE' && unit !== 'DE') return null; // hàng năm is a set
      const suffix = m[5] ? norm(m[5]) : undefined;
      const start = m.index;
      const end = m.index + m[0].length;
      // a clock reading (19 giờ) is a time, not a length of time
      if (unitWord === 'giờ' && !suffix && n !== null && Number.isInteger(n) && isClockReading(text, start, end, n)) return null;
      if (unit === 'D' && unitWord === 'ngày' && !suffix && /^\s?[/.\-]\d/.test(after)) return null;
      if (unit === 'Q' && n !== null && !suffix) return null;
      const mod = m[1] ? ({ khoảng: 'APPROX', hơn: 'MORE_THAN', trên: 'MORE_THAN', 'ít nhất': 'MORE_THAN', gần: 'LESS_THAN', 'chưa đầy': 'LESS_THAN', 'chưa tới': 'LESS_THAN', dưới: 'LESS_THAN', 'tối đa': 'LESS_THAN', ngót: 'LESS_THAN', 'xấp xỉ': 'APPROX', 'gần như': 'APPROX' } as Record<string, string>)[norm(m[1])] : undefined;
      if (suffix === 'trước' || suffix === 'trước đây') {
        return {
          start,
          end,
          resolve(r) {
            const v: TimexValue = { type: 'DATE', value: n === null ? 'PAST_REF' : shiftedValue(r.anchor, -Math.round(n), unit === 'Q' ? 'M' : unit) };
            if (unit === 'TH' || unit === 'TM') v.value = r.anchor ? formatDay(r.anchor) : 'XXXX-XX-XX';
            return v;
          },
        };
      }
      return {
        start,
        end,
        resolve() {
          const v: TimexValue = { type: 'DURATION', value: unit === 'Q' ? durationValue(n === null ? null : n * 3, 'M') : durationValue(n, unit) };
          if (mod) v.mod = mod;
          return v;
        },
      };
    },
    1,
  ),
  // 19 giờ, 8h30, 21h15, 10:05, 8 giờ 30 phút, 3 giờ chiều, 11 giờ trưa nay, 8h30 sáng 20/10, 19 giờ ngày 22/10
  rule(
    `${B}(\\d{1,2})\\s?(?:(h|g|:)(?:\\s?(\\d{2}))?|${S}giờ(?:${S}(\\d{1,2})(?:${S}phút)?)?)(?:${S}(${POD}))?(?:${S}(?:(?:ngày|hôm)${S})?(?:(nay|qua|mai)|(cùng${S}ngày)|(\\d{1,2})\\s?[/.\\-]\\s?(\\d{1,2})(?:\\s?[/.\\-]\\s?(\\d{4}))?))?(?![\\p{L}\\p{N}_]|[/.]\\d)`,
    (m, text) => {
      const hour = +m[1];
      const minute = m[3] !== undefined ? +m[3] : m[4] !== undefined ? +m[4] : 0;
      if (hour > 24 || minute > 59) return null;
      if (m[2] === ':' && m[3] === undefined) return null;
      // "24h" (a news site), "3G" (a network): an hour mark with no minutes needs a clock word around it
      const mark = m[2]?.toLowerCase();
      if ((mark === 'h' || mark === 'g') && m[3] === undefined && (mark === 'g' || !(m[5] || m[6] || m[8] || /(?:lúc|vào|từ|đến|tới|khoảng|trước|sau|tức|hơn|gần)\s+$/iu.test(text.slice(Math.max(0, m.index - 8), m.index))))) return null;
      const start = m.index;
      const end = m.index + m[0].length;
      const isGio = m[2] === undefined;
      if (isGio && !m[5] && !m[6] && !m[7] && !m[8] && m[4] === undefined && !isClockReading(text, start, end, hour)) return null;
      const pod = m[5] ? norm(m[5]) : '';
      let h = hour;
      if (/chiều|tối/.test(pod) && h < 12) h += 12;
      else if (/đêm|khuya/.test(pod) && h >= 6 && h < 12) h += 12;
      else if (/trưa/.test(pod) && h < 3) h += 12;
      const hhmm = `T${String(h).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
      return {
        start,
        end,
        resolve(r) {
          let date: string;
          if (m[8] !== undefined) {
            const y = m[10] ? +m[10] : r.yearFor(+m[9], +m[8], start, end);
            date = dayValue(y, +m[9], +m[8]) ?? 'XXXX-XX-XX';
          } else if (m[6]) {
            const shift = { nay: 0, qua: -1, mai: 1 }[norm(m[6]) as 'nay' | 'qua' | 'mai'];
            date = r.anchor ? formatDay(addDays(r.anchor, shift)) : 'XXXX-XX-XX';
          } else {
            // "19 giờ", "19 giờ cùng ngày": the day the story is at
            date = referenceDay(r.state, r.anchor, 0, Infinity);
          }
          return { type: 'TIME', value: `${date}${hhmm}` };
        },
      };
    },
    3,
  ),
  // hiện nay, hiện tại, bây giờ, ngày nay (PRESENT_REF); gần đây, trước đây, thời gian qua (PAST_REF); tương lai (FUTURE_REF)
  rule(
    `${B}(thời${S}điểm${S}hiện${S}tại|thời${S}điểm${S}này|hiện${S}nay|hiện${S}tại|hiện${S}giờ|hiện${S}thời|bây${S}giờ|giờ${S}đây|dạo${S}này|lúc${S}này|thời${S}gian${S}này|ngày${S}xưa|thời${S}gian${S}gần${S}đây|thời${S}gian${S}qua|thời${S}gian${S}vừa${S}qua|thời${S}gian${S}tới|thời${S}gian${S}sắp${S}tới|gần${S}đây|trước${S}đây|trước${S}kia|mới${S}đây|xưa${S}kia|tương${S}lai(?:${S}gần)?)${E}`,
    (m, text) => {
      const w = norm(m[1]);
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      // "thực hiện tại" is "carried out at": hiện ends a verb there
      if (w.startsWith('hiện') && /(?:thực|thể|xuất|phát|biểu|trình|tái|hiển|bộc|thể)[ \u00a0]+$/iu.test(before)) return null;
      if (w === 'gần đây' && /(?:ở|tại|khu vực|nơi|vùng)\s+$/u.test(before)) return null;
      const value = /hiện|bây|lúc|thời điểm|này|giờ đây/.test(w) ? 'PRESENT_REF' : /tới|tương lai/.test(w) ? 'FUTURE_REF' : 'PAST_REF';
      return { start: m.index, end: m.index + m[0].length, resolve: () => ({ type: 'DATE', value }) };
    },
    1,
  ),
  // đến nay, cho đến nay, đến giờ: only "nay"/"giờ" is the timex
  rule(
    `(?<=${B}(?:đến|tới)${S})(nay|giờ)${E}`,
    (m) => ({ start: m.index, end: m.index + m[0].length, resolve: () => ({ type: 'DATE', value: 'PRESENT_REF' }) }),
    0,
  ),
  // hàng năm, hằng năm, mỗi ngày, thường niên, mỗi thứ Hai
  rule(
    `${B}(?:(hàng|hằng|mỗi)${S}(năm|tháng|tuần|ngày|quý|giờ|sáng|tối|đêm|thứ${S}(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy)|[Cc]hủ${S}nhật)|thường${S}niên)${E}`,
    (m) => {
      if (!m[1]) return { start: m.index, end: m.index + m[0].length, resolve: () => ({ type: 'SET', value: 'P1Y' }) };
      const w = norm(m[2]);
      const wd = w.startsWith('thứ') ? WORDS.weekdays[w.slice(4)] : w === 'chủ nhật' ? 7 : undefined;
      const value = wd ? `XXXX-WXX-${wd}` : w === 'sáng' ? 'XXXX-XX-XXTMO' : w === 'tối' || w === 'đêm' ? 'XXXX-XX-XXTNI' : w === 'giờ' ? 'PT1H' : durationValue(1, WORDS.units[w]);
      return { start: m.index, end: m.index + m[0].length, resolve: () => ({ type: 'SET', value }) };
    },
    2,
  ),
  // cùng ngày, chiều cùng ngày, hôm sau, ngày hôm trước, ngày đó
  rule(
    `${B}(?:(${POD})${S})?(cùng${S}ngày|(?:ngày${S})?hôm${S}sau|(?:ngày${S})?hôm${S}trước|ngày${S}hôm${S}đó|hôm${S}đó|hôm${S}ấy|ngày${S}đó|ngày${S}ấy)${E}`,
    (m) => {
      const w = norm(m[2]);
      const shift = w.endsWith('sau') ? 1 : w.endsWith('trước') ? -1 : 0;
      return {
        start: m.index,
        end: m.index + m[0].length,
        resolve: (r) => ({ type: 'DATE', value: referenceDay(r.state, r.anchor, shift) }),
      };
    },
    1,
  ),
  // ngày Nhà giáo Việt Nam, Quốc khánh, Giáng sinh, Halloween 31/10 (fixed-date holidays; a printed date wins)
  rule(
    `${B}(?:(${POD}|dịp|lễ)${S})?(${Object.keys(WORDS.holidays).map((h) => h.replace(/ /g, S)).join('|')})(?:${S}(?:năm${S})?(\\d{4})|${S}(\\d{1,2})\\s?[/.\\-]\\s?(\\d{1,2}))?${E}`,
    (m, text) => {
      const md = WORDS.holidays[norm(m[2])];
      if (!md) return null;
      // "(Halloween)" in brackets names the event of a date given beside it
      if (!m[1] && text[m.index - 1] === '(') return null;
      const [month, day] = m[4] !== undefined ? [+m[5], +m[4]] : md;
      if (!isValidDay(2000, month, day)) return null;
      const start = m.index;
      const end = m.index + m[0].length;
      return { start, end, resolve: (r) => ({ type: 'DATE', value: dayValue(m[3] ? +m[3] : r.yearFor(month, day, start, end), month, day)! }) };
    },
    2,
  ),
  // một lúc ("a while"): a length with no unit
  rule(`${B}một${S}lúc${E}(?!${S}(?:nào|này|đó))`, (m) => ({ start: m.index, end: m.index + m[0].length, resolve: () => ({ type: 'DURATION', value: 'PXX' }) }), 0),
  // thứ Hai, Chủ nhật tuần trước (capitalised, as news writes weekdays)
  rule(
    `${B}(?:(${POD})${S})?(?:ngày${S})?(?:thứ${S}([Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy|[2-7])|([Cc]hủ${S}[Nn]hật))(?:${S}(tuần${S}(?:này|trước|tới|sau|qua)|này|tới|vừa${S}qua))?${E}`,
    (m, text) => {
      const word = m[2];
      if (word && /^[a-zđ]/.test(word) && !/^\d/.test(word)) return null; // "thứ hai" = "second"
      if (word && /^\d$/.test(word) && !/ngày|sáng|chiều|tối/iu.test(m[0])) return null;
      const before = text.slice(Math.max(0, m.index - 8), m.index);
      if (/(?:lần|năm|hạng|lượt|người)\s+$/u.test(before)) return null;
      const wd = m[3] ? 7 : WORDS.weekdays[norm(word)];
      const rel = m[4] ? norm(m[4]) : '';
      const start = m.index;
      const end = m.index + m[0].length;
      const bracket = /^\s*\(\s*(\d{1,2})\s?[/.\-]\s?(\d{1,2})(?:\s?[/.\-]\s?(\d{4}))?\s*\)/.exec(text.slice(end, end + 20));
      return {
        start,
        end,
        resolve(r) {
          if (bracket) {
            const y = bracket[3] ? +bracket[3] : r.yearFor(+bracket[2], +bracket[1], start, end);
            const v = dayValue(y, +bracket[2], +bracket[1]);
            if (v) return { type: 'DATE', value: v };
          }
          if (!r.anchor) return { type: 'DATE', value: `XXXX-WXX-${wd}` };
          const shift = /trước|qua/.test(rel) ? -1 : /tới|sau/.test(rel) ? 1 : 0;
          if (rel.startsWith('tuần')) return { type: 'DATE', value: formatDay(weekStartPlus(r.anchor, shift, wd)) };
          const future = shift > 0 || (!rel && r.future(start, end));
          return { type: 'DATE', value: formatDay(weekdayDay(r.anchor, wd, future)) };
        },
      };
    },
    1,
  ),
];

/** What each rule above needs to see (in the same order): it runs only near these hits. */
const VI_TRIGGERS: RegExp[] = [
  /\d\s?[/.\-]\s?\d/g, // ngày 13/7
  /\d\s?\/\s?\d/g, // 27/6 - 8/7
  /\d\s+tháng/gi, // 30 tháng 4
  /tháng/gi, // tháng 4/2014
  /năm(?:\s+(?:học|tài\s+chính))?\s*\d/gi, // năm 2014, năm học 2012-2013
  /(?:1[5-9]|20)\d\d/g, // 1945
  /(?:những|các)\s+năm\s+\d|thập/gi, // những năm 80
  /quý/gi,
  /thế\s+kỷ/gi,
  /mùa/gi,
  /nay|qua|mai|kia/gi, // hôm nay
  /(?:tuần|tháng|năm|quý)\s+(?:này|nay|trước|tới|sau|ngoái|qua|rồi|sắp|vừa|kế|tiếp)/gi,
  /(?:những|các|mấy)\s/gi,
  /(?:\d|một|hai|ba|bốn|sáu|bảy|bẩy|tám|chín|mười|mươi|lăm|mốt|tư|vài|mấy|nhiều|nửa|chục|trăm|hàng)\s+(?:năm|tháng|tuần|ngày|giờ|tiếng|phút|giây|thập|thế|quý)/gi,
  /\d\s?(?:h|g|:|giờ)/gi, // 19 giờ
  /hiện|bây|giờ\s+đây|dạo\s+này|lúc\s+này|gần\s+đây|trước\s+đây|trước\s+kia|mới\s+đây|xưa|tương\s+lai|thời\s+(?:gian|điểm)/gi,
  /(?:đến|tới)\s+(?:nay|giờ)/gi,
  /hàng|hằng|mỗi|thường\s+niên/gi,
  /cùng\s+ngày|hôm\s+(?:sau|trước|đó|ấy)|ngày\s+(?:đó|ấy)/gi,
  new RegExp(Object.keys(WORDS.holidays).map((h) => h.split(' ').pop()).join('|'), 'gi'), // holidays
  /một\s+lúc/gi,
  /thứ|chủ\s+nhật/gi,
];
if (VI_TRIGGERS.length !== VI_RULES.length) throw new Error('dates/vi.ts: one trigger per rule');
VI_RULES.forEach((r, i) => (r.trigger = VI_TRIGGERS[i]));

/** The day `wd` (1 = Monday) of the ISO week `shift` weeks from the anchor's. */
function weekStartPlus(anchor: Day, shift: number, wd: number): Day {
  const monday = weekdayDay(anchor, 1, false);
  return addDays(monday, 7 * shift + wd - 1);
}

/** "19 giờ" reads as a clock time unless the words around it measure a length. */
function isClockReading(text: string, start: number, end: number, hour: number): boolean {
  const before = text.slice(Math.max(0, start - 14), start);
  const after = text.slice(end, end + 14);
  if (/(?:trong|suốt|mất|gần|hơn|sau|kéo\s+dài|khoảng|chừng|vòng|tới|cả|nhiều|chưa\s+đầy)\s+$/u.test(before)) {
    return /(?:lúc|vào|từ|đến)\s+$/u.test(before);
  }
  if (/^\s+(?:qua|liền|đồng|nữa|sau|trước|đầu|cuối|để|thì|mới|làm|bay|lái|chạy|đi)/u.test(after)) return false;
  return hour <= 24;
}

/**
 * A year that ends a name: a capitalised word a few words before it, not at the start of a
 * sentence, with only name words between ("Dynamic Mongoose 2016", “Đinh ba Thần tốc 2016”).
 */
function isInsideName(before: string): boolean {
  const words = /((?:[\p{L}\p{N}-]+[ \u00a0]+){1,3})$/u.exec(before);
  if (!words) return false;
  const list = words[1].trim().split(/[ \u00a0]+/);
  const prefix = before.slice(0, words.index);
  const capitalised = list.findIndex((w) => /^\p{Lu}/u.test(w));
  if (capitalised < 0) return false;
  // the first capital begins a sentence: not a name unless another capital follows
  const atSentenceStart = capitalised === 0 && /(?:^|[.!?:]\s*|\n\s*)$/u.test(prefix);
  if (atSentenceStart) return list.slice(1).some((w) => /^\p{Lu}/u.test(w));
  return true;
}
