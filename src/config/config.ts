/**
 * The one place that reads the environment. Every key is validated once at
 * start-up; all problems are reported together so an operator fixes them in
 * one go. The result is frozen and passed to whoever needs it.
 */
import path from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** postgres://… when running on PostgreSQL; undefined means the embedded SQLite file under dataDir. */
  readonly databaseUrl: string | undefined;
  readonly publicUrl: string;
  readonly logLevel: LogLevel;
  /** Load the demo newspaper on first start with an empty database. */
  readonly seedDemo: boolean;
  /** Keep rendered reader pages in memory (purged whenever content changes); off renders every request. */
  readonly pageCache: boolean;
  /**
   * Which hops may tell us the client's address (X-Forwarded-For) and scheme: false (none — the
   * default, so nobody can fake an address to dodge the sign-in limits), true (any), or a list of
   * proxy addresses/CIDR ranges.
   */
  readonly trustProxy: boolean | string;
  /** The largest wire file (dropped, polled or pushed) the wire desk reads; bigger ones are refused. */
  readonly wireMaxFileBytes: number;
}

export interface ConfigProblem {
  key: string;
  message: string;
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      'Invalid configuration:\n' + problems.map((p) => `  - ${p.key}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export const WIRE_MAX_FILE_BYTES_DEFAULT = 10 * 1024 * 1024;
const WIRE_MAX_FILE_BYTES_LIMIT = 1024 * 1024 * 1024;

/** Documented in README.md → Configuration. Keep both in step. */
export const CONFIG_KEYS = ['PORT', 'HOST', 'DATA_DIR', 'DATABASE_URL', 'PUBLIC_URL', 'LOG_LEVEL', 'SEED_DEMO', 'PAGE_CACHE', 'TRUST_PROXY', 'WIRE_MAX_FILE_BYTES'] as const;

export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): Config {
  const problems: ConfigProblem[] = [];
  const get = (key: (typeof CONFIG_KEYS)[number]): string | undefined => {
    const value = env[key];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };

  let port = 3000;
  const rawPort = get('PORT');
  if (rawPort !== undefined) {
    if (!/^\d{1,5}$/.test(rawPort) || Number(rawPort) > 65535) {
      problems.push({ key: 'PORT', message: `must be a whole number from 0 to 65535, got "${rawPort}"` });
    } else port = Number(rawPort);
  }

  const host = get('HOST') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:\-[\]]+$/.test(host)) {
    problems.push({ key: 'HOST', message: `must be a host name or IP address, got "${host}"` });
  }

  const dataDir = path.resolve(cwd, get('DATA_DIR') ?? './data');

  let databaseUrl: string | undefined;
  const rawDb = get('DATABASE_URL');
  if (rawDb !== undefined) {
    if (!/^postgres(ql)?:\/\//i.test(rawDb)) {
      problems.push({
        key: 'DATABASE_URL',
        message: 'must be a postgres:// or postgresql:// URL (leave it unset for the embedded SQLite database)',
      });
    } else {
      try {
        new URL(rawDb);
        databaseUrl = rawDb;
      } catch {
        problems.push({ key: 'DATABASE_URL', message: 'is not a valid URL' });
      }
    }
  }

  const rawPublic = get('PUBLIC_URL');
  let publicUrl = `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
  if (rawPublic !== undefined) {
    try {
      const u = new URL(rawPublic);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
      publicUrl = u.origin + u.pathname.replace(/\/+$/, '');
    } catch {
      problems.push({ key: 'PUBLIC_URL', message: `must be an absolute http(s) URL, got "${rawPublic}"` });
    }
  }

  const rawLevel = (get('LOG_LEVEL') ?? 'info').toLowerCase();
  let logLevel: LogLevel = 'info';
  if ((LOG_LEVELS as readonly string[]).includes(rawLevel)) logLevel = rawLevel as LogLevel;
  else problems.push({ key: 'LOG_LEVEL', message: `must be one of ${LOG_LEVELS.join(', ')}, got "${rawLevel}"` });

  const flag = (key: 'SEED_DEMO' | 'PAGE_CACHE', fallback: boolean): boolean => {
    const raw = get(key);
    if (raw === undefined) return fallback;
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    problems.push({ key, message: `must be true or false, got "${raw}"` });
    return fallback;
  };
  const seedDemo = flag('SEED_DEMO', true);
  const pageCache = flag('PAGE_CACHE', true);

  let trustProxy: boolean | string = false;
  const rawTrust = get('TRUST_PROXY');
  if (rawTrust !== undefined) {
    if (/^(1|true|yes|on)$/i.test(rawTrust)) trustProxy = true;
    else if (/^(0|false|no|off)$/i.test(rawTrust)) trustProxy = false;
    else if (/^[0-9A-Fa-f.:/]+(\s*,\s*[0-9A-Fa-f.:/]+)*$/.test(rawTrust)) trustProxy = rawTrust.replace(/\s+/g, '');
    else problems.push({ key: 'TRUST_PROXY', message: `must be true, false or proxy addresses/CIDR ranges separated by commas, got "${rawTrust}"` });
  }

  let wireMaxFileBytes = WIRE_MAX_FILE_BYTES_DEFAULT;
  const rawWireMax = get('WIRE_MAX_FILE_BYTES');
  if (rawWireMax !== undefined) {
    const m = /^(\d{1,10})\s*(|k|kb|m|mb)$/i.exec(rawWireMax);
    const unit = { '': 1, k: 1024, kb: 1024, m: 1024 * 1024, mb: 1024 * 1024 }[(m?.[2] ?? '').toLowerCase()] ?? 1;
    const bytes = m ? Number(m[1]) * unit : NaN;
    if (!Number.isSafeInteger(bytes) || bytes < 1024 || bytes > WIRE_MAX_FILE_BYTES_LIMIT) {
      problems.push({ key: 'WIRE_MAX_FILE_BYTES', message: `must be a size from 1kb to 1024mb (bytes, or with kb/mb), got "${rawWireMax}"` });
    } else wireMaxFileBytes = bytes;
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({ port, host, dataDir, databaseUrl, publicUrl, logLevel, seedDemo, pageCache, trustProxy, wireMaxFileBytes });
}
