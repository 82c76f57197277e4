/** Dates as the paper prints them, always in the paper's own time zone. */

export interface PaperClock {
  locale: string;
  timeZone: string;
}

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(p: PaperClock, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${p.locale}|${p.timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(p.locale, { timeZone: p.timeZone, ...options });
    cache.set(key, f);
  }
  return f;
}

/** "Saturday, 28 November 2026" (en-IN order). */
export function longDate(p: PaperClock, d: Date): string {
  return fmt(p, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

/** YYYY-MM-DD of the paper's day. */
export function isoDay(p: PaperClock, d: Date): string {
  const parts = fmt(p, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(d);
  const get = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The dateline's date: "Nov 28". */
export function datelineDate(p: PaperClock, d: Date): string {
  const parts = fmt(p, { month: 'short', day: 'numeric' }).formatToParts(d);
  const month = parts.find((x) => x.type === 'month')?.value ?? '';
  const day = parts.find((x) => x.type === 'day')?.value ?? '';
  return `${month.replace(/\.$/, '')} ${day}`;
}

/** "28 Nov 2026, 9:15 am IST". */
export function stamp(p: PaperClock, d: Date): string {
  return fmt(p, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(d);
}

/** "2 hours ago" for the last day, the date after that. */
export function relative(p: PaperClock, d: Date, now: Date): string {
  const minutes = Math.round((now.getTime() - d.getTime()) / 60_000);
  if (minutes < 1) return 'Just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  return fmt(p, { day: 'numeric', month: 'short', year: 'numeric' }).format(d);
}

/** Dateline text: "Vladivostok (Russia), Apr 24". A stored date (YYYY-MM-DD) wins over the publication time. */
export function dateline(p: PaperClock, place: string, storedDate: string | null, publishedAt: string | null): string {
  if (!place) return '';
  const when = storedDate ? new Date(`${storedDate}T12:00:00Z`) : publishedAt ? new Date(publishedAt) : null;
  if (!when) return place;
  const date = storedDate
    ? new Intl.DateTimeFormat(p.locale, { timeZone: 'UTC', month: 'short', day: 'numeric' }).formatToParts(when)
    : null;
  const text = date
    ? `${(date.find((x) => x.type === 'month')?.value ?? '').replace(/\.$/, '')} ${date.find((x) => x.type === 'day')?.value ?? ''}`
    : datelineDate(p, when);
  return `${place}, ${text}`;
}
