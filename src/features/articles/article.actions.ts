/**
 * The workflow's use cases: moving a story between statuses (submit, take,
 * ready, send back, publish, schedule, unschedule, unpublish, kill), adding
 * corrections, and the scheduler's publication of a due story. Who may do
 * what from where is decided by article.workflow.ts; the rules about the
 * story itself (headline, section, embargo) are checked here.
 */
import { conflict, unprocessable } from '../../lib/errors.js';
import type { Db } from '../../db/index.js';
import type { ArticleUpdate } from '../../db/schema.js';
import { embargoProblem, publishProblems, type CorrectionKind } from './article.js';
import { normaliseInstant, type ArticleContext, type RevisionAction } from './article.context.js';
import type { ArticleView } from './article.hydrate.js';
import { SYSTEM_ACTOR, TARGET_STATUS, assertAllowed, type Actor, type WorkflowAction } from './article.workflow.js';
import * as q from './article.queries.js';

/** What became of one due story when the scheduler came for it. */
export interface ScheduledOutcome {
  outcome: 'published' | 'failed' | 'skipped';
  story: ArticleView;
  /** Why it could not go live (failed only); also left for the desk as the story's desk note. */
  problem?: string;
}

function refuseUnpublishable(story: ArticleView, now: string): void {
  const problem = publishProblems(story)[0];
  if (problem) throw unprocessable(problem.code, problem.message, problem.field);
  const embargoed = embargoProblem(story, now);
  if (embargoed) throw conflict(embargoed.code, embargoed.message, embargoed.field);
}

export function createArticleActions(c: ArticleContext) {
  /** One workflow action: allowed for this role from this status, then `write` (default: just move to the target status). */
  async function act(
    id: number,
    actor: Actor,
    action: WorkflowAction,
    revisionAction: RevisionAction,
    write: (trx: Db, current: ArticleView, now: string) => Promise<ArticleUpdate | void> = () => Promise.resolve(),
  ): Promise<ArticleView> {
    const { after } = await c.edit(id, actor, revisionAction, async (trx, current) => {
      assertAllowed(current, actor.role, action);
      const now = c.nowIso();
      const set = (await write(trx, current, now)) ?? {};
      const status = TARGET_STATUS[action];
      await c.writeRow(trx, current, { ...(status && { status }), ...set, modified_at: now });
    });
    return after;
  }

  return {
    /** The writer hands the story to the desk; the desk's old note has been answered. */
    submit: (id: number, actor: Actor) => act(id, actor, 'submit', 'submit', async () => ({ desk_note: null })),

    take: (id: number, actor: Actor) => act(id, actor, 'take', 'take'),

    ready: (id: number, actor: Actor) => act(id, actor, 'ready', 'ready'),

    /** Back to the writer as a draft, with the desk's note saying why. */
    sendBack: (id: number, note: string, actor: Actor) => act(id, actor, 'send-back', 'send-back', async () => ({ desk_note: note.trim() })),

    /** Live now; a republished story keeps its first publication time. Refused before the embargo. */
    publish: (id: number, actor: Actor) =>
      act(id, actor, 'publish', 'publish', async (_trx, current, now) => {
        refuseUnpublishable(current, now);
        return { published_at: current.publishedAt ?? now, updated_at: now, scheduled_at: null, desk_note: null };
      }),

    /** Goes live at `at` (the scheduler publishes it); `at` must be ahead and not before the embargo. */
    schedule: (id: number, at: string, actor: Actor) =>
      act(id, actor, 'schedule', 'schedule', async (_trx, current, now) => {
        const when = normaliseInstant(at, 'at');
        if (when <= now) throw unprocessable('ARTICLE_SCHEDULE_PAST', 'Choose a time in the future, or publish now.', 'at');
        const problem = publishProblems(current)[0];
        if (problem) throw unprocessable(problem.code, problem.message, problem.field);
        const embargoed = embargoProblem(current, when);
        if (embargoed) throw conflict(embargoed.code, `${embargoed.message} Schedule it for then or later.`, embargoed.field);
        return { scheduled_at: when, desk_note: null };
      }),

    unschedule: (id: number, actor: Actor) => act(id, actor, 'unschedule', 'unschedule', async () => ({ scheduled_at: null })),

    /** Takes a story off the site: 'unpublished' (can return) or 'killed' (legal/agency kill; never returns). A note tells the desk why. */
    takeDown: (id: number, how: 'unpublished' | 'killed', actor: Actor, note?: string) =>
      act(id, actor, how === 'killed' ? 'kill' : 'unpublish', how === 'killed' ? 'kill' : 'unpublish', async () => ({
        scheduled_at: null,
        ...(note !== undefined && { desk_note: note.trim() }),
      })),

    /** Appends a correction or update note; readers see it and dateModified moves. */
    addCorrection: (id: number, note: { kind: CorrectionKind; text: string }, actor: Actor) =>
      act(id, actor, 'correct', 'correct', async (trx, _current, now) => {
        await q.insertCorrection(trx, { article_id: id, kind: note.kind, text: note.text, created_at: now });
        return { updated_at: now, last_edited_by: actor.name };
      }),

    /**
     * The scheduler's publication of one due story, in its own transaction.
     * The write is conditional (still scheduled, due, same revision), so of
     * two ticks racing for the story exactly one publishes it and the other
     * is 'skipped'. A story that cannot go live (no section, embargo moved)
     * goes back to 'ready' with a desk note saying why, instead of being
     * retried every tick.
     */
    async publishScheduled(id: number): Promise<ScheduledOutcome> {
      let result: Omit<ScheduledOutcome, 'story'> = { outcome: 'skipped' };
      const { after } = await c.edit(id, SYSTEM_ACTOR, 'publish-scheduled', async (trx, current) => {
        const now = c.nowIso();
        if (current.status !== 'scheduled' || current.scheduledAt === null || current.scheduledAt > now) return false;
        const problem = publishProblems(current)[0] ?? embargoProblem(current, now);
        const set: ArticleUpdate = problem
          ? { status: 'ready', scheduled_at: null, desk_note: `Scheduled publication at ${current.scheduledAt} failed: ${problem.message}`, modified_at: now }
          : // The story takes the time the desk chose (a tick is up to 15 s late); after downtime, that time may be some way back.
            { status: 'published', published_at: current.publishedAt ?? current.scheduledAt, updated_at: current.scheduledAt, scheduled_at: null, desk_note: null, modified_at: now };
        if (!(await q.updateDueScheduledRow(trx, id, current.revision, now, set))) return false;
        result = problem ? { outcome: 'failed', problem: problem.message } : { outcome: 'published' };
        return problem ? 'schedule-failed' : 'publish-scheduled';
      });
      return { ...result, story: after };
    },
  };
}
