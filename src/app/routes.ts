/** Which feature routes live in which scope. */
import type { FastifyInstance } from 'fastify';
import type { Services } from './services.js';
import { buildSiteAssets } from '../site/assets.js';
import { registerSiteRoutes } from '../site/site.routes.js';
import { registerFeedRoutes } from '../features/feeds/index.js';
import { registerSectionAdminRoutes, registerSectionPublicRoutes } from '../features/sections/index.js';
import { registerAuthorAdminRoutes, registerAuthorPublicRoutes } from '../features/authors/index.js';
import { registerTagAdminRoutes, registerTagPublicRoutes } from '../features/tags/index.js';
import { registerPageAdminRoutes, registerPagePublicRoutes } from '../features/pages/index.js';
import { registerSettingsAdminRoutes, registerSettingsPublicRoutes } from '../features/settings/index.js';
import { registerMediaAdminRoutes, registerMediaFileRoutes } from '../features/media/index.js';
import { registerArticleAdminRoutes, registerArticlePublicRoutes } from '../features/articles/index.js';
import { registerSearchAdminRoutes, registerSearchPublicRoutes } from '../features/search/index.js';
import { cookieOptions, registerAccountRoutes, registerAuthRoutes, registerUserRoutes } from '../features/staff/index.js';
import { newsroomBuildDir, registerNewsroomRoutes } from '../features/newsroom/index.js';
import { registerAdAdminRoutes, registerAdPublicRoutes, registerAdvertiseRoutes } from '../features/ads/index.js';
import { registerWireItemRoutes, registerWirePushRoutes, registerWireSourceAdminRoutes } from '../features/wire/index.js';

export const registerFeatureRoutes = {
  /** Under /api/v1: public, read-only, cacheable. */
  public(api: FastifyInstance, s: Services): void {
    registerSettingsPublicRoutes(api, { settings: s.settings });
    registerSectionPublicRoutes(api, { sections: s.sections });
    registerAuthorPublicRoutes(api, { authors: s.authors });
    registerTagPublicRoutes(api, { tags: s.tags });
    registerPagePublicRoutes(api, { pages: s.pages });
    registerArticlePublicRoutes(api, { articles: s.articles });
    registerSearchPublicRoutes(api, { search: s.search });
  },
  /** Under /api/auth: signing in and out, first-run setup; never cached. */
  auth(scope: FastifyInstance, s: Services): void {
    registerAuthRoutes(scope, { login: s.login, setup: s.setup, sessions: s.sessions, publicUrl: s.config.publicUrl });
  },
  /** Under /api/admin: staff only, every route declares its permission. */
  admin(admin: FastifyInstance, s: Services): void {
    registerSettingsAdminRoutes(admin, { settings: s.settings });
    registerSectionAdminRoutes(admin, { sections: s.sections });
    registerAuthorAdminRoutes(admin, { authors: s.authors });
    registerTagAdminRoutes(admin, { tags: s.tags });
    registerPageAdminRoutes(admin, { pages: s.pages });
    registerMediaAdminRoutes(admin, { media: s.media });
    registerArticleAdminRoutes(admin, { articles: s.articles });
    registerSearchAdminRoutes(admin, { search: s.search });
    registerAccountRoutes(admin, { sessions: s.sessions, login: s.login });
    registerUserRoutes(admin, { users: s.users });
    registerAdAdminRoutes(admin, { ads: s.ads, inquiries: s.adInquiries });
    registerWireItemRoutes(admin, { wire: s.wire });
    registerWireSourceAdminRoutes(admin, { wireSources: s.wireSources });
  },
  /** Anything else at the root (media files). */
  other(server: FastifyInstance, s: Services): void {
    // No session here: agencies sign each pushed file with their source's secret (own scope, raw bodies).
    registerWirePushRoutes(server, { wireSources: s.wireSources, wire: s.wire, clock: s.clock, maxFileBytes: s.config.wireMaxFileBytes });
    registerMediaFileRoutes(server, { media: s.media, mediaStore: s.mediaStore });
    // Ad fill, beacons and click redirects: never cached (no-store), outside the page cache.
    registerAdPublicRoutes(server, { ads: s.ads, secureCookies: cookieOptions(s.config.publicUrl).secure });
    registerNewsroomRoutes(server, { dir: newsroomBuildDir() });
    const feeds = registerFeedRoutes(server, {
      db: s.store.db,
      clock: s.clock,
      publicUrl: s.config.publicUrl,
      articles: s.articles,
      sections: s.sections,
      settings: s.settings,
      media: s.media,
    });
    const assets = buildSiteAssets();
    registerSiteRoutes(server, {
      feeds,
      articles: s.articles,
      search: s.search,
      sections: s.sections,
      authors: s.authors,
      tags: s.tags,
      pages: s.pages,
      settings: s.settings,
      media: s.media,
      clock: s.clock,
      publicUrl: s.config.publicUrl,
      assets,
    });
    // "Advertise with us": the rate card and the inquiry form, in the site frame.
    registerAdvertiseRoutes(server, {
      site: { settings: s.settings, sections: s.sections, pages: s.pages, clock: s.clock, publicUrl: s.config.publicUrl, assets },
      inquiries: s.adInquiries,
      rateCard: () => s.ads.settings.rateCard(),
      secret: () => s.ads.counter.secret(),
    });
  },
};
