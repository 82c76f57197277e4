/**
 * The campaign form, kept pure: what the inputs hold (strings, as typed),
 * how a campaign from the API fills them, and the checks and conversions
 * that turn them back into the API's body. Dates are typed in the
 * newsroom's local time (datetime-local) and sent as ISO-8601 UTC.
 */
import type { AdCampaign, CampaignInput, Targeting } from './ads.js';

export interface CampaignForm {
  name: string;
  advertiser: string;
  /** datetime-local values, local time: '2026-12-01T00:00'. */
  startsAt: string;
  endsAt: string;
  priority: string;
  weight: string;
  impressionGoal: string;
  frequencyCap: string;
  sections: number[];
  pageTypes: string[];
  devices: string[];
  /** Comma-separated, as typed. */
  languages: string;
  keywords: string;
}

/** Field name (the API's, so the server's blame lands on the same input) → message. */
export type FormErrors = Partial<Record<keyof CampaignForm | 'targeting', string>>;

const pad = (n: number): string => String(n).padStart(2, '0');

/** An ISO instant as a datetime-local value in this browser's time zone ('' for anything unreadable). */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A datetime-local value (local time) as an ISO instant, or null when it is not a real date and time. */
export function localInputToIso(value: string): string | null {
  const m = LOCAL_INPUT.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi, s);
  // new Date rolls 31 November over to 1 December: refuse instead.
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d || date.getHours() !== h || date.getMinutes() !== mi) return null;
  return date.toISOString();
}

/** 'en, hi , ,en' → ['en', 'hi']: trimmed, no blanks, no repeats (case-insensitively). */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[,\n]/)) {
    const v = part.trim();
    if (v && !seen.has(v.toLowerCase())) {
      seen.add(v.toLowerCase());
      out.push(v);
    }
  }
  return out;
}

/** A new campaign: a four-week flight from tomorrow at midnight, middle priority, no goal, no cap. */
export function emptyForm(now: Date): CampaignForm {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 28);
  return {
    name: '',
    advertiser: '',
    startsAt: isoToLocalInput(start.toISOString()),
    endsAt: isoToLocalInput(end.toISOString()),
    priority: '5',
    weight: '1',
    impressionGoal: '',
    frequencyCap: '',
    sections: [],
    pageTypes: [],
    devices: [],
    languages: '',
    keywords: '',
  };
}

export function formFromCampaign(c: AdCampaign): CampaignForm {
  const t = c.targeting;
  return {
    name: c.name,
    advertiser: c.advertiser,
    startsAt: isoToLocalInput(c.startsAt),
    endsAt: isoToLocalInput(c.endsAt),
    priority: String(c.priority),
    weight: String(c.weight),
    impressionGoal: c.impressionGoal === null ? '' : String(c.impressionGoal),
    frequencyCap: c.frequencyCap === null ? '' : String(c.frequencyCap),
    sections: [...t.sections],
    pageTypes: [...t.pageTypes],
    devices: [...t.devices],
    languages: t.languages.join(', '),
    keywords: t.keywords.join(', '),
  };
}

const WHOLE = /^\d+$/;

/** A whole number in [min, max] from the input's text; '' is null when optional. */
function whole(text: string, min: number, max: number): number | null | undefined {
  const v = text.trim().replace(/[\s,_]/g, '');
  if (v === '') return null;
  if (!WHOLE.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
}

const MAX_INT = 2_000_000_000;

export type Checked = { ok: true; body: CampaignInput } | { ok: false; errors: FormErrors };

/** The form's checks (the server checks again and its message wins) and the body to send. */
export function checkCampaign(f: CampaignForm): Checked {
  const errors: FormErrors = {};
  const name = f.name.trim();
  const advertiser = f.advertiser.trim();
  if (!name) errors.name = 'Give the campaign a name.';
  else if (name.length > 200) errors.name = 'At most 200 characters.';
  if (!advertiser) errors.advertiser = 'Name the advertiser.';
  else if (advertiser.length > 200) errors.advertiser = 'At most 200 characters.';
  const startsAt = localInputToIso(f.startsAt);
  const endsAt = localInputToIso(f.endsAt);
  if (!startsAt) errors.startsAt = 'Enter the date and time the campaign starts.';
  if (!endsAt) errors.endsAt = 'Enter the date and time the campaign ends.';
  else if (startsAt && endsAt <= startsAt) errors.endsAt = 'The end must come after the start.';
  const priority = whole(f.priority, 1, 10);
  if (priority === null || priority === undefined) errors.priority = 'A whole number from 1 to 10 (higher wins).';
  const weight = whole(f.weight, 1, 1000);
  if (weight === null || weight === undefined) errors.weight = 'A whole number from 1 to 1000.';
  const impressionGoal = whole(f.impressionGoal, 1, MAX_INT);
  if (impressionGoal === undefined) errors.impressionGoal = 'A whole number of viewable impressions, or empty for no goal.';
  const frequencyCap = whole(f.frequencyCap, 1, 1000);
  if (frequencyCap === undefined) errors.frequencyCap = 'A whole number of ads per reader per day (1–1000), or empty for no cap.';
  const languages = splitList(f.languages);
  if (languages.some((l) => l.length > 35 || !/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(l))) errors.languages = 'Language codes such as en, hi or en-IN, separated by commas.';
  const keywords = splitList(f.keywords);
  if (keywords.some((k) => k.length > 60)) errors.keywords = 'Keywords are at most 60 characters each.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const targeting: Targeting = { sections: [...f.sections], pageTypes: [...f.pageTypes], devices: [...f.devices], languages, keywords };
  return {
    ok: true,
    body: { name, advertiser, startsAt: startsAt as string, endsAt: endsAt as string, priority: priority as number, weight: weight as number, impressionGoal: impressionGoal ?? null, frequencyCap: frequencyCap ?? null, targeting },
  };
}

/** A click-through address: http(s) only, with a host. Returns the message for the form, or null when fine. */
export function clickUrlProblem(text: string): string | null {
  const v = text.trim();
  if (!v) return 'Enter the address a click goes to.';
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return 'A full address such as https://example.com/offer.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Only http:// and https:// addresses.';
  if (!url.hostname) return 'A full address such as https://example.com/offer.';
  if (url.username || url.password) return 'No user name or password in the address.';
  if (v.length > 2000) return 'At most 2000 characters.';
  return null;
}

/** Adds or removes one value of a multi-choice list, keeping the others' order. */
export function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  const without = list.filter((x) => x !== value);
  return on ? [...without, value] : without;
}

/** "Any" for an empty targeting list, else the chosen labels. */
export function describeTargeting(t: Targeting, sectionName: (id: number) => string | undefined): string {
  const parts: string[] = [];
  if (t.sections.length) parts.push(`sections ${t.sections.map((id) => sectionName(id) ?? `#${id}`).join(', ')}`);
  if (t.pageTypes.length) parts.push(`pages ${t.pageTypes.join(', ')}`);
  if (t.devices.length) parts.push(`devices ${t.devices.join(', ')}`);
  if (t.languages.length) parts.push(`languages ${t.languages.join(', ')}`);
  if (t.keywords.length) parts.push(`keywords ${t.keywords.join(', ')}`);
  return parts.length ? parts.join('; ') : 'Everywhere (no targeting)';
}
