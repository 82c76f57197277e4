import { parseArgs } from 'node:util';
import type { Services } from '../app/services.js';
import { seedDemo } from '../features/demo/index.js';
import type { Io } from './main.js';

export async function demoCommand(s: Services, args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { force: { type: 'boolean', default: false } }, strict: true });
  const [stories, sections] = await Promise.all([s.articles.listForDesk({ limit: 1 }), s.sections.list()]);
  if ((stories.items.length > 0 || sections.length > 0) && !values.force) {
    io.err('This database already has content. The demo is meant for an empty paper; pass --force to add what is missing.');
    return 1;
  }
  const summary = await seedDemo(s, (msg) => io.err(msg));
  io.out(`Loaded the demo newspaper: ${summary.stories} stories, ${summary.sections} sections, ${summary.authors} authors, ${summary.pages} pages.`);
  return 0;
}
