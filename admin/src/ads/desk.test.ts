import { describe, expect, it } from 'vitest';
import { AD_SIZES as SERVER_SIZES, AD_SLOTS as SERVER_SLOTS } from '../../../src/features/ads/ad.slots.js';
import { AD_SIZES, AD_SLOTS, type Inquiry } from './ads.js';
import { campaignStatusFrom, campaignsPath, checkNetwork, checkRateCard, EMPTY_ROW, inquiriesPath, inquiryTabFrom, mailtoHref, moveRow, networkForm, newestFirst, rateCardForm, telHref } from './desk.js';

describe('what the app duplicates from the server', () => {
  it('knows the same slots and sizes', () => {
    expect(AD_SLOTS).toEqual(SERVER_SLOTS);
    expect([...AD_SIZES]).toEqual([...SERVER_SIZES]);
  });
});

describe('filters in the address', () => {
  it('reads a known campaign status and ignores anything else', () => {
    expect(campaignStatusFrom({ status: 'paused' })).toBe('paused');
    expect(campaignStatusFrom({ status: 'bogus' })).toBe('');
    expect(campaignsPath('')).toBe('/newsroom/ads');
    expect(campaignsPath('active')).toBe('/newsroom/ads?status=active');
  });

  it('opens the inbox on new inquiries', () => {
    expect(inquiryTabFrom({})).toBe('new');
    expect(inquiryTabFrom({ status: 'won' })).toBe('won');
    expect(inquiryTabFrom({ status: 'spam' })).toBe('new');
    expect(inquiriesPath('new')).toBe('/newsroom/ads/inquiries');
    expect(inquiriesPath('lost')).toBe('/newsroom/ads/inquiries?status=lost');
  });
});

describe('inquiry inbox', () => {
  const inquiry = (id: number, createdAt: string): Inquiry => ({ id, name: 'A', company: '', email: '', phone: '', budget: '', message: '', status: 'new', notes: '', createdAt, updatedAt: createdAt });
  it('lists the newest first', () => {
    const items = [inquiry(1, '2026-11-01T10:00:00Z'), inquiry(3, '2026-11-03T10:00:00Z'), inquiry(2, '2026-11-03T10:00:00Z')];
    expect(newestFirst(items).map((i) => i.id)).toEqual([3, 2, 1]);
  });

  it('links plausible addresses and numbers only', () => {
    expect(mailtoHref(' ads@shop.example ')).toBe('mailto:ads@shop.example');
    expect(mailtoHref('ads@shop.example?subject=x')).toBeNull();
    expect(mailtoHref('not an address')).toBeNull();
    expect(telHref('+91 98765-43210')).toBe('tel:+919876543210');
    expect(telHref('call me')).toBeNull();
  });
});

describe('rate card', () => {
  it('fills the form from the card, prices as text, other ways only when the server keeps them', () => {
    const form = rateCardForm({ intro: 'Hi', rows: [{ placement: 'Top', size: '728x90', price: 250, unit: 'CPM', notes: '' }], more: ['Print', 'Classifieds'] });
    expect(form).toEqual({ intro: 'Hi', rows: [{ placement: 'Top', size: '728x90', price: '250', unit: 'CPM', notes: '' }], more: 'Print\nClassifieds' });
    expect(rateCardForm({ intro: '', rows: [] }).more).toBeNull();
    const checked = checkRateCard({ ...rateCardForm({ intro: '', rows: [] }), rows: [{ ...EMPTY_ROW, placement: 'Top', price: 'On request' }] });
    expect(checked).toEqual({ ok: true, card: { intro: '', rows: [{ placement: 'Top', size: '', price: 'On request', unit: 'CPM', notes: '' }] } });
  });

  it('drops unused rows and blank lines, trims the rest', () => {
    const form = { intro: ' Reach our readers. ', rows: [{ placement: ' Top ', size: '728x90', price: '₹400', unit: 'CPM', notes: '' }, { ...EMPTY_ROW }], more: 'Print\n\n  Classifieds ' };
    expect(checkRateCard(form)).toEqual({ ok: true, card: { intro: 'Reach our readers.', rows: [{ placement: 'Top', size: '728x90', price: '₹400', unit: 'CPM', notes: '' }], more: ['Print', 'Classifieds'] } });
  });

  it('needs a placement and a price in each row, and one row at least', () => {
    expect(checkRateCard({ intro: '', rows: [{ ...EMPTY_ROW, size: '300x250' }], more: '' })).toEqual({
      ok: false,
      rows: [{ placement: 'Name the placement.', price: 'Give a price, or words such as “On request”.' }],
    });
    expect(checkRateCard({ intro: '', rows: [{ ...EMPTY_ROW }], more: '' })).toEqual({ ok: false, rows: [], form: 'The rate card needs at least one placement.' });
  });

  it('moves rows up and down within the list', () => {
    expect(moveRow(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveRow(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});

describe('network fallbacks', () => {
  it('fills a form for every slot and sends null for the ones switched off', () => {
    const form = networkForm({ slots: { top: { network: 'gam', unitPath: '/123/dl/top', sizes: ['728x90'] } } });
    expect(form['top']).toEqual({ enabled: true, unitPath: '/123/dl/top', sizes: ['728x90'] });
    expect(form['rail']).toEqual({ enabled: false, unitPath: '', sizes: ['300x250'] });
    expect(checkNetwork(form)).toEqual({
      ok: true,
      body: { slots: { top: { network: 'gam', unitPath: '/123/dl/top', sizes: ['728x90'] }, rail: null, 'in-article': null, 'home-1': null, 'home-2': null } },
    });
  });

  it('wants a unit path and a size the slot can show', () => {
    const form = networkForm({ slots: {} });
    form['rail'] = { enabled: true, unitPath: 'dateline/rail', sizes: ['300x250'] };
    form['top'] = { enabled: true, unitPath: '/123/dl/top', sizes: ['300x250'] };
    expect(checkNetwork(form)).toEqual({ ok: false, errors: { rail: 'An ad unit path such as /1234567/dateline/top.', top: 'Choose at least one size.' } });
  });
});
