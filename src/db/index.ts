export { connect, ping } from './connect.js';
export type { Db, Store, ConnectOptions } from './connect.js';
export { migrateToLatest, LATEST_MIGRATION } from './migrate.js';
export type * from './schema.js';
export type * from './schema.wire.js';
export type * from './schema.ads.js';
export { CONTENT_TABLES } from './schema.js';
export type { Dialect, DialectName } from './dialect/index.js';
