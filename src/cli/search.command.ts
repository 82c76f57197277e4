import { parseArgs } from 'node:util';
import type { Services } from '../app/services.js';
import type { Io } from './main.js';

/** "[########------------] 40%  4,000/10,000 stories", printed at every 5% so logs stay short. */
export function progressBar(io: Io, noun: string): (done: number, total: number) => void {
  let shown = -1;
  return (done, total) => {
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
    const step = Math.floor(pct / 5) * 5;
    if (step === shown) return;
    shown = step;
    const filled = Math.round(step / 5);
    io.err(`[${'#'.repeat(filled)}${'-'.repeat(20 - filled)}] ${String(step).padStart(3)}%  ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${noun}`);
  };
}

/** `dateline search reindex`: rebuilds the search index in batches, each its own transaction, while the site serves. */
export async function searchCommand(s: Services, args: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  if (positionals.length !== 1 || positionals[0] !== 'reindex') {
    io.err('Usage: dateline search reindex');
    return 2;
  }
  const started = Date.now();
  const r = await s.search.reindex(progressBar(io, 'documents'));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.out(`Reindexed ${r.stories.toLocaleString('en')} stories and ${r.wireItems.toLocaleString('en')} wire items on ${s.store.describe} in ${seconds} s${r.removed ? `; removed ${r.removed} stale documents` : ''}.`);
  return 0;
}
