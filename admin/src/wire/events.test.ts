import { describe, expect, it } from 'vitest';
import { parseWireEvent } from './events.js';

describe('live wire events', () => {
  it('reads live events in either shape and refuses junk', () => {
    const item = { id: 3, headline: 'Quake', version: 1, receivedAt: '2026-11-29T10:00:00Z', subjects: ['World'] };
    expect(parseWireEvent('item', JSON.stringify({ type: 'item', item }))).toMatchObject({ type: 'item', item: { id: 3, headline: 'Quake', datelinePlace: '' } });
    expect(parseWireEvent('item', JSON.stringify(item))).toMatchObject({ type: 'item', item: { id: 3 } });
    expect(parseWireEvent('refusal', JSON.stringify({ refusal: { id: 1, code: 'WIRE_DOCTYPE', message: 'No DTDs.', filename: 'a.xml' } }))).toMatchObject({
      type: 'refusal',
      refusal: { code: 'WIRE_DOCTYPE' },
    });
    expect(parseWireEvent('alert', JSON.stringify({ type: 'alert', message: 'Killed', wireItemId: 3, articleId: 9 }))).toEqual({
      type: 'alert',
      alert: { message: 'Killed', wireItemId: 3, articleId: 9 },
    });
    expect(parseWireEvent('item', '{not json')).toBeNull();
    expect(parseWireEvent('item', JSON.stringify({ id: 'x' }))).toBeNull();
    expect(parseWireEvent('ping', '{}')).toBeNull();
  });
});
