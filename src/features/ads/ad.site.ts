/**
 * /advertise: the rate card and the inquiry form (GET, cached like any reader page), the
 * form post (POST, never cached; redirect-after-post to /advertise/thanks) and the
 * thank-you page. A plain HTML form: it works without JavaScript.
 */
import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderDocument, type PageHead } from '../../site/frame.js';
import { frameModel, loadContext, type SiteDeps } from '../../site/site.data.js';
import { cachedPage } from '../../site/serve.js';
import type { SafeHtml } from '../../lib/html.js';
import { renderBody } from '../articles/index.js';
import { checkInquiry, INQUIRY_FIELDS, type InquiryInput, type InquiryProblems } from './ad.inquiries.js';
import { checkFormStamp, createAddressLimiter, HONEYPOT_FIELD, issueFormStamp, STAMP_FIELD, type AddressLimiter } from './ad.inquiries.form.js';
import type { InquiryService } from './ad.inquiries.service.js';
import { ADVERTISE_PAGE_KEY, type RateCard } from './ad.settings.js';
import { advertiseMain, thanksMain, tooManyMain } from './ad.views.js';

export interface AdvertiseDeps {
  /** `pages`: the editors' static page with the slug `advertise`, when published, leads the page. */
  site: Pick<SiteDeps, 'settings' | 'sections' | 'clock' | 'assets' | 'publicUrl' | 'pages'>;
  inquiries: InquiryService;
  /** The rate card ad ops saved (settings key `ads.rateCard`), or the default. */
  rateCard: () => Promise<RateCard>;
  /**
   * A stable server secret (e.g. the ads signing key); the form's time stamps are signed with
   * a key derived from it, so they can never pass for anything else signed with it.
   */
  secret: () => Promise<string | Buffer>;
  /** Inquiries per address; default 5 an hour, in memory. */
  limiter?: AddressLimiter;
}

/** The static page (Pages) whose text leads /advertise. */
const ADVERTISE_SLUG = 'advertise';

const HTML = 'text/html; charset=utf-8';
const FORM_BODY_LIMIT = 64 * 1024;

type Form = Record<string, string>;

/** application/x-www-form-urlencoded → one string per name (the first, if repeated). */
function parseForm(body: string): Form {
  const out: Form = {};
  for (const [k, v] of new URLSearchParams(body)) if (!(k in out)) out[k] = v;
  return out;
}

export function registerAdvertiseRoutes(server: FastifyInstance, d: AdvertiseDeps): void {
  const limiter = d.limiter ?? createAddressLimiter();
  const { site } = d;
  let formKey: Promise<Buffer> | undefined;
  const formSecret = (): Promise<Buffer> => {
    if (!formKey) {
      formKey = d.secret().then((s) => createHmac('sha256', s).update('dateline:advertise-form').digest());
      // A failed load is not kept: the next request tries again.
      formKey.catch(() => (formKey = undefined));
    }
    return formKey;
  };

  async function page(title: string, main: SafeHtml, opts: { description?: string; noindex?: boolean } = {}): Promise<string> {
    const ctx = await loadContext(site);
    const head: PageHead = {
      title,
      canonical: `${site.publicUrl}/advertise`,
      ...(opts.description !== undefined && { description: opts.description }),
      ...(opts.noindex && { noindex: true }),
    };
    return renderDocument(frameModel(site, ctx, {}), head, main);
  }

  /** The form page and the surrogate keys it depends on (the editors' page, when there is one). */
  async function formPage(form: { values: Partial<InquiryInput>; problems: InquiryProblems; notice: string | null }): Promise<{ html: string; keys: string[] }> {
    const [ctx, rateCard, key, editorial] = await Promise.all([
      loadContext(site),
      d.rateCard(),
      formSecret(),
      site.pages.getPublished(ADVERTISE_SLUG).catch(() => null),
    ]);
    const main = advertiseMain({
      siteName: ctx.settings.name,
      rateCard,
      page: editorial ? { title: editorial.title, body: renderBody(editorial.body) } : null,
      form: { ...form, stamp: issueFormStamp(key, site.clock.now()) },
    });
    const description = editorial?.seoDescription || `Advertise with ${ctx.settings.name}: rates for online ads, and an inquiry form.`;
    return {
      html: await page(editorial?.title ?? 'Advertise with us', main, { description }),
      keys: [ADVERTISE_PAGE_KEY, ...(editorial ? [`page:${editorial.id}`] : []), 'all'],
    };
  }

  /** Answers to the form post are for one person only: never stored by any cache. */
  const sendPrivate = (reply: FastifyReply, status: number, body: string) => reply.code(status).type(HTML).header('cache-control', 'no-store').send(body);

  server.get('/advertise', { schema: { hide: true } }, (req, reply) =>
    cachedPage(req, reply, { query: [] }, async () => ({ status: 200, ...(await formPage({ values: {}, problems: {}, notice: null })) })),
  );

  server.get('/advertise/thanks', { schema: { hide: true } }, (req, reply) =>
    cachedPage(req, reply, { query: [] }, async () => {
      const ctx = await loadContext(site);
      return { status: 200, html: await page('Thank you', thanksMain(ctx.settings.name), { noindex: true }), keys: [ADVERTISE_PAGE_KEY, 'all'] };
    }),
  );

  server.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_req, body, done) => {
      done(null, parseForm(typeof body === 'string' ? body : body.toString('utf8')));
    });

    scope.post('/advertise', { schema: { hide: true }, bodyLimit: FORM_BODY_LIMIT }, async (req: FastifyRequest, reply) => {
      const form: Form = typeof req.body === 'object' && req.body !== null ? (req.body as Form) : {};
      const now = site.clock.now();
      const values = Object.fromEntries(INQUIRY_FIELDS.map((f) => [f, form[f] ?? ''])) as Partial<InquiryInput>;
      // A filled honeypot is a bot: it gets the same thank-you as everyone, and nothing is stored.
      if ((form[HONEYPOT_FIELD] ?? '') !== '') return reply.redirect('/advertise/thanks', 303);
      const stamp = checkFormStamp(await formSecret(), form[STAMP_FIELD], now);
      if (stamp !== 'ok') {
        const notice =
          stamp === 'too-fast'
            ? 'That was quicker than we expected. Please check your details and press “Send inquiry” again.'
            : 'This form was open for a long time or could not be read. Please check your details and send it again.';
        return sendPrivate(reply, 400, (await formPage({ values, problems: {}, notice })).html);
      }
      const { problems } = checkInquiry(form);
      if (Object.keys(problems).length > 0) return sendPrivate(reply, 400, (await formPage({ values, problems, notice: null })).html);
      if (!limiter.take(req.ip, now)) {
        const seconds = limiter.retryAfterSeconds(req.ip, now);
        reply.header('retry-after', String(seconds));
        return sendPrivate(reply, 429, await page('Please try again later', tooManyMain(Math.max(1, Math.ceil(seconds / 60))), { noindex: true }));
      }
      await d.inquiries.create(form);
      return reply.header('cache-control', 'no-store').redirect('/advertise/thanks', 303);
    });
  });
}
