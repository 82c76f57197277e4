/** Test-only: the workflow matrix as the newsroom states it, shared by the rule tests and the service tests. */
import type { Role } from '../staff/index.js';
import { ARTICLE_STATUSES, type ArticleStatus } from './article.js';
import type { WorkflowAction } from './article.workflow.js';

/**
 * The newsroom's rules, written out by hand (docs/workflow.md): for each
 * action, the statuses it starts from and the roles that may take it. The
 * code's table must agree with this one cell by cell.
 */
const WRITERS: Role[] = ['contributor', 'reporter', 'sub-editor', 'editor', 'admin'];
const DESK: Role[] = ['sub-editor', 'editor', 'admin'];
const EDITORS: Role[] = ['editor', 'admin'];
const OFF_SITE: ArticleStatus[] = ['draft', 'submitted', 'in_edit', 'ready', 'scheduled', 'unpublished'];
const ALL_BUT_KILLED = ARTICLE_STATUSES.filter((s) => s !== 'killed');

export const EXPECTED: Record<WorkflowAction, { from: ArticleStatus[]; roles: Role[] }[]> = {
  edit: [
    { from: ['draft'], roles: WRITERS },
    { from: ALL_BUT_KILLED, roles: DESK },
  ],
  submit: [{ from: ['draft'], roles: WRITERS }],
  take: [{ from: ['submitted'], roles: DESK }],
  ready: [{ from: ['submitted', 'in_edit'], roles: DESK }],
  'send-back': [{ from: ['submitted', 'in_edit', 'ready'], roles: DESK }],
  publish: [{ from: OFF_SITE, roles: EDITORS }],
  schedule: [{ from: OFF_SITE, roles: EDITORS }],
  unschedule: [{ from: ['scheduled'], roles: EDITORS }],
  unpublish: [{ from: ['published'], roles: EDITORS }],
  kill: [{ from: ALL_BUT_KILLED, roles: EDITORS }],
  correct: [{ from: ['published'], roles: EDITORS }],
};

export const may = (action: WorkflowAction, status: ArticleStatus, role: Role) => EXPECTED[action].some((g) => g.from.includes(status) && g.roles.includes(role));
export const anyoneMay = (action: WorkflowAction, status: ArticleStatus) => EXPECTED[action].some((g) => g.from.includes(status));


/** Where each moving action leaves a story. */
export const EXPECTED_TARGET: Partial<Record<WorkflowAction, ArticleStatus>> = {
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
