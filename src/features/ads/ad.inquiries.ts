/**
 * Inquiries from the "Advertise with us" form: the domain type, the field rules
 * (all problems at once, so the form shows each beside its field) and the
 * mapper from rows. Pure.
 */
import type { AdInquiryRow } from '../../db/schema.ads.js';

export const INQUIRY_STATUSES = ['new', 'contacted', 'won', 'lost'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

export function isInquiryStatus(s: unknown): s is InquiryStatus {
  return typeof s === 'string' && (INQUIRY_STATUSES as readonly string[]).includes(s);
}

export interface Inquiry {
  id: number;
  name: string;
  company: string;
  email: string;
  phone: string;
  budget: string;
  message: string;
  status: InquiryStatus;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface InquiryInput {
  name: string;
  company: string;
  email: string;
  phone: string;
  budget: string;
  message: string;
}

export const INQUIRY_FIELDS = ['name', 'company', 'email', 'phone', 'budget', 'message'] as const;
export type InquiryField = (typeof INQUIRY_FIELDS)[number];

/** Field lengths (characters), matching the columns of ad_inquiries. */
export const INQUIRY_LIMITS = {
  name: 200,
  company: 200,
  email: 320,
  phone: 50,
  budget: 100,
  message: 5000,
  notes: 10_000,
} as const;
export const MESSAGE_MIN = 10;
/** More links than this in a message is what spam looks like; a real brief links a site or two. */
export const MAX_LINKS = 2;

// A pragmatic shape check (one @, a dot in the domain, no spaces); the reply is what proves an address.
const EMAIL_RE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;
const PHONE_RE = /^\+?[0-9 ()./-]{6,}$/;
const LINK_RE = /\bhttps?:\/\/|\bwww\.|\[url\b|<a\s/gi;
// Control characters other than tab and newline never belong in a form field.
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Links in a text: http(s) URLs, bare www. hosts, BBCode and HTML anchors. */
export function countLinks(text: string): number {
  return (text.match(LINK_RE) ?? []).length;
}

function clean(value: unknown, multiline = false): string {
  if (typeof value !== 'string') return '';
  const s = value.replace(/\r\n?/g, '\n').replace(CONTROL_RE, '');
  return multiline ? s.trim() : s.replace(/\s+/g, ' ').trim();
}

export type InquiryProblems = Partial<Record<InquiryField, string>>;

/** Tidies the submitted fields and lists every problem by field (empty when the inquiry can be stored). */
export function checkInquiry(raw: Readonly<Record<string, unknown>>): { value: InquiryInput; problems: InquiryProblems } {
  const value: InquiryInput = {
    name: clean(raw['name']),
    company: clean(raw['company']),
    email: clean(raw['email']).toLowerCase(),
    phone: clean(raw['phone']),
    budget: clean(raw['budget']),
    message: clean(raw['message'], true),
  };
  const problems: InquiryProblems = {};
  if (value.name === '') problems.name = 'Please tell us your name.';
  else if (value.name.length > INQUIRY_LIMITS.name) problems.name = `Please keep your name under ${INQUIRY_LIMITS.name} characters.`;
  if (value.company.length > INQUIRY_LIMITS.company) problems.company = `Please keep the company name under ${INQUIRY_LIMITS.company} characters.`;
  if (value.email === '') problems.email = 'Please give an email address so we can reply.';
  else if (value.email.length > INQUIRY_LIMITS.email || !EMAIL_RE.test(value.email)) problems.email = 'This does not look like an email address, e.g. name@example.com.';
  if (value.phone !== '' && (value.phone.length > INQUIRY_LIMITS.phone || !PHONE_RE.test(value.phone))) {
    problems.phone = 'Please give a phone number with digits only (spaces, +, - and brackets are fine), or leave it empty.';
  }
  if (value.budget.length > INQUIRY_LIMITS.budget) problems.budget = `Please keep the budget under ${INQUIRY_LIMITS.budget} characters.`;
  if (value.message.length < MESSAGE_MIN) problems.message = `Please tell us a little about what you would like to advertise (at least ${MESSAGE_MIN} characters).`;
  else if (value.message.length > INQUIRY_LIMITS.message) problems.message = `Please keep the message under ${INQUIRY_LIMITS.message} characters; we will ask for the details.`;
  else if (countLinks(value.message) > MAX_LINKS) problems.message = `Please include at most ${MAX_LINKS} links in the message.`;
  return { value, problems };
}

export function toInquiry(row: AdInquiryRow): Inquiry {
  return {
    id: row.id,
    name: row.name,
    company: row.company,
    email: row.email,
    phone: row.phone,
    budget: row.budget,
    message: row.message,
    status: isInquiryStatus(row.status) ? row.status : 'new',
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
