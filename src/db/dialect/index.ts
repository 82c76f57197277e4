export type { Dialect, DialectName } from './dialect.js';
export { sqliteDialect } from './sqlite.js';
export { postgresDialect } from './postgres.js';
