import { beforeEach, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/db.js';
import { fixedClock } from '../../lib/clock.js';
import { createInquiryService, type InquiryService } from './ad.inquiries.service.js';

const valid = {
  name: 'Priya Menon',
  company: 'Menon Jewellers',
  email: 'Priya@Menon.example',
  phone: '+91 98765 43210',
  budget: '₹2 lakh',
  message: 'We would like the home page rectangle for the Diwali fortnight.',
};

describeEachDb('ad inquiry service', (ctx) => {
  let clock = fixedClock('2026-11-20T09:00:00.000Z');
  let inquiries: InquiryService;

  beforeEach(async () => {
    clock = fixedClock('2026-11-20T09:00:00.000Z');
    await ctx().db.deleteFrom('ad_inquiries').execute();
    inquiries = createInquiryService({ db: ctx().db, clock });
  });

  it('stores an inquiry as new, tidied, and reads it back', async () => {
    const created = await inquiries.create({ ...valid, name: '  Priya   Menon ' });
    expect(created).toMatchObject({
      name: 'Priya Menon',
      email: 'priya@menon.example',
      status: 'new',
      notes: '',
      createdAt: '2026-11-20T09:00:00.000Z',
      updatedAt: '2026-11-20T09:00:00.000Z',
    });
    expect(await inquiries.get(created.id)).toEqual(created);
  });

  it('refuses an inquiry without an email, naming the field', async () => {
    await expect(inquiries.create({ ...valid, email: '' })).rejects.toMatchObject({ kind: 'invalid', code: 'AD_INQUIRY_INVALID', field: 'email' });
    await expect(inquiries.create({ ...valid, message: 'see https://a.example https://b.example https://c.example for it' })).rejects.toMatchObject({ field: 'message' });
    expect(await inquiries.list()).toEqual([]);
  });

  it('lists newest first and by status, and counts each status', async () => {
    const first = await inquiries.create(valid);
    clock.advance(60_000);
    const second = await inquiries.create({ ...valid, name: 'Arjun Rao' });
    await inquiries.update(first.id, { status: 'contacted' });
    expect((await inquiries.list()).map((i) => i.id)).toEqual([second.id, first.id]);
    expect((await inquiries.list({ status: 'contacted' })).map((i) => i.id)).toEqual([first.id]);
    expect((await inquiries.list({ status: 'new' })).map((i) => i.name)).toEqual(['Arjun Rao']);
    expect((await inquiries.list({ limit: 1, beforeId: second.id })).map((i) => i.id)).toEqual([first.id]);
    expect(await inquiries.counts()).toEqual({ new: 1, contacted: 1, won: 0, lost: 0 });
    await expect(inquiries.list({ status: 'archived' })).rejects.toMatchObject({ code: 'AD_INQUIRY_STATUS_INVALID', field: 'status' });
  });

  it('moves a lead along and keeps notes, stamping the update time', async () => {
    const lead = await inquiries.create(valid);
    clock.advance(3_600_000);
    const won = await inquiries.update(lead.id, { status: 'won', notes: '  Booked 2 weeks of home-1.\r\nInvoice sent. ' });
    expect(won).toMatchObject({ status: 'won', notes: 'Booked 2 weeks of home-1.\nInvoice sent.', updatedAt: '2026-11-20T10:00:00.000Z', createdAt: lead.createdAt });
    expect(await inquiries.update(lead.id, { notes: 'Renewal in March.' })).toMatchObject({ status: 'won', notes: 'Renewal in March.' });
  });

  it('refuses an unknown status, over-long notes and an unknown inquiry', async () => {
    const lead = await inquiries.create(valid);
    await expect(inquiries.update(lead.id, { status: 'spam' as never })).rejects.toMatchObject({ code: 'AD_INQUIRY_STATUS_INVALID' });
    await expect(inquiries.update(lead.id, { notes: 'x'.repeat(10_001) })).rejects.toMatchObject({ code: 'AD_INQUIRY_NOTES_TOO_LONG', field: 'notes' });
    await expect(inquiries.update(999_999, { status: 'lost' })).rejects.toMatchObject({ kind: 'not_found', code: 'AD_INQUIRY_NOT_FOUND' });
    expect((await inquiries.get(lead.id)).status).toBe('new');
  });
});
