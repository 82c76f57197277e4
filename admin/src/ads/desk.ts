/**
 * The ad-ops desk's pure pieces: list filters as they sit in the address,
 * the inquiry inbox's order and links, the rate card's and the network
 * fallbacks' checks and bodies.
 */
import { AD_SLOTS, AD_SLOT_KINDS, CAMPAIGN_STATUSES, INQUIRY_STATUSES, type Inquiry, type InquiryStatus, type NetworkSettings, type NetworkTag, type RateCard } from './ads.js';

/** '/newsroom/ads?status=active' → 'active'; anything else → '' (every status). */
export function campaignStatusFrom(query: Readonly<Record<string, string>>): string {
  const s = query['status'] ?? '';
  return (CAMPAIGN_STATUSES as readonly string[]).includes(s) ? s : '';
}

export function campaignsPath(status: string): string {
  return status ? `/newsroom/ads?status=${encodeURIComponent(status)}` : '/newsroom/ads';
}

/** The inbox opens on "new". */
export function inquiryTabFrom(query: Readonly<Record<string, string>>): InquiryStatus {
  const s = query['status'] ?? '';
  return (INQUIRY_STATUSES as readonly string[]).includes(s) ? (s as InquiryStatus) : 'new';
}

export function inquiriesPath(status: InquiryStatus): string {
  return status === 'new' ? '/newsroom/ads/inquiries' : `/newsroom/ads/inquiries?status=${status}`;
}

/** Newest first; equal times by id, newest id first. */
export function newestFirst(items: readonly Inquiry[]): Inquiry[] {
  return [...items].sort((a, b) => (a.createdAt === b.createdAt ? b.id - a.id : a.createdAt < b.createdAt ? 1 : -1));
}

/** A mailto: link for a plausible address, null for anything else (shown as plain text then). */
export function mailtoHref(email: string): string | null {
  const e = email.trim();
  return /^[^\s@<>"'?&]+@[^\s@<>"'?&]+\.[^\s@<>"'?&]+$/.test(e) ? `mailto:${e}` : null;
}

/** A tel: link from the digits and a leading +, null when there are too few digits to call. */
export function telHref(phone: string): string | null {
  const digits = phone.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  return digits.replace('+', '').length >= 5 ? `tel:${digits}` : null;
}

// ---- rate card ----

/** A rate card row as its inputs hold it (the price as typed). */
export interface RowForm {
  placement: string;
  size: string;
  price: string;
  unit: string;
  notes: string;
}

export interface RateCardForm {
  intro: string;
  rows: RowForm[];
  /** One line per other way to advertise; null when the server's card has no such list. */
  more: string | null;
}

export const EMPTY_ROW: RowForm = { placement: '', size: '', price: '', unit: 'CPM', notes: '' };

/** The admin API's limits (src/features/ads/ad.settings.ts). */
export const RATE_CARD_LIMITS = { rows: 50, placement: 200, size: 200, price: 200, unit: 200, notes: 200, intro: 2000, line: 2000 } as const;

export function rateCardForm(card: RateCard): RateCardForm {
  return { intro: card.intro, rows: card.rows.map((r) => ({ ...r, price: String(r.price) })), more: Array.isArray(card.more) ? card.more.join('\n') : null };
}

export type RowErrors = Partial<Record<keyof RowForm, string>>;

export type CheckedCard = { ok: true; card: RateCard } | { ok: false; rows: RowErrors[]; intro?: string; more?: string; form?: string };

/** The card to save (text trimmed, unused rows dropped) or the problems, per row. */
export function checkRateCard(form: RateCardForm): CheckedCard {
  const rows = form.rows
    .map((r) => ({ placement: r.placement.trim(), size: r.size.trim(), price: r.price.trim(), unit: r.unit.trim(), notes: r.notes.trim() }))
    // a row with nothing but its unit is an unused row, not a mistake
    .filter((r) => r.placement !== '' || r.size !== '' || r.price !== '' || r.notes !== '');
  const problems: RowErrors[] = rows.map((r) => {
    const e: RowErrors = {};
    if (!r.placement) e.placement = 'Name the placement.';
    if (!r.price) e.price = 'Give a price, or words such as “On request”.';
    for (const k of ['placement', 'size', 'price', 'unit', 'notes'] as const) if (r[k].length > RATE_CARD_LIMITS[k]) e[k] = `At most ${RATE_CARD_LIMITS[k]} characters.`;
    return e;
  });
  const more = form.more === null ? null : form.more.split('\n').map((l) => l.trim()).filter(Boolean);
  const out: Extract<CheckedCard, { ok: false }> = { ok: false, rows: problems };
  if (form.intro.trim().length > RATE_CARD_LIMITS.intro) out.intro = `At most ${RATE_CARD_LIMITS.intro} characters.`;
  if (more?.some((l) => l.length > RATE_CARD_LIMITS.line)) out.more = `At most ${RATE_CARD_LIMITS.line} characters a line.`;
  if (rows.length === 0) out.form = 'The rate card needs at least one placement.';
  else if (rows.length > RATE_CARD_LIMITS.rows) out.form = `At most ${RATE_CARD_LIMITS.rows} rows.`;
  if (out.intro || out.more || out.form || problems.some((p) => Object.keys(p).length > 0)) return out;
  // Prices go as typed ('₹250', 'On request'): the page prints them as they are.
  return { ok: true, card: { intro: form.intro.trim(), rows, ...(more !== null && { more }) } };
}

/** Moves row i by delta (−1 up, +1 down); out-of-range moves leave the list as it is. */
export function moveRow<T>(rows: readonly T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (i < 0 || i >= rows.length || j < 0 || j >= rows.length) return [...rows];
  const out = [...rows];
  [out[i], out[j]] = [out[j] as T, out[i] as T];
  return out;
}

// ---- network fallbacks ----

export interface NetworkSlotForm {
  enabled: boolean;
  unitPath: string;
  sizes: string[];
}

export type NetworkForm = Record<string, NetworkSlotForm>;

export function networkForm(settings: NetworkSettings): NetworkForm {
  const form: NetworkForm = {};
  for (const slot of AD_SLOT_KINDS) {
    const tag = settings.slots[slot];
    form[slot] = tag ? { enabled: true, unitPath: tag.unitPath, sizes: [...tag.sizes] } : { enabled: false, unitPath: '', sizes: [...AD_SLOTS[slot].sizes] };
  }
  return form;
}

/** A Google Ad Manager ad unit path: '/network code/unit[/child…]'. */
export const UNIT_PATH = /^\/\d{1,20}(\/[A-Za-z0-9_.-]{1,100}){0,10}$/;

export function checkNetwork(form: NetworkForm): { ok: true; body: NetworkSettings } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const slots: Record<string, NetworkTag | null> = {};
  for (const slot of AD_SLOT_KINDS) {
    const f = form[slot];
    if (!f?.enabled) {
      slots[slot] = null;
      continue;
    }
    const unitPath = f.unitPath.trim();
    const allowed: readonly string[] = AD_SLOTS[slot].sizes;
    const sizes = allowed.filter((s) => f.sizes.includes(s));
    if (!UNIT_PATH.test(unitPath)) errors[slot] = 'An ad unit path such as /1234567/dateline/top.';
    else if (sizes.length === 0) errors[slot] = 'Choose at least one size.';
    slots[slot] = { network: 'gam', unitPath, sizes };
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body: { slots } };
}
