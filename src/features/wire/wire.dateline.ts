/**
 * The agency's own dateline and sign-off, as text rules: "GENEVA, March 3,
 * 2025 (AFP) –" at the start of the copy, "— AFP" or "PTI ABC DEF" at its
 * end. Pure; the rules are in docs/wire-formats.md. They prefer leaving a
 * dateline in the text to eating a sentence that only looks like one.
 */

// ---- agencies -------------------------------------------------------------------

const KNOWN_AGENCIES: Record<string, string> = {
  afp: 'AFP', reuters: 'Reuters', ap: 'AP', pti: 'PTI', ians: 'IANS', ani: 'ANI', uni: 'UNI', dpa: 'dpa',
  bloomberg: 'Bloomberg', efe: 'EFE', ansa: 'ANSA', kyodo: 'Kyodo', xinhua: 'Xinhua', yonhap: 'Yonhap',
  aap: 'AAP', cp: 'CP', pa: 'PA', tass: 'TASS', 'itar-tass': 'TASS', sputnik: 'Sputnik', wam: 'WAM', apa: 'APA',
  lusa: 'Lusa', anadolu: 'Anadolu', bss: 'BSS', app: 'APP', 'ap photo': 'AP', 'afp photo': 'AFP', 'thomson reuters': 'Reuters',
};

/** A known agency, or a short all-capitals code ("KNA", "NTB"); its canonical spelling, else null. */
function agencyName(raw: string): string | null {
  const text = raw.replace(/\s+/g, ' ').trim();
  const known = KNOWN_AGENCIES[text.toLowerCase()];
  if (known !== undefined) return known;
  return /^[A-Z][A-Z&-]{1,7}$/.test(text) ? text : null;
}

// ---- dates ------------------------------------------------------------------------

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const MONTH_DAY = new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?$`, 'i');
const DAY_MONTH = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+(\\d{4}))?$`, 'i');
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAY = /^(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?$/i;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900 && y <= 9999 ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/**
 * A dateline's date part → YYYY-MM-DD. A date without a year takes the year
 * that puts it nearest to `reference` (the item's creation time), so
 * "Dec 31" sent on Jan 1 is last year's. Weekdays ("Monday") count as dates
 * but give no day. Returns undefined when the text is not a date at all.
 */
function parseDatelineDate(raw: string, reference: string | null): string | null | undefined {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (WEEKDAY.test(text)) return null;
  const iso = ISO_DAY.exec(text);
  if (iso !== null) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) ?? undefined;
  let month: string | undefined;
  let day: string | undefined;
  let year: string | undefined;
  const md = MONTH_DAY.exec(text);
  const dm = md === null ? DAY_MONTH.exec(text) : null;
  if (md !== null) [, month, day, year] = md;
  else if (dm !== null) [, day, month, year] = dm;
  else return undefined;
  const m = MONTHS.indexOf((month ?? '').slice(0, 3).toLowerCase()) + 1;
  const d = Number(day);
  if (m === 0 || !(d >= 1 && d <= 31)) return undefined;
  if (year !== undefined) return validDay(Number(year), m, d) ?? undefined;
  const ref = reference === null ? NaN : Date.parse(reference);
  if (!Number.isFinite(ref)) return null;
  const refYear = new Date(ref).getUTCFullYear();
  let best: string | null = null;
  let bestGap = Infinity;
  for (const y of [refYear - 1, refYear, refYear + 1]) {
    const candidate = validDay(y, m, d);
    if (candidate === null) continue;
    const gap = Math.abs(Date.parse(`${candidate}T12:00:00Z`) - ref);
    if (gap < bestGap) [best, bestGap] = [candidate, gap];
  }
  return best;
}

// ---- places -------------------------------------------------------------------------

/** One to five words, each starting with a capital: "GENEVA", "New Delhi", "SAN JOSÉ", "St. Louis". */
const PLACE = /^\p{Lu}[\p{L}\p{M}.'’-]{0,30}(?: [\p{Lu}][\p{L}\p{M}.'’-]{0,30}){0,4}$/u;
const ALL_CAPS_PLACE = /^\p{Lu}[\p{Lu}\p{M}.'’-]{1,30}(?: [\p{Lu}][\p{Lu}\p{M}.'’-]{0,30}){0,4}$/u;
/** Slugs and flags that look like an all-capitals dateline but are not places. */
const NOT_PLACES = new Set(['URGENT', 'BREAKING', 'UPDATE', 'FLASH', 'CORRECTED', 'CORRECTION', 'EXCLUSIVE', 'ANALYSIS', 'WRAPUP', 'FACTBOX', 'REFILE', 'BULLETIN', 'ALERT', 'NOTE', 'EDITORS', 'ADVISORY', 'NEWS', 'VIDEO', 'PHOTO', 'LIVE', 'OPINION', 'EDITORIAL', 'REVIEW', 'INTERVIEW', 'UPDATED', 'WATCH', 'BREAKINGVIEWS', 'TV', 'PREVIEW', 'KILL', 'ELIMINATE', 'WITHDRAWN',
  // Acronyms that open sentences ("NATO — …", "NASA: …").
  'NATO', 'NASA', 'OPEC', 'FIFA', 'UEFA', 'ISRO', 'SEBI', 'BCCI', 'UNICEF', 'UNESCO', 'ASEAN', 'IPL', 'CBI', 'RBI', 'ICC', 'WHO', 'IMF', 'EU', 'UN', 'USA', 'UK']);

/** "NEW DELHI" → "New Delhi"; mixed-case names are kept as written. */
export function placeCase(place: string): string {
  const trimmed = place.replace(/\s+/g, ' ').trim();
  if (trimmed !== trimmed.toUpperCase() || !/\p{Lu}/u.test(trimmed)) return trimmed;
  return trimmed.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase()).replace(/(\p{L})\.(\p{L})/gu, (m) => m.toUpperCase());
}

// ---- dateline ----------------------------------------------------------------------

export interface LiftedDateline { place: string | null; date: string | null; agency: string | null; rest: string }

/** "PLACE[, qualifiers][, DATE] (AGENCY)" then an optional dash or colon. */
const WITH_AGENCY = /^([^()\n]{2,120}?)\s?\(([^()\n]{2,24})\)[ \t\u00a0]*([-–—:]{1,2}|\u2015)?[ \t\u00a0]*/;
/** Words that open sentences, not place names ("The Associated Press (AP) said"). */
const SENTENCE_OPENERS = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'it', 'he', 'she', 'they', 'we', 'i', 'this', 'that', 'these', 'those', 'our', 'his', 'her', 'its', 'their', 'when', 'after', 'before', 'according', 'officials', 'police', 'shares', 'mr', 'mrs', 'ms', 'dr', 'but', 'and', 'if', 'as']);

function opensSentence(place: string): boolean {
  if (/^the hague\b/i.test(place)) return false;
  return SENTENCE_OPENERS.has((place.split(' ')[0] ?? '').replace(/\.$/, '').toLowerCase());
}
/** "PLACE[, DATE] —" / "PLACE:" without an agency. */
const WITHOUT_AGENCY = /^([^,:\n–—]{2,60}?)(?:, ?([^,:\n–—]{3,30}))?[ \t\u00a0]?(?:[:–—]|--? )[ \t\u00a0]*/;

/**
 * Lift the agency's dateline off the start of the copy. Recognised: any
 * "PLACE … (AGENCY)" opening ("GENEVA, March 3, 2025 (AFP) –", "LONDON
 * (Reuters) -", "Mumbai, Nov 28 (IANS)"); an all-capitals place followed by a
 * dash or colon ("NEW DELHI:"); and any place with a real date and a dash or
 * colon ("New Delhi, Nov 28:"). Anything else — "Paris, the capital, was
 * calm" — is left alone. `reference` (ISO time) dates a dateline without a year.
 */
export function liftDateline(text: string, reference: string | null = null): LiftedDateline {
  const none = { place: null, date: null, agency: null, rest: text };
  const lead = /^[\s\u00a0]*/.exec(text)?.[0].length ?? 0;
  const head = text.slice(lead, lead + 220);
  const withAgency = WITH_AGENCY.exec(head);
  if (withAgency !== null) {
    const agency = agencyName(withAgency[2] ?? '');
    const known = KNOWN_AGENCIES[(withAgency[2] ?? '').trim().toLowerCase()] !== undefined;
    const parts = (withAgency[1] ?? '').split(',').map((p) => p.trim());
    const place = parts[0] ?? '';
    if (agency !== null && PLACE.test(place) && !NOT_PLACES.has(place.toUpperCase()) && !opensSentence(place)) {
      const qualifiers = parts.slice(1);
      if (qualifiers.every((q) => q.length <= 40 && !/[.!?;"“]$/.test(q) && !/\s(?:is|was|are|were|has|had|said|says)\s/i.test(` ${q} `))) {
        const date = datelineDateOf(qualifiers, reference);
        // An unknown capitals code ("Apple (AAPL) shares…") counts only with a dash after it or a date before it.
        if (known || withAgency[3] !== undefined || date !== null) {
          return { place: placeCase(place), date, agency, rest: text.slice(lead + withAgency[0].length) };
        }
      }
    }
  }
  const plain = WITHOUT_AGENCY.exec(head);
  if (plain !== null) {
    const place = (plain[1] ?? '').trim();
    const datePart = plain[2];
    if (!PLACE.test(place) || NOT_PLACES.has(place.toUpperCase()) || place.length < 3 || opensSentence(place)) return none;
    const date = datePart === undefined ? undefined : parseDatelineDate(datePart, reference);
    const allCaps = ALL_CAPS_PLACE.test(place) && place.replace(/[^\p{L}]/gu, '').length >= 4;
    if (datePart !== undefined && date === undefined) return none; // "Paris, the capital: …"
    if (!allCaps && datePart === undefined) return none; // "Note: …", "Update – …"
    return { place: placeCase(place), date: date ?? null, agency: null, rest: text.slice(lead + plain[0].length) };
  }
  return none;
}

function datelineDateOf(qualifiers: string[], reference: string | null): string | null {
  // "March 3, 2025" arrives split at its comma: try the joined tail first, then each part.
  for (let i = 0; i < qualifiers.length; i += 1) {
    const date = parseDatelineDate(qualifiers.slice(i).join(', '), reference);
    if (date !== undefined) return date;
  }
  return null;
}

// ---- sign-off ------------------------------------------------------------------------

const SIGN_OFFS: { re: RegExp; agency: (m: RegExpExecArray) => string | null }[] = [
  // "(Reporting by X; Editing by Y)" — Reuters' credits line.
  { re: /[ \t\u00a0]*\((?:Additional |Writing and |Compiled )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Rr]esearch) by [^()\n]{1,400}\)[ \t\u00a0.]*$/, agency: () => 'Reuters' },
  // "… — AFP", "-- Reuters", "–IANS"
  { re: /(?:(?:^|[ \t\u00a0]+)--?|[ \t\u00a0]*[–—―])[ \t\u00a0]*([A-Za-z][A-Za-z -]{0,14}?)[ \t\u00a0.]*$/, agency: (m) => agencyName(m[1] ?? '') },
  // "PTI ABC DEF" — the agency then desk initials.
  { re: /(?:^|[ \t\u00a0])(PTI|IANS|UNI|ANI)(?: [A-Z]{2,4}){1,5}[ \t\u00a0.]*$/, agency: (m) => m[1] ?? null },
  // A bare agency name as the last word(s) of the copy ("… the minister said. AFP").
  { re: /(?:^|(?<=[.!?"”’)])[ \t\u00a0]+)(AFP|PTI|IANS|AP|Reuters|UNI|ANI)[ \t\u00a0.]*$/, agency: (m) => agencyName(m[1] ?? '') },
  // Staff initials: "xx/yy/zz", "bur-ab/cd", "ab/cd".
  { re: /(?:^|[ \t\u00a0]+)(?:bur-)?[a-z]{2,4}(?:\/[a-z]{2,4}){1,5}[ \t\u00a0.]*$/, agency: () => null },
];

/**
 * Strip the agency's sign-off from the end of the copy (several may stack:
 * "… -- Reuters (Reporting by …)"). The agency is returned when the sign-off
 * names one. A sign-off that would eat the whole of a long text is not one.
 */
export function stripSignOff(text: string): { agency: string | null; rest: string } {
  // trimEnd rather than /\s+$/: the regex is quadratic on long runs of inner whitespace.
  let rest = text.trimEnd();
  let agency: string | null = null;
  for (let round = 0; round < 4; round += 1) {
    let changed = false;
    const tail = rest.length > 600 ? rest.length - 600 : 0;
    const end = rest.slice(tail);
    for (const rule of SIGN_OFFS) {
      const m = rule.re.exec(end);
      if (m === null) continue;
      const found = rule.agency(m);
      if (rule.re === SIGN_OFFS[1]?.re && found === null) continue; // "… - Smith" is no sign-off
      rest = rest.slice(0, tail + m.index).trimEnd();
      agency ??= found;
      changed = true;
      break;
    }
    if (!changed) break;
  }
  return { agency, rest };
}
