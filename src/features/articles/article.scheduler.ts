/**
 * Durable scheduled publishing. The schedule lives in the database (status
 * 'scheduled' + scheduled_at), not in a timer, so a restart loses nothing:
 * every tick publishes whatever is due, including what fell due while the
 * server was down. Each story is published by a conditional write in its own
 * transaction (see publishScheduled), so two server processes, or two
 * overlapping ticks, publish it exactly once.
 */
import type { Db } from '../../db/index.js';
import type { Clock } from '../../lib/clock.js';
import type { ScheduledOutcome } from './article.actions.js';
import * as q from './article.queries.js';

/** How often a running server looks for due stories. A story goes live at most this late. */
export const SCHEDULER_INTERVAL_MS = 15_000;
/** Stories handled per query; a tick keeps asking until nothing more is due. */
const BATCH = 50;

/** The part of a logger the scheduler uses (pino's and Fastify's fit). */
export interface SchedulerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface ArticleScheduler {
  /** Publishes every due story once; answers how many went live. */
  tick(): Promise<number>;
  /** A tick now (catch-up after downtime), then one every `intervalMs`. */
  start(intervalMs?: number): void;
  /** No more ticks; resolves when a tick in progress has finished. */
  stop(): Promise<void>;
}

export function createArticleScheduler(deps: {
  db: Db;
  clock: Clock;
  articles: { publishScheduled(id: number): Promise<ScheduledOutcome> };
  log: SchedulerLog;
}): ArticleScheduler {
  const { db, clock, articles, log } = deps;
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<number> | undefined;

  async function tick(): Promise<number> {
    let published = 0;
    // Ids that could not be settled this tick (lost a race, failed): not asked for again until the next tick.
    const seen = new Set<number>();
    for (;;) {
      const due = (await q.dueScheduledIds(db, clock.now().toISOString(), BATCH + seen.size)).filter((id) => !seen.has(id));
      if (due.length === 0) return published;
      for (const id of due) {
        seen.add(id);
        try {
          const r = await articles.publishScheduled(id);
          if (r.outcome === 'published') {
            published++;
            log.info({ articleId: id, scheduledAt: r.story.publishedAt }, 'scheduled story published');
          } else if (r.outcome === 'failed') {
            log.warn({ articleId: id, problem: r.problem }, 'scheduled story could not be published; sent back to ready with a desk note');
          }
        } catch (err) {
          // One broken story must not hold up the others; it stays scheduled and is tried again next tick.
          log.error({ err, articleId: id }, 'publishing a scheduled story failed');
        }
      }
    }
  }

  /** In-process ticks never overlap: a slow tick makes the next one wait rather than run beside it. */
  function guardedTick(): Promise<number> {
    running ??= tick()
      .catch((err: unknown) => {
        log.error({ err }, 'the scheduler could not read due stories; trying again next tick');
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  return {
    tick,
    start(intervalMs = SCHEDULER_INTERVAL_MS) {
      if (timer) return;
      void guardedTick();
      timer = setInterval(() => void guardedTick(), intervalMs);
      // The schedule is in the database: a pending tick is no reason to keep the process alive.
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
