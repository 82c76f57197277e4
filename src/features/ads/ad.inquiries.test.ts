import { describe, expect, it } from 'vitest';
import { checkInquiry, countLinks } from './ad.inquiries.js';
import { checkFormStamp, createAddressLimiter, issueFormStamp } from './ad.inquiries.form.js';

const ok = { name: 'Priya Menon', email: 'priya@menon.example', message: 'Home page rectangle for Diwali, please.' };

describe('inquiry fields', () => {
  it('accepts a minimal inquiry and tidies spaces, case and control characters', () => {
    const { value, problems } = checkInquiry({ ...ok, name: ' Priya \t Menon\u0007 ', email: ' PRIYA@Menon.Example ' });
    expect(problems).toEqual({});
    expect(value).toMatchObject({ name: 'Priya Menon', email: 'priya@menon.example', company: '', phone: '', budget: '' });
  });

  it('lists every problem by field at once', () => {
    const { problems } = checkInquiry({ name: '', email: 'not-an-address', phone: 'call me', message: 'hi' });
    expect(Object.keys(problems).sort()).toEqual(['email', 'message', 'name', 'phone']);
    expect(problems.email).toMatch(/email address/);
  });

  it('refuses a message with more than two links, counting bare www. hosts and anchors', () => {
    expect(countLinks('see https://a.example and www.b.example and <a href="x">c</a>')).toBe(3);
    expect(checkInquiry({ ...ok, message: 'Our site https://menon.example and www.menon.example/diwali' }).problems).toEqual({});
    expect(checkInquiry({ ...ok, message: 'http://a.example http://b.example http://c.example' }).problems.message).toMatch(/at most 2 links/);
  });

  it('refuses over-long fields and ignores values that are not text', () => {
    expect(checkInquiry({ ...ok, message: 'x'.repeat(5001) }).problems.message).toMatch(/under 5000/);
    expect(checkInquiry({ ...ok, company: 'c'.repeat(201) }).problems.company).toBeDefined();
    expect(checkInquiry({ ...ok, name: ['Priya'] }).problems.name).toBe('Please tell us your name.');
  });
});

describe('form time stamp', () => {
  const secret = 'test-secret';
  const issued = new Date('2026-11-20T09:00:00.000Z');
  const after = (ms: number) => new Date(issued.getTime() + ms);

  it('accepts a form sent back between 3 seconds and a day after it was issued', () => {
    const stamp = issueFormStamp(secret, issued);
    expect(checkFormStamp(secret, stamp, after(1_000))).toBe('too-fast');
    expect(checkFormStamp(secret, stamp, after(3_000))).toBe('ok');
    expect(checkFormStamp(secret, stamp, after(23 * 3_600_000))).toBe('ok');
    expect(checkFormStamp(secret, stamp, after(25 * 3_600_000))).toBe('expired');
  });

  it('refuses a stamp signed with another secret, altered, or missing', () => {
    const stamp = issueFormStamp(secret, issued);
    expect(checkFormStamp('other', stamp, after(10_000))).toBe('invalid');
    const older = `${(issued.getTime() - 60_000).toString(36)}.${stamp.split('.')[1]}`;
    expect(checkFormStamp(secret, older, after(10_000))).toBe('invalid');
    expect(checkFormStamp(secret, undefined, after(10_000))).toBe('invalid');
    expect(checkFormStamp(secret, 'garbage', after(10_000))).toBe('invalid');
  });
});

describe('address limiter', () => {
  it('allows five an hour per address, then refuses until the oldest leaves the window', () => {
    const limiter = createAddressLimiter();
    const t0 = new Date('2026-11-20T09:00:00.000Z');
    for (let i = 0; i < 5; i++) expect(limiter.take('10.0.0.1', new Date(t0.getTime() + i * 60_000))).toBe(true);
    expect(limiter.take('10.0.0.1', new Date(t0.getTime() + 10 * 60_000))).toBe(false);
    expect(limiter.retryAfterSeconds('10.0.0.1', new Date(t0.getTime() + 10 * 60_000))).toBe(50 * 60);
    expect(limiter.take('10.0.0.2', t0)).toBe(true);
    expect(limiter.take('10.0.0.1', new Date(t0.getTime() + 60 * 60_000))).toBe(true);
  });

  it('holds a bounded number of addresses under a flood of distinct ones', () => {
    const limiter = createAddressLimiter({ limit: 1, maxKeys: 100 });
    const t0 = new Date('2026-11-20T09:00:00.000Z');
    for (let i = 0; i < 1000; i++) expect(limiter.take(`10.0.${i >> 8}.${i & 255}`, t0)).toBe(true);
    // The earliest addresses were forgotten to make room, so they may try again.
    expect(limiter.take('10.0.0.0', t0)).toBe(true);
    expect(limiter.take('10.0.3.231', t0)).toBe(false);
  });
});
