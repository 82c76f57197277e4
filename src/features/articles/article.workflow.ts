/**
 * The editorial workflow as data: which role may move a story from which
 * status, by which action. Pure. The same table refuses a request (the
 * service) and lists the buttons a caller may press (`actions` in the staff
 * story JSON), so the newsroom app never offers what the API would refuse.
 */
import { AppError } from '../../lib/errors.js';
import { roleHas, type Permission, type Role } from '../staff/index.js';
import { ARTICLE_STATUSES, type ArticleStatus } from './article.js';

export const WORKFLOW_ACTIONS = [
  'edit',
  'submit',
  'take',
  'ready',
  'send-back',
  'publish',
  'schedule',
  'unschedule',
  'unpublish',
  'kill',
  'correct',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** Who is changing a story: from the request's principal, or the system for the CLI, demo, importers and the scheduler. */
export interface Actor {
  userId: number | null;
  name: string;
  role: Role;
}

export const SYSTEM_ACTOR: Actor = Object.freeze({ userId: null, name: 'Dateline', role: 'admin' });

/** Every status a story can still leave; a killed story is final. */
const NOT_KILLED = ARTICLE_STATUSES.filter((s) => s !== 'killed');
/** Statuses from which a story can go live (again): anything not live and not killed. */
const OFF_SITE: readonly ArticleStatus[] = ['draft', 'submitted', 'in_edit', 'ready', 'scheduled', 'unpublished'];

interface Grant {
  permission: Permission;
  from: readonly ArticleStatus[];
}

/**
 * The matrix. An action is allowed when any of its grants holds: the role has
 * the permission and the story is in one of the statuses. Writers edit their
 * copy only while it is a draft (sent-back stories are drafts again); once
 * submitted it belongs to the desk.
 */
export const WORKFLOW: Readonly<Record<WorkflowAction, readonly Grant[]>> = {
  edit: [
    { permission: 'articles:write', from: ['draft'] },
    { permission: 'articles:edit', from: NOT_KILLED },
  ],
  submit: [{ permission: 'articles:write', from: ['draft'] }],
  take: [{ permission: 'articles:edit', from: ['submitted'] }],
  ready: [{ permission: 'articles:edit', from: ['submitted', 'in_edit'] }],
  'send-back': [{ permission: 'articles:edit', from: ['submitted', 'in_edit', 'ready'] }],
  publish: [{ permission: 'articles:publish', from: OFF_SITE }],
  // Scheduling again moves the time; scheduling an unpublished story republishes it later.
  schedule: [{ permission: 'articles:publish', from: OFF_SITE }],
  unschedule: [{ permission: 'articles:publish', from: ['scheduled'] }],
  unpublish: [{ permission: 'articles:publish', from: ['published'] }],
  // A legal or agency kill can hit a story at any stage, and stops it ever being published.
  kill: [{ permission: 'articles:publish', from: NOT_KILLED }],
  correct: [{ permission: 'articles:publish', from: ['published'] }],
};

/** Where each moving action takes a story (edit and correct leave the status alone). */
export const TARGET_STATUS: Readonly<Partial<Record<WorkflowAction, ArticleStatus>>> = {
  submit: 'submitted',
  take: 'in_edit',
  ready: 'ready',
  'send-back': 'draft',
  publish: 'published',
  schedule: 'scheduled',
  unschedule: 'ready',
  unpublish: 'unpublished',
  kill: 'killed',
};

/** The actions `role` may take on a story in `status`, in menu order. */
export function allowedActions(story: { status: ArticleStatus }, role: Role): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => WORKFLOW[action].some((g) => g.from.includes(story.status) && roleHas(role, g.permission)));
}

const STATUS_LABEL: Readonly<Record<ArticleStatus, string>> = {
  draft: 'a draft',
  submitted: 'submitted',
  in_edit: 'being edited',
  ready: 'ready',
  scheduled: 'scheduled',
  published: 'published',
  unpublished: 'unpublished',
  killed: 'killed',
};

/**
 * Why `role` may not take `action` now, or undefined when it may: 403
 * PERMISSION_DENIED when someone else could do it from this status (the role
 * lacks the right), 409 ARTICLE_TRANSITION_INVALID when nobody could.
 */
export function refusal(story: { status: ArticleStatus }, role: Role, action: WorkflowAction): AppError | undefined {
  const grants = WORKFLOW[action];
  if (grants.some((g) => g.from.includes(story.status) && roleHas(role, g.permission))) return undefined;
  const fromHere = grants.filter((g) => g.from.includes(story.status));
  if (fromHere.length > 0) {
    const message =
      action === 'edit'
        ? `This story is ${STATUS_LABEL[story.status]}: only the desk can edit it now.`
        : `Your role (${role}) may not ${action.replace('-', ' ')} a story (needs ${fromHere.map((g) => g.permission).join(' or ')}).`;
    return new AppError('forbidden', 'PERMISSION_DENIED', message);
  }
  const message =
    story.status === 'killed'
      ? 'This story was killed; it cannot be changed or published again.'
      : `A story that is ${STATUS_LABEL[story.status]} cannot be ${PAST[action]}.`;
  return new AppError('conflict', 'ARTICLE_TRANSITION_INVALID', message, 'status');
}

const PAST: Readonly<Record<WorkflowAction, string>> = {
  edit: 'edited',
  submit: 'submitted',
  take: 'taken into edit',
  ready: 'marked ready',
  'send-back': 'sent back',
  publish: 'published',
  schedule: 'scheduled',
  unschedule: 'unscheduled',
  unpublish: 'unpublished',
  kill: 'killed',
  correct: 'corrected',
};

export function assertAllowed(story: { status: ArticleStatus }, role: Role, action: WorkflowAction): void {
  const refused = refusal(story, role, action);
  if (refused) throw refused;
}
