import { describe, expect, it } from 'vitest';
import { wireFixture } from '../fixtures/index.js';
import { parseWireFile } from './index.js';

const parse = (name: string) => parseWireFile(wireFixture(name));

describe('IPTC 7901 / ANPA 1312', () => {
  it('reads the header (priority, category, slug) and the body paragraphs of a normal transmission', () => {
    const [item] = parse('7901/normal.txt');
    expect(item).toMatchObject({ format: 'iptc7901', headline: 'India win series 3-1', urgency: 5, pubStatus: 'usable', isCorrection: false, keywords: ['Cricket-India'], version: 42 });
    expect(item?.subjects).toEqual([{ code: 'anpa:i', name: 'International news' }]);
    expect(item?.bodyText).toBe('NEW DELHI, Nov 28 (PTI) India beat Australia by six wickets on Friday to take the series 3-1.\n\nThe captain praised the bowlers.\n\nPTI XYZ');
  });

  it('keys a kill and a correction to the same story as the original, as newer versions', () => {
    const [normal] = parse('7901/normal.txt');
    const [kill] = parse('7901/kill.txt');
    const [correction] = parse('7901/correction.txt');
    expect(kill?.guid).toBe(normal?.guid);
    expect(correction?.guid).toBe(normal?.guid);
    expect(kill).toMatchObject({ pubStatus: 'canceled', urgency: 2 });
    expect(kill!.version).toBeGreaterThan(normal!.version);
    expect(correction).toMatchObject({ isCorrection: true, pubStatus: 'usable', standfirst: 'CORRECTS margin to six wickets, not five' });
    expect(correction?.bodyText).not.toContain('CORRECTS');
  });

  it('splits several messages in one file and ignores padding control characters', () => {
    const one = '\u0001AFP0007 4 pol 0100\nFRANCE-VOTE\n\u0002Vote count delayed\n\nPARIS, Nov 28 (AFP) - Counting was delayed.\n\u0003\u0004';
    const two = '\u0001AFP0008 1 pol 0050\nFRANCE-RESULT\n\u0002\u0016\u0016Result due\n\nPARIS (AFP) - The result is due at noon.\n\u0003\u0004';
    const items = parseWireFile(Buffer.from(one + two));
    expect(items.map((i) => [i.guid, i.urgency, i.headline])).toEqual([
      ['urn:iptc7901:afp:undated:france-vote', 4, 'Vote count delayed'],
      ['urn:iptc7901:afp:undated:france-result', 1, 'Result due'],
    ]);
  });

  it('refuses a transmission with no text at all, and calls a file of control characters empty', () => {
    expect(() => parseWireFile(Buffer.from('\u0001\u0002\u0003\u0004'))).toThrow(expect.objectContaining({ code: 'WIRE_EMPTY' }) as Error);
    expect(() => parseWireFile(Buffer.from('\u0001 0345 \u0002 \u0003\u0004'))).toThrow(expect.objectContaining({ code: 'WIRE_INVALID_ITEM' }) as Error);
  });
});

describe('unframed plain text', () => {
  it('reads a .txt drop without control characters as one story, its first short line the headline', () => {
    const [item] = parseWireFile(Buffer.from('Council approves budget\n\nKOCHI: The council approved the budget on Friday.\n\nIt takes effect in April.\n'), { filename: 'budget.txt' });
    expect(item).toMatchObject({ headline: 'Council approves budget', keywords: [], version: 1 });
    expect(item?.bodyText).toBe('KOCHI: The council approved the budget on Friday.\n\nIt takes effect in April.');
    expect(item?.guid).toMatch(/^urn:iptc7901:wire:undated:/);
  });
});
