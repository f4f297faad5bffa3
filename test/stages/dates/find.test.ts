import { describe, expect, it } from 'vitest';
import type { DateAnchor, Timex } from '../../../pipeline/layers.ts';
import { findTimexes } from '../../../stages/dates/index.ts';

const at = (value: string | null): DateAnchor => ({ value, source: value ? 'dct' : 'none' });
const pick = (timexes: Timex[]) => timexes.map((t) => ({ text: t.text, type: t.type, value: t.value, ...(t.value_end ? { value_end: t.value_end } : {}), ...(t.mod ? { mod: t.mod } : {}) }));
const one = (text: string, lang: string, anchor: string | null) => pick(findTimexes(text, lang, at(anchor)));

describe('Vietnamese news expressions', () => {
  it('resolves day/month without a year against the anchor, or leaves XXXX without one', () => {
    expect(one('Ngày 13/7 đã đánh dấu mốc quan trọng.', 'vi', '2016-07-14')).toEqual([{ text: 'Ngày 13/7', type: 'DATE', value: '2016-07-13' }]);
    expect(one('Ngày 13/7 đã đánh dấu mốc quan trọng.', 'vi', null)).toEqual([{ text: 'Ngày 13/7', type: 'DATE', value: 'XXXX-07-13' }]);
    // a December day in a January article is last year's
    expect(one('hôm 20/12 ông cho biết', 'vi', '2014-01-05')[0].value).toBe('2013-12-20');
  });

  it('reads ranges, edges of months and coordinated years', () => {
    expect(one('diễn ra vào ngày 10-11/2 tới.', 'vi', null)).toEqual([{ text: 'ngày 10-11/2 tới', type: 'DATE', value: 'XXXX-02-10', value_end: 'XXXX-02-11' }]);
    expect(one('vào cuối tháng 2 hoặc đầu tháng 3.', 'vi', '2016-01-21')).toEqual([
      { text: 'cuối tháng 2', type: 'DATE', value: '2016-02', mod: 'END' },
      { text: 'đầu tháng 3', type: 'DATE', value: '2016-03', mod: 'START' },
    ]);
    expect(one('trong tháng 3 và tháng 6/2014', 'vi', null).map((t) => t.value)).toEqual(['2014-03', '2014-06']);
    expect(one('từ ngày 15 đến ngày 30.11.2013', 'vi', null)).toEqual([{ text: 'ngày 15 đến ngày 30.11.2013', type: 'DATE', value: '2013-11-15', value_end: '2013-11-30' }]);
  });

  it('writes durations, sets, deictic words and vague references as TIMEX3 values', () => {
    expect(one('sau gần 2 năm', 'vi', null)).toEqual([{ text: 'gần 2 năm', type: 'DURATION', value: 'P2Y', mod: 'LESS_THAN' }]);
    expect(one('tổ chức hàng năm', 'vi', null)).toEqual([{ text: 'hàng năm', type: 'SET', value: 'P1Y' }]);
    expect(one('Hiện nay giá tăng so với năm ngoái', 'vi', '2013-10-23').map((t) => t.value)).toEqual(['PRESENT_REF', '2012']);
    expect(one('tuần trước', 'vi', '2013-10-23')[0].value).toBe('2013-W42');
    expect(one('lúc 8h30 sáng 20/10', 'vi', '2013-10-23')).toEqual([{ text: '8h30 sáng 20/10', type: 'TIME', value: '2013-10-20T08:30' }]);
  });

  it('leaves out ages, rates, names and scores', () => {
    expect(one('ông 59 tuổi, trả 10.000 đồng/tháng', 'vi', '2013-10-23')).toEqual([]);
    expect(one('cuộc tập trận Dynamic Mongoose 2016 tại Na Uy', 'vi', '2016-06-21')).toEqual([]);
    expect(one('dịch vụ 3G phục vụ 24/7', 'vi', '2013-10-23')).toEqual([]);
  });
});

describe('English news expressions', () => {
  const dct = '1989-10-30'; // a Monday
  it('resolves calendar dates and weekdays against the anchor', () => {
    expect(one('He arrived last Tuesday.', 'en', dct)).toEqual([{ text: 'last Tuesday', type: 'DATE', value: '1989-10-24' }]);
    expect(one('The company said Friday that it would sell.', 'en', dct)[0].value).toBe('1989-10-27');
    expect(one('It was signed July 13, 2016.', 'en', dct)[0].value).toBe('2016-07-13');
    expect(one('January nineteen ninety-seven. Atlanta again.', 'en', dct)).toEqual([{ text: 'January nineteen ninety-seven', type: 'DATE', value: '1997-01' }]);
  });

  it('covers quarters, durations, sets and vague references', () => {
    expect(one('Net income in the third quarter rose.', 'en', dct)).toEqual([{ text: 'the third quarter', type: 'DATE', value: '1989-Q3' }]);
    // as a hyphenated modifier the article belongs to the noun
    expect(one('It posted a third-quarter loss after the two-week strike.', 'en', dct).map((t) => t.text)).toEqual(['third-quarter', 'two-week']);
    // a hyphenated number or decade is no modifier: the article stays
    expect(one('the level we saw in the winter of nineteen ninety-four', 'en', dct)[0].text).toBe('the winter of nineteen ninety-four');
    expect(one('a 50% share by the mid-1990s', 'en', dct)[0].text).toBe('the mid-1990s');
    // 'over the past' is during them, and the span leaves 'over' out (TimeBank)
    expect(one('over the past five years', 'en', dct)).toEqual([{ text: 'the past five years', type: 'DURATION', value: 'P5Y' }]);
    expect(one('Then, a week or so ago, he picked Saturday.', 'en', dct)[0]).toMatchObject({ text: 'a week or so ago', type: 'DATE', mod: 'APPROX' });
    expect(one('It took about five hours.', 'en', dct)).toEqual([{ text: 'five hours', type: 'DURATION', value: 'PT5H' }]);
    expect(one('over a week', 'en', dct)).toEqual([{ text: 'over a week', type: 'DURATION', value: 'P1W', mod: 'MORE_THAN' }]);
    expect(one('But a minute and a half later, a pilot', 'en', dct)).toEqual([{ text: 'a minute and a half', type: 'DURATION', value: 'PT1M30S' }]);
    expect(one('It is now clear.', 'en', dct)[0]).toMatchObject({ text: 'now', value: 'PRESENT_REF' });
    expect(one('music of the 1980s', 'en', dct)[0].value).toBe('198');
    expect(one('Trains run daily.', 'en', dct)[0]).toMatchObject({ type: 'SET', value: 'P1D' });
    expect(one('Meetings are held Tuesdays and Thursdays.', 'en', dct).map((t) => [t.text, t.value])).toEqual([['Tuesdays', 'XXXX-WXX-2'], ['Thursdays', 'XXXX-WXX-4']]);
    expect(one('Flights leave on Monday and Tuesday nights.', 'en', dct).map((t) => [t.text, t.type, t.value])).toEqual([['Monday', 'SET', 'XXXX-WXX-1TNI'], ['Tuesday nights', 'SET', 'XXXX-WXX-2TNI']]);
    expect(one('leads we investigate on a daily basis', 'en', dct)[0]).toMatchObject({ text: 'daily', type: 'SET', value: 'P1D' });
    expect(one('the daily newspaper', 'en', dct)).toEqual([]);
    expect(one('compared with a year earlier', 'en', dct)[0].value).toBe('1988');
    // the quarter not yet over is an outlook: 'the latest quarter' stays the last one completed
    expect(one('It expects fourth-quarter profit to rise. Sales rose in the latest quarter.', 'en', dct).map((t) => t.value)).toEqual(['1989-Q4', '1989-Q3']);
  });

  it('knows holidays and seasons of the anchor year', () => {
    expect(one('Sales slumped this past spring.', 'en', dct)).toEqual([{ text: 'this past spring', type: 'DATE', value: '1989-SP' }]);
    expect(one('Sales slumped last spring.', 'en', dct)[0].value).toBe('1988-SP');
    expect(one('Elian was found Thanksgiving Day.', 'en', '1999-12-01')[0].value).toBe('1999-11-25');
    expect(one('Sales slowed over the summer.', 'en', dct)[0].value).toBe('1989-SU');
    expect(one('nhân ngày Nhà giáo Việt Nam', 'vi', '2013-10-23')[0].value).toBe('2013-11-20');
  });

  it('resolves weekdays and months by what the sentence says of them', () => {
    expect(one('It had been scheduled to expire at midnight Friday.', 'en', dct)).toEqual([{ text: 'midnight Friday', type: 'TIME', value: '1989-10-27T24' }]);
    expect(one('He appeared in court at midday.', 'en', dct)[0].value).toBe('1989-10-30T12:00');
    expect(one('In London at mid-afternoon yesterday, shares rose.', 'en', dct)).toEqual([{ text: 'mid-afternoon yesterday', type: 'TIME', value: '1989-10-29TAF' }]);
    expect(one('Dealers placed orders in the morning.', 'en', dct)).toEqual([{ text: 'the morning', type: 'TIME', value: '1989-10-30TMO' }]);
    // 'the previous Friday' is the one before the day the text talks about
    expect(one('Stocks fell Friday, down 4.5% from the previous Friday.', 'en', dct).map((t) => t.value)).toEqual(['1989-10-27', '1989-10-20']);
    // a deadline the text reports as overtaken lies before the anchor, not in the coming week
    expect(one('The offer had been due to expire Friday evening.', 'en', dct)[0].value).toBe('1989-10-27TEV');
    expect(one('The offer will expire Friday evening.', 'en', dct)[0].value).toBe('1989-11-03TEV');
    // the clause's future markers govern a month without a year too
    expect(one('They can participate in planning for the NATO summit in April.', 'en', '1998-12-05')[0].value).toBe('1999-04');
    // 'since March' is past even when the sentence plans something later
    // 'will' further back in the clause still makes the month a coming one
    expect(one('Qantas will almost double its flights between Australia and India by August in the search for markets.', 'en', '1998-02-13')[0].value).toBe('1998-08');
    expect(one('It has been on patrol since March and was scheduled to return next month.', 'en', '1990-08-13')[0].value).toBe('1990-03');
    // the last future marker of the clause governs a weekday, unless a reporting verb or a possessive intervenes
    expect(one('Protesters planned a large demonstration in Little Havana on Saturday.', 'en', '2000-01-07')[0].value).toBe('2000-01-08');
    expect(one('The father would be traveling to the United States Thursday with his wife.', 'en', '2000-04-05')[0].value).toBe('2000-04-06');
    // a day that opens its sentence takes the tense of its clause; a scheduled event may be in the present tense
    expect(one('On Tuesday, the league plans to hold a news conference.', 'en', '1998-10-26')[0].value).toBe('1998-10-27');
    expect(one('On Friday, when Albright set aside time, she said more.', 'en', '1998-08-17')[0].value).toBe('1998-08-14');
    expect(one('He and Arafat meet separately Monday with Albright.', 'en', '1998-05-01')[0].value).toBe('1998-05-04');
    // a parenthesis restates the time inside the same clause
    expect(one('He will leave at 4 in the morning (4 a.m. EDT Thursday).', 'en', '2000-04-05')[1]).toEqual({ text: '4 a.m. EDT Thursday', type: 'TIME', value: '2000-04-06T04:00' });
    expect(one('They would look for ways to get around Wednesday\'s ruling.', 'en', '2000-01-07')[0].value).toBe('2000-01-05');
    expect(one('Until Thursday, they had not called him.', 'en', '1999-05-07')[0].value).toBe('1999-05-06');
    expect(one('A memorial service planned for Saturday was canceled.', 'en', '1999-10-24')[0].value).toBe('1999-10-23');
    expect(one('The offensive began as previously planned Saturday night.', 'en', '1991-02-25')[0].value).toBe('1991-02-23');
    // 'ahead of' looks to the coming weekend; a comma closes the phrase it governs
    expect(one('Traders squared positions ahead of the weekend.', 'en', dct)[0].value).toBe('1989-W44-WE');
    expect(one('Ahead of the trip, the department on Sunday issued a warning.', 'en', '1998-08-17')[0].value).toBe('1998-08-16');
    // 'to' between a day and a month is a preposition, not a range that pushes December into next year
    expect(one('After a small revision Friday to December\'s figures, jobs grew.', 'en', '1998-02-06').map((t) => t.value)).toEqual(['1998-02-06', '1997-12']);
  });

  it('reads a month that opens its sentence by the tense of the clause it governs', () => {
    expect(one('In January, American Medical brought in advisers.', 'en', '1989-10-27')[0].value).toBe('1989-01');
    expect(one('In March, the company will sell the unit.', 'en', '1989-10-27')[0].value).toBe('1990-03');
  });

  it('reads the week of a date and vague stretches of plural units', () => {
    expect(one('a court hearing the week of March 6, he said.', 'en', '2000-02-24')).toEqual([{ text: 'the week of March 6', type: 'DATE', value: '2000-W10' }]);
    expect(one('Over the years many more patients were helped.', 'en', dct)).toEqual([{ text: 'the years', type: 'DURATION', value: 'PXY' }]);
    expect(one('Funds may sell junk in the weeks ahead.', 'en', dct)).toEqual([{ text: 'the weeks ahead', type: 'DURATION', value: 'PXW' }]);
    expect(one('They will live without it for a while.', 'en', dct)).toEqual([{ text: 'a while', type: 'DURATION', value: 'PXX' }]);
    expect(one('Eight trading days after the crash, it fell.', 'en', dct)).toEqual([{ text: 'Eight trading days', type: 'DURATION', value: 'P8D' }]);
    // a stretch the event fixes is not a vague duration
    expect(one('His car was seen in the days before the shooting.', 'en', dct)).toEqual([]);
  });

  it('resolves anaphora against what the text talked about', () => {
    expect(one('In March, the company sought buyers. The following month, it put itself up for sale.', 'en', dct).map((t) => t.value)).toEqual(['1989-03', '1989-04']);
    expect(one('He appeared in court on Feb. 22. He was healthy the next morning.', 'en', '2000-02-24').map((t) => t.value)).toEqual(['2000-02-22', '2000-02-23']);
    expect(one('Dr. Slepian was killed on Oct. 23. Earlier that day, his family sent a fax.', 'en', '1998-10-26')[1]).toMatchObject({ text: 'Earlier that day', value: '1998-10-23' });
    expect(one("The day before last Tuesday's court hearing, he spoke. He appeared in court the next morning.", 'en', '2000-02-24').map((t) => [t.text, t.value])).toEqual([
      ['day before last Tuesday', '2000-02-21'],
      ['the next morning', '2000-02-23'],
    ]);
    // with nothing to point back to, 'that day' is no time expression
    expect(one('Traders suffer huge losses on trades made that day.', 'en', dct)).toEqual([]);
    // 'next to', 'the next morning' do not make the sentence look ahead
    expect(one('The bomb went off next to the embassy in December.', 'en', '1999-07-01')[0].value).toBe('1998-12');
    // a value computed from the text lends no year to the date before it
    expect(one('He appeared in court Feb. 22 and the following day he left.', 'en', '2000-02-24')[0].value).toBe('2000-02-22');
  });

  it('writes a stretch between two events as a DURATION without the word relating it', () => {
    expect(one('Three days later, the index recovered.', 'en', dct)).toEqual([{ text: 'Three days', type: 'DURATION', value: 'P3D' }]);
    expect(one('He was declared dead just over an hour later.', 'en', dct)).toEqual([{ text: 'over an hour', type: 'DURATION', value: 'PT1H', mod: 'MORE_THAN' }]);
    expect(one('two years ago', 'en', dct)[0]).toMatchObject({ text: 'two years ago', type: 'DATE', value: '1987' });
  });

  it('takes a fiscal quarter the text reports on as the one its results refer to', () => {
    const text = 'Ralston reported a 47% decline in fourth-quarter earnings. It earned $45 million, against $84 million a year earlier. Sales in the latest period rose.';
    expect(one(text, 'en', '1989-11-02').map((t) => t.value)).toEqual(['1989-Q4', '1988-Q4', '1989-Q4']);
    // a quarter mentioned in passing does not displace it; "the quarter ended Sept. 29" is that fiscal quarter
    const passing = 'Kimberly-Clark posted a gain in third-quarter net. After a flat second quarter, sales rose. Charges were taken in the year-earlier period.';
    expect(one(passing, 'en', '1989-11-01').map((t) => t.value)).toEqual(['1989-Q3', '1989-Q2', '1988-Q3']);
    const fiscal = 'Sun said it earned $5.2 million in the fiscal first quarter. Sales for the quarter ended Sept. 29 rose 39%. In the 1988 period, it earned $20.6 million.';
    expect(one(fiscal, 'en', '1989-10-26').map((t) => t.value)).toEqual(['1989-Q1', '1989-Q1', '1989-09-29', '1988-Q1']);
    expect(one('a net loss for the third quarter. For the quarter a year ago, it earned $16 million, against $1.8 million for the corresponding period last year.', 'en', '1989-10-26').map((t) => [t.text, t.value])).toEqual([
      ['the third quarter', '1989-Q3'],
      ['the quarter a year ago', '1988-Q3'],
      ['the corresponding period last year', '1988-Q3'],
    ]);
  });

  it('writes quarters in durations and sets as quarters, as TimeBank does for counted ones', () => {
    expect(one('It pays interest every quarter after several quarters of losses over the past two quarters.', 'en', '1989-10-30').map((t) => t.value)).toEqual(['P1Q', 'PXQ', 'P2Q']);
  });

  it('leaves out rates of an amount per unit of time, keeps frequencies, and splits a range of durations', () => {
    expect(one('a dividend rate of $1.76 a year, sales up 8.5% annually, 700 seats a week, 24 hours a day', 'en', '1989-11-02').map((t) => t.text)).toEqual(['24 hours']);
    expect(one('It meets twice a year and is held annually.', 'en', '1989-11-02').map((t) => [t.text, t.type, t.value])).toEqual([
      ['a year', 'SET', 'P1Y'],
      ['annually', 'SET', 'P1Y'],
    ]);
    expect(one("It's between two to six days for every patient.", 'en', '1998-03-31').map((t) => [t.text, t.value])).toEqual([
      ['two', 'P2D'],
      ['six days', 'P6D'],
    ]);
  });

  it('puts a quarter that ended on a day just after the anchor in the year before', () => {
    const text = 'In the year-ago quarter, the second quarter ended Oct. 31, it had a loss. Results for that quarter included a write-down.';
    expect(one(text, 'en', '1989-10-27').map((t) => [t.text, t.value])).toEqual([
      ['the year-ago quarter', '1988-Q3'],
      ['the second quarter', '1988-Q2'],
      ['Oct. 31', '1988-10-31'],
      ['that quarter', '1988-Q2'],
    ]);
  });

  it('takes a capitalised "Last" into a weekday, month or holiday that opens a sentence', () => {
    expect(one("Last Friday's announcement was the first. Last April, he left.", 'en', '1989-10-30').map((t) => [t.text, t.value])).toEqual([
      ['Last Friday', '1989-10-27'],
      ['Last April', '1989-04'],
    ]);
    expect(one('He was found last Thanksgiving. Next Christmas he will come.', 'en', '2000-02-10').map((t) => [t.text, t.value])).toEqual([
      ['last Thanksgiving', '1999-11-25'],
      ['Next Christmas', '2000-12-25'],
    ]);
    // "Earlier Sunday" keeps the adverb out (TimeBank)
    expect(one('Earlier Sunday, police met.', 'en', '1998-03-22')[0].text).toBe('Sunday');
  });

  it('reads "for the year" as the year talked about and "will one day" as someday', () => {
    expect(one('For the year, pet food volume was flat.', 'en', '1989-11-02')).toEqual([{ text: 'the year', type: 'DATE', value: '1989' }]);
    expect(one('Islam will one day be the second largest religion. It lasted one day.', 'en', '1998-03-03').map((t) => t.value)).toEqual(['FUTURE_REF', 'P1D']);
    expect(one('It will be financed through offerings at a later date.', 'en', '1989-10-26')).toEqual([{ text: 'a later date', type: 'DATE', value: 'FUTURE_REF' }]);
    // "for the fiscal year" is the year talked about too; "throughout the fiscal year" stays a stretch
    expect(one('It will result in lower earnings for the fiscal year. Profit should grow throughout the fiscal year.', 'en', '1989-10-27').map((t) => t.value)).toEqual(['1989', 'P1Y']);
  });

  it('leaves out a sentence-opening "Now," or "Currently," that turns the discourse', () => {
    expect(one('Now, following asset sales, the company is smaller. Currently, Avon has 9 stores.', 'en', '1989-10-27')).toEqual([]);
    expect(one('Now for today\'s geography quiz.', 'en', '1998-01-21').map((t) => t.text)).toEqual(['today']);
    expect(one('Now officials are investigating. The fund now holds cash, currently 15%.', 'en', '1998-02-27').map((t) => t.value)).toEqual(['PRESENT_REF', 'PRESENT_REF', 'PRESENT_REF']);
  });

  it('puts "last February" read on March 1 in the year before, and reads half of a decade as that decade', () => {
    expect(one('Two helicopters crashed last February. The treaty was signed last May.', 'en', '1998-03-01').map((t) => t.value)).toEqual(['1997-02', '1997-05']);
    expect(one('He left last January.', 'en', '1998-03-01')[0].value).toBe('1998-01');
    expect(one('the trend that has characterized the last half of the \'80s and the second half of 1990', 'en', '1989-10-27')).toEqual([
      { text: "the last half of the '80s", type: 'DATE', value: '198', mod: 'END' },
      { text: 'the second half of 1990', type: 'DATE', value: '1990-H2' },
    ]);
  });

  it('leaves out a present-day "today\'s" ("today\'s world") and keeps the day of "today\'s editions"', () => {
    expect(one("It is unfair in today's world. Many of today's personal computers use it.", 'en', '1998-04-24')).toEqual([]);
    expect(one("The offer, advertised in today's editions, expires.", 'en', '1989-11-02')).toEqual([{ text: 'today', type: 'DATE', value: '1989-11-02' }]);
  });

  it('reads "the quarter ended <day>" as the calendar quarter most of its three months fall in', () => {
    expect(one('In the quarter ended July 31, Jayark had sales of $5 million.', 'en', '1989-11-01')[0].value).toBe('1989-Q2');
    expect(one('For the quarter ended Sept. 30, Delta posted net income.', 'en', '1989-10-27')[0].value).toBe('1989-Q3');
    expect(one('In the quarter ended Jan. 31, it lost money.', 'en', '1989-03-01')[0].value).toBe('1988-Q4');
  });

  it('reads a period after a stretch of months as that stretch, and "the year-earlier nine months" as one', () => {
    const text = 'Norton posted third-quarter net of $30 million. For the nine months, Norton had net of $81.2 million. In the year-earlier period, the company had net of $77.2 million.';
    expect(one(text, 'en', '1989-10-27').map((t) => [t.text, t.value])).toEqual([['third-quarter', '1989-Q3'], ['the nine months', 'P9M'], ['the year-earlier period', 'P9M']]);
    expect(one('In the first nine months, net was $30 million, compared with a loss of $195 million in the 1988 period.', 'en', '1989-10-27').map((t) => t.value)).toEqual(['P9M', '1988']);
    // after a quarter, the period is that quarter's
    expect(one('Third-quarter net rose 5% from the year-earlier period.', 'en', '1989-10-27').map((t) => t.value)).toEqual(['1989-Q3', '1988-Q3']);
    expect(one('Net for the year-earlier nine months included a gain.', 'en', '1989-10-27')).toEqual([{ text: 'the year-earlier nine months', type: 'DURATION', value: 'P9M' }]);
    // the first two quarters of a year are its first half; other counts leave the year beside the stretch
    expect(one('Weakness will last through the first two quarters of 1990. In the first nine months of 1989, net rose.', 'en', '1989-10-27').map((t) => [t.text, t.value])).toEqual([
      ['the first two quarters of 1990', '1990-H1'],
      ['the first nine months', 'P9M'],
      ['1989', '1989'],
    ]);
  });

  it('writes centuries and decades in durations with the TimeML letters', () => {
    expect(one('The mosque dominated the skyline for centuries. For decades, exiles were silent.', 'en', '1998-01-21').map((t) => t.value)).toEqual(['PXC', 'PXE']);
    expect(one('two decades', 'en', '1998-01-21')[0].value).toBe('P20Y');
  });

  it('annotates the date of an English dateline (TempEval-3 does)', () => {
    expect(one('BRUSSELS, February 10 (Xinhua) -- NATO said', 'en', '1999-02-10')).toEqual([{ text: 'February 10', type: 'DATE', value: '1999-02-10' }]);
  });

  it('does not read a quoted title as a time', () => {
    expect(one('Baker said on ABC-TV\'s "This Week With David Brinkley" that', 'en', dct)).toEqual([]);
    expect(one('This week, sales rose.', 'en', dct)[0].value).toBe('1989-W44');
  });

  it('reads a coordinated day, a clock hour with its part of the day, the full year and Election Day', () => {
    expect(one('the summit on April 24 and 25.', 'en', '1999-02-10').map((t) => [t.text, t.value])).toEqual([['April 24', '1999-04-24'], ['25', '1999-04-25']]);
    expect(one('He will leave at 4 in the morning.', 'en', dct)).toEqual([{ text: '4 in the morning', type: 'TIME', value: '1989-10-30T04:00' }]);
    expect(one('Sales for the full year were $6.6 billion.', 'en', dct)).toEqual([{ text: 'the full year', type: 'DATE', value: '1989' }]);
    expect(one("It's the second day of an offensive.", 'en', '1998-03-06')).toEqual([{ text: 'the second day', type: 'DATE', value: '1998-03-06' }]);
    expect(one('a theme of our campaign from now to Election Day.', 'en', '1998-10-26')[1]).toMatchObject({ text: 'Election Day', value: '1998-11-03' });
  });

  it('does not read names, ordinals and figures of speech as times', () => {
    expect(one('This is VOA Today.', 'en', dct)).toEqual([]);
    expect(one('A second group of directors sold.', 'en', dct)).toEqual([]);
    expect(one('I would have chosen the people of tomorrow.', 'en', dct)).toEqual([]);
    expect(one('Today, shares rose.', 'en', dct)[0].value).toBe('1989-10-30');
  });

  it('does not read ages or prices as times', () => {
    expect(one('the 6-year-old boy paid $3.625 a share', 'en', dct)).toEqual([]);
    // TimeML: 'former(ly)' qualifies a role, it does not name a time
    expect(one('Robert F. Angelo, formerly senior vice president, joined', 'en', dct)).toEqual([]);
  });
});
