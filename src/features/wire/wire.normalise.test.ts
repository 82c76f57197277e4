import { describe, expect, it } from 'vitest';
import { bodyToPlainText } from '../articles/index.js';
import { emptyItem } from './formats/common.js';
import { liftDateline, stripSignOff } from './wire.dateline.js';
import { normaliseWireItem } from './wire.normalise.js';
import type { ParsedWireItem } from './wire.item.js';

const SOURCE = { agency: 'AFP', credit: 'AFP via Dateline' };

function item(patch: Partial<ParsedWireItem>): ParsedWireItem {
  return { ...emptyItem('ninjs', 'urn:test:1'), headline: 'Headline', ...patch };
}

describe('liftDateline', () => {
  const cases: [string, { place: string; date: string | null; agency: string | null; rest: string }][] = [
    ['GENEVA, March 3, 2025 (AFP) – The talks ended.', { place: 'Geneva', date: '2025-03-03', agency: 'AFP', rest: 'The talks ended.' }],
    ['LONDON (Reuters) - Shares fell.', { place: 'London', date: null, agency: 'Reuters', rest: 'Shares fell.' }],
    ['NEW DELHI, Nov 28 (PTI) The session begins.', { place: 'New Delhi', date: '2025-11-28', agency: 'PTI', rest: 'The session begins.' }],
    ['Mumbai, Nov 28 (IANS) Trains ran late.', { place: 'Mumbai', date: '2025-11-28', agency: 'IANS', rest: 'Trains ran late.' }],
    ['WASHINGTON (AP) — The Senate voted.', { place: 'Washington', date: null, agency: 'AP', rest: 'The Senate voted.' }],
    ['BELEM, Brazil, Nov 28 (AFP) - Talks ran late.', { place: 'Belem', date: '2025-11-28', agency: 'AFP', rest: 'Talks ran late.' }],
    ['MOSCOW, Monday (Reuters)', { place: 'Moscow', date: null, agency: 'Reuters', rest: '' }],
    ['NEW DELHI: The government said.', { place: 'New Delhi', date: null, agency: null, rest: 'The government said.' }],
    ['New Delhi, Nov 28: The government said.', { place: 'New Delhi', date: '2025-11-28', agency: null, rest: 'The government said.' }],
    ['SAN FRANCISCO — Apple said.', { place: 'San Francisco', date: null, agency: null, rest: 'Apple said.' }],
    ['OSLO (NTB) - Snow fell.', { place: 'Oslo', date: null, agency: 'NTB', rest: 'Snow fell.' }],
    ['THE HAGUE (Reuters) - Judges ruled.', { place: 'The Hague', date: null, agency: 'Reuters', rest: 'Judges ruled.' }],
  ];
  for (const [text, expected] of cases) {
    it(`lifts "${text.slice(0, 40)}"`, () => {
      expect(liftDateline(text, '2025-11-28T10:00:00Z')).toEqual(expected);
    });
  }

  it('dates a dateline without a year by the item time, across new year', () => {
    expect(liftDateline('PARIS, Dec 31 (AFP) - x', '2026-01-01T01:00:00Z').date).toBe('2025-12-31');
    expect(liftDateline('PARIS, Dec 31 (AFP) - x', null).date).toBeNull();
  });

  const notDatelines = [
    'Paris, the capital, was calm on Monday.',
    'London, Ontario, is not London.',
    'Obama said (AFP) it was over.',
    'URGENT - Quake hits Japan',
    'NATO — The alliance met.',
    'Note: figures are provisional.',
    'Mumbai is India\'s financial capital (IANS reported).',
    'The minister (PTI) said.',
    'Berlin, which was divided, celebrated (dpa) today.',
    'Congress (INC) leaders met on Friday.',
    'Apple (AAPL) shares rose.',
    'The Associated Press (AP) reported it first.',
    'THE GOVERNMENT — as expected — resigned.',
  ];
  for (const text of notDatelines) {
    it(`leaves "${text}" alone`, () => {
      expect(liftDateline(text)).toEqual({ place: null, date: null, agency: null, rest: text });
    });
  }
});

describe('stripSignOff', () => {
  const cases: [string, string | null, string][] = [
    ['The text ends here. — AFP', 'AFP', 'The text ends here.'],
    ['The text ends here. -- Reuters', 'Reuters', 'The text ends here.'],
    ['He said so. PTI ABC DEF', 'PTI', 'He said so.'],
    ['He said so. (Reporting by Jane Doe; Editing by John Roe)', 'Reuters', 'He said so.'],
    ['A deal is expected. xx/yy/zz', null, 'A deal is expected.'],
    ['A deal is expected. bur-jm/dc', null, 'A deal is expected.'],
    ['--IANS', 'IANS', ''],
    ['PTI ABC DEF', 'PTI', ''],
    ['The end. -- Reuters (Reporting by A; Editing by B)', 'Reuters', 'The end.'],
  ];
  for (const [text, agency, rest] of cases) {
    it(`strips the sign-off of "${text}"`, () => {
      expect(stripSignOff(text)).toEqual({ agency, rest });
    });
  }

  for (const text of ['He met John Smith - the mayor', 'It was a well-known anti-AP campaign', 'They voted and/or abstained in 24/7 sessions.', 'A plain ending.']) {
    it(`leaves "${text}" alone`, () => {
      expect(stripSignOff(text)).toEqual({ agency: null, rest: text });
    });
  }
});

describe('normaliseWireItem', () => {
  it('lifts the dateline off the first paragraph and the sign-off off the last, keeping marks, and credits the agency', () => {
    const n = normaliseWireItem(item({
      bodyHtml: '<p><b>GENEVA</b>, March 3 (AFP) – The <i>talks</i> ended.</p><p>More text.</p><p>The end. — AFP</p><p>xx/yy</p>',
      versionCreated: '2025-03-03T10:00:00Z',
    }), SOURCE);
    expect(n.datelinePlace).toBe('Geneva');
    expect(n.datelineDate).toBe('2025-03-03');
    expect(n.credit).toBe('AFP');
    expect(n.body.content[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'The ' }, { type: 'text', text: 'talks', marks: [{ type: 'italic' }] }, { type: 'text', text: ' ended.' }] });
    expect(bodyToPlainText(n.body)).toBe('The talks ended.\n\nMore text.\n\nThe end.');
  });

  it('turns plain text into paragraphs and strips a PTI sign-off paragraph', () => {
    const n = normaliseWireItem(item({ bodyText: 'NEW DELHI, Nov 28 (PTI) First.\n\nSecond line\nwith a break.\n\nPTI ABC DEF', versionCreated: '2025-11-28T01:00:00Z' }), SOURCE);
    expect(bodyToPlainText(n.body)).toBe('First.\n\nSecond line\nwith a break.');
    expect(n).toMatchObject({ datelinePlace: 'New Delhi', datelineDate: '2025-11-28', credit: 'PTI' });
  });

  it('prefers the structured place and date, then the credit line, then the source credit', () => {
    const withLine = normaliseWireItem(item({ bodyText: 'Just copy.', datelinePlace: 'Kochi', datelineDate: '2025-01-02', creditLine: 'Small Agency' }), SOURCE);
    expect(withLine).toMatchObject({ datelinePlace: 'Kochi', datelineDate: '2025-01-02', credit: 'Small Agency' });
    expect(normaliseWireItem(item({ bodyText: 'Just copy.' }), SOURCE).credit).toBe('AFP via Dateline');
  });

  it('never strips a sentence that merely starts with a capitalised city name', () => {
    const n = normaliseWireItem(item({ bodyText: 'Paris, the capital, was calm.\n\nNothing else.' }), SOURCE);
    expect(bodyToPlainText(n.body)).toBe('Paris, the capital, was calm.\n\nNothing else.');
    expect(n.datelinePlace).toBe('');
  });

  it('maps urgency to priority, dedupes subjects, trims text and defaults the language', () => {
    const n = normaliseWireItem(item({
      headline: '  Two\n spaces\u0007 ', urgency: 2, subjects: [{ code: 'a', name: 'Politics' }, { code: null, name: 'politics' }, { code: null, name: ' World ' }],
      keywords: ['x', 'x', ' '], byline: 'By Jane Doe',
    }), SOURCE);
    expect(n).toMatchObject({ headline: 'Two spaces', priority: 2, subjects: ['Politics', 'World'], keywords: ['x'], language: 'en', byline: 'Jane Doe' });
    expect(normaliseWireItem(item({}), SOURCE).priority).toBe(5);
  });
});
