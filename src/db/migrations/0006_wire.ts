/** The wire desk: sources, wire items and their versions, ingest log. (Filled in by the wire desk work.) */
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect/index.js';

export async function up(_db: Kysely<unknown>, _dialect: Dialect): Promise<void> {}
