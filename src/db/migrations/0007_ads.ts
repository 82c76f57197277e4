/** Advertising: campaigns, creatives, counts, rate card and inquiries. (Filled in by the advertising work.) */
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect/index.js';

export async function up(_db: Kysely<unknown>, _dialect: Dialect): Promise<void> {}
