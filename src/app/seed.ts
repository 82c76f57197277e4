/** First start: load the demo newspaper when the database has no stories and no sections. */
import { seedDemo } from '../features/demo/index.js';
import type { Services } from './services.js';

export async function seedDemoIfEmpty(s: Services, log: (msg: string) => void): Promise<boolean> {
  const [stories, sections] = await Promise.all([s.articles.listForDesk({ limit: 1 }), s.sections.list()]);
  if (stories.items.length > 0 || sections.length > 0) return false;
  log('empty database: loading the demo newspaper');
  await seedDemo(s, log);
  return true;
}
