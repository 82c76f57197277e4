/**
 * The composition root: builds stateful things (store, clock, services) and
 * registers every feature's routes. Nothing else in the code base constructs
 * a service or touches the environment.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import type { Config } from '../config/index.js';
import { ping, type Store } from '../db/index.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { ErrorResponse } from '../lib/schema.js';
import { apiNotFound, installHttpEdge, validationOptions } from './http.js';
import { installStaffAuth } from './auth.js';
import { installPublicCaching } from './public-cache.js';
import { buildServices, type Services } from './services.js';
import { registerApiDocs } from './api-docs.js';
import { registerFeatureRoutes } from './routes.js';
import { installPageCache } from '../site/serve.js';
import { cookieOptions } from '../features/staff/index.js';

export interface AppDeps {
  config: Config;
  store: Store;
  clock?: Clock;
  /** Pass false in tests to keep output quiet. */
  logger?: boolean;
}

export interface App {
  server: FastifyInstance;
  services: Services;
}

export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, store } = deps;
  const clock = deps.clock ?? systemClock;
  const server = Fastify({
    logger:
      deps.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
          },
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, maxParamLength: 300 },
    ...validationOptions(),
  });

  installHttpEdge(server);
  server.addSchema(ErrorResponse);

  const services = buildServices({
    config,
    store,
    clock,
    onEventError: (err) => server.log.error({ err }, 'a content-change listener failed; cached pages may be stale until they expire'),
  });
  installPageCache(server, services.pageCache ? { cache: services.pageCache } : null);

  await server.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Dateline API',
        version: '1',
        description:
          'Public read-only content API under /api/v1 and the staff admin API under /api/admin. ' +
          'Admin requests authenticate with "Authorization: Bearer <token>" (create one with `npx dateline token create --name NAME`) ' +
          'or, in a browser, with the dl_session cookie from POST /api/auth/login; cookie-authenticated writes also send the x-csrf-token header. ' +
          'Each admin operation names the permission it needs in x-permission.',
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'dl_session' } },
      },
    },
  });

  server.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
    const ok = await ping(store.db);
    return reply
      .code(ok ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: ok ? 'ok' : 'unavailable', database: ok ? 'ok' : 'unreachable', dialect: store.dialect.name });
  });

  await server.register(
    async (api) => {
      installPublicCaching(api);
      registerFeatureRoutes.public(api, services);
      api.setNotFoundHandler(apiNotFound);
    },
    { prefix: '/api/v1' },
  );

  await server.register(
    async (auth) => {
      registerFeatureRoutes.auth(auth, services);
      auth.setNotFoundHandler(apiNotFound);
    },
    { prefix: '/api/auth' },
  );

  await server.register(
    async (admin) => {
      installStaffAuth(admin, { tokens: services.tokens, sessions: services.sessions, cookie: cookieOptions(config.publicUrl) });
      registerFeatureRoutes.admin(admin, services);
      admin.setNotFoundHandler(apiNotFound);
    },
    { prefix: '/api/admin' },
  );

  registerApiDocs(server);
  registerFeatureRoutes.other(server, services);
  server.setNotFoundHandler(apiNotFound);

  return { server, services };
}
