import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults for a fresh machine', () => {
    const c = loadConfig({}, '/srv/paper');
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: '/srv/paper/data', databaseUrl: undefined, publicUrl: 'http://127.0.0.1:3000', logLevel: 'info', seedDemo: true, pageCache: true, trustProxy: false, wireMaxFileBytes: 10 * 1024 * 1024 });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads every key', () => {
    const c = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/dateline',
      DATABASE_URL: 'postgres://news:pw@db:5432/dateline',
      PUBLIC_URL: 'https://www.dailydateline.example/',
      LOG_LEVEL: 'WARN',
      SEED_DEMO: 'false',
      PAGE_CACHE: 'off',
      TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
      WIRE_MAX_FILE_BYTES: '25mb',
    });
    expect(c).toMatchObject({ port: 8080, host: '0.0.0.0', dataDir: '/var/lib/dateline', databaseUrl: 'postgres://news:pw@db:5432/dateline', publicUrl: 'https://www.dailydateline.example', logLevel: 'warn', seedDemo: false, pageCache: false, trustProxy: '10.0.0.0/8,127.0.0.1', wireMaxFileBytes: 25 * 1024 * 1024 });
    expect(loadConfig({ WIRE_MAX_FILE_BYTES: '500000' }).wireMaxFileBytes).toBe(500_000);
  });

  it('reports every invalid key in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', PUBLIC_URL: 'not a url', LOG_LEVEL: 'loud', SEED_DEMO: 'maybe', PAGE_CACHE: 'sometimes', TRUST_PROXY: 'the load balancer', WIRE_MAX_FILE_BYTES: 'huge' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const keys = (error as ConfigError).problems.map((p) => p.key);
    expect(keys).toEqual(['PORT', 'DATABASE_URL', 'PUBLIC_URL', 'LOG_LEVEL', 'SEED_DEMO', 'PAGE_CACHE', 'TRUST_PROXY', 'WIRE_MAX_FILE_BYTES']);
    expect((error as ConfigError).message).toContain('PORT: must be a whole number');
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });
});
