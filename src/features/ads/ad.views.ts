/**
 * The "Advertise with us" pages: the rate card, the inquiry form (errors beside their
 * fields, no JavaScript needed) and the thank-you page. Pure and escaped; the site frame
 * wraps them (ad.site.ts).
 */
import { html, type SafeHtml } from '../../lib/html.js';
import { INQUIRY_LIMITS, type InquiryField, type InquiryInput, type InquiryProblems } from './ad.inquiries.js';
import { HONEYPOT_FIELD, STAMP_FIELD } from './ad.inquiries.form.js';
import type { RateCard } from './ad.settings.js';

export interface AdvertiseModel {
  siteName: string;
  rateCard: RateCard;
  /** The editors' own "advertise" page (Pages, slug `advertise`), when published: its title and rendered body lead the page. */
  page: { title: string; body: SafeHtml } | null;
  form: {
    values: Partial<InquiryInput>;
    problems: InquiryProblems;
    /** A problem with the whole submission (too quick, expired, too many), shown above the form. */
    notice: string | null;
    /** The signed time stamp the form carries back (ad.inquiries.form.ts). */
    stamp: string;
  };
}

const LABELS: Record<InquiryField, { label: string; hint?: string; type: string; autocomplete: string; required: boolean }> = {
  name: { label: 'Your name', type: 'text', autocomplete: 'name', required: true },
  company: { label: 'Company or brand', type: 'text', autocomplete: 'organization', required: false },
  email: { label: 'Email', type: 'email', autocomplete: 'email', required: true },
  phone: { label: 'Phone', hint: 'Optional. We call only if you would like us to.', type: 'tel', autocomplete: 'tel', required: false },
  budget: { label: 'Budget', hint: 'Optional, e.g. ₹50,000 a month.', type: 'text', autocomplete: 'off', required: false },
  message: { label: 'What would you like to advertise?', hint: 'Dates, sections or readers you want to reach. At most 2 links.', type: 'textarea', autocomplete: 'off', required: true },
};

const FIELD_ORDER: readonly InquiryField[] = ['name', 'company', 'email', 'phone', 'budget', 'message'];

function rateCardTable(card: RateCard): SafeHtml {
  if (card.rows.length === 0) return html`<p>Please ask us for current rates using the form below.</p>`;
  return html`<table class="rate-card">
<caption class="visually-hidden">Online rate card</caption>
<thead><tr><th scope="col">Placement</th><th scope="col">Size</th><th scope="col">Price</th><th scope="col">Notes</th></tr></thead>
<tbody>${card.rows.map(
    (r) => html`<tr><th scope="row">${r.placement}</th><td>${r.size}</td><td class="rate-card__price">${r.price}${r.unit ? html` <span>${r.unit}</span>` : ''}</td><td>${r.notes}</td></tr>`,
  )}</tbody>
</table>`;
}

function field(name: InquiryField, m: AdvertiseModel['form']): SafeHtml {
  const f = LABELS[name];
  const id = `inquiry-${name}`;
  const problem = m.problems[name];
  const value = m.values[name] ?? '';
  const described = [f.hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ');
  const attrs = html` id="${id}" name="${name}" maxlength="${INQUIRY_LIMITS[name]}"${f.required ? html` required` : ''}${
    described ? html` aria-describedby="${described}"` : ''
  }${problem ? html` aria-invalid="true"` : ''} autocomplete="${f.autocomplete}"`;
  return html`<div class="form-field${problem ? ' form-field--error' : ''}">
<label for="${id}">${f.label}${f.required ? '' : html` <span class="form-field__optional">(optional)</span>`}</label>
${f.hint ? html`<p class="form-field__hint" id="${id}-hint">${f.hint}</p>` : ''}
${problem ? html`<p class="form-field__error" id="${id}-error">${problem}</p>` : ''}
${f.type === 'textarea' ? html`<textarea${attrs} rows="7">${value}</textarea>` : html`<input type="${f.type}"${attrs} value="${value}">`}
</div>`;
}

function inquiryForm(m: AdvertiseModel['form']): SafeHtml {
  const problems = FIELD_ORDER.filter((n) => m.problems[n] !== undefined);
  return html`<form class="inquiry-form" action="/advertise" method="post" novalidate>
${m.notice ? html`<div class="form-notice" role="alert"><p>${m.notice}</p></div>` : ''}
${problems.length
    ? html`<div class="form-notice" role="alert"><p>Please check ${problems.length === 1 ? 'this field' : `these ${problems.length} fields`}:</p><ul>${problems.map(
        (n) => html`<li><a href="#inquiry-${n}">${LABELS[n].label}</a>: ${m.problems[n] ?? ''}</li>`,
      )}</ul></div>`
    : ''}
${FIELD_ORDER.map((n) => field(n, m))}
<div class="form-trap" aria-hidden="true"><label for="inquiry-${HONEYPOT_FIELD}">Leave this field empty</label><input type="text" id="inquiry-${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off" value=""></div>
<input type="hidden" name="${STAMP_FIELD}" value="${m.stamp}">
<p class="form-field__hint">We use these details only to answer your inquiry.</p>
<button type="submit" class="button">Send inquiry</button>
</form>`;
}

export function advertiseMain(m: AdvertiseModel): SafeHtml {
  const card = m.rateCard;
  return html`<div class="advertise">
<h1>${m.page?.title ?? 'Advertise with us'}</h1>
${m.page ? html`<div class="story__body">${m.page.body}</div>` : ''}
<section aria-labelledby="rates-h"><h2 id="rates-h">Online rates</h2>
${card.intro ? html`<p class="intro">${card.intro}</p>` : ''}
${rateCardTable(card)}
<ul class="advertise__more">
<li><strong>Classifieds</strong>: matrimonial, property, jobs and notices, in print and online. <a href="/classifieds">See classifieds</a>.</li>
<li><strong>Print</strong>: display ads in the daily edition and the e-paper. Ask for the print rate card with the form below.</li>
</ul>
</section>
<section aria-labelledby="inquiry-h"><h2 id="inquiry-h">Send us an inquiry</h2>
<p>Tell us about your campaign and the advertising team of ${m.siteName} will get back to you.</p>
${inquiryForm(m.form)}
</section>
</div>`;
}

export function thanksMain(siteName: string): SafeHtml {
  return html`<div class="notice">
<h1>Thank you</h1>
<p>We have your inquiry. The advertising team of ${siteName} will get back to you soon.</p>
<p><a href="/advertise">Back to advertising</a> · <a href="/">Go to the front page</a></p>
</div>`;
}

/** Too many inquiries from one address: a page, not an error code. */
export function tooManyMain(minutes: number): SafeHtml {
  return html`<div class="notice">
<h1>Please try again later</h1>
<p>We have received several inquiries from your network in the last hour. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or reach us through the <a href="/contact">contact page</a>.</p>
<p><a href="/advertise">Back to advertising</a></p>
</div>`;
}
