import { describe, expect, it } from 'vitest';
import { ROLES } from '../staff/index.js';
import { ARTICLE_STATUSES } from './article.js';
import { WORKFLOW_ACTIONS, allowedActions, refusal } from './article.workflow.js';
import { anyoneMay, may } from './article.workflow.fixtures.js';

describe('the workflow matrix', () => {
  const cases = WORKFLOW_ACTIONS.flatMap((action) => ARTICLE_STATUSES.flatMap((status) => ROLES.map((role) => ({ action, status, role }))));

  it.each(cases)('$role / $action from $status', ({ action, status, role }) => {
    const refused = refusal({ status }, role, action);
    if (may(action, status, role)) {
      expect(refused).toBeUndefined();
      expect(allowedActions({ status }, role)).toContain(action);
    } else {
      // A role short of the right is told so (403); a move nobody can make from here is a conflict with the story's state (409).
      expect(refused).toMatchObject(anyoneMay(action, status) ? { kind: 'forbidden', code: 'PERMISSION_DENIED' } : { kind: 'conflict', code: 'ARTICLE_TRANSITION_INVALID', field: 'status' });
      expect(allowedActions({ status }, role)).not.toContain(action);
    }
  });

  it('offers a contributor only writing and submitting a draft, never publishing or scheduling', () => {
    expect(allowedActions({ status: 'draft' }, 'contributor')).toEqual(['edit', 'submit']);
    expect(allowedActions({ status: 'submitted' }, 'contributor')).toEqual([]);
    expect(allowedActions({ status: 'ready' }, 'contributor')).toEqual([]);
  });

  it('lets a sub-editor take, ready and send back, but not publish', () => {
    expect(allowedActions({ status: 'submitted' }, 'sub-editor')).toEqual(['edit', 'take', 'ready', 'send-back']);
    expect(allowedActions({ status: 'ready' }, 'sub-editor')).toEqual(['edit', 'send-back']);
  });

  it('lets an editor publish, schedule, unpublish and kill', () => {
    expect(allowedActions({ status: 'ready' }, 'editor')).toEqual(['edit', 'send-back', 'publish', 'schedule', 'kill']);
    expect(allowedActions({ status: 'published' }, 'editor')).toEqual(['edit', 'unpublish', 'kill', 'correct']);
    expect(allowedActions({ status: 'unpublished' }, 'editor')).toEqual(['edit', 'publish', 'schedule', 'kill']);
  });

  it('leaves nothing to do with a killed story', () => {
    for (const role of ROLES) expect(allowedActions({ status: 'killed' }, role)).toEqual([]);
    expect(refusal({ status: 'killed' }, 'admin', 'publish')?.message).toMatch(/killed/);
  });

  it('tells a writer that a submitted story now belongs to the desk', () => {
    expect(refusal({ status: 'submitted' }, 'reporter', 'edit')?.message).toBe('This story is submitted: only the desk can edit it now.');
  });

  it('gives read-only roles no buttons at all', () => {
    for (const status of ARTICLE_STATUSES) expect(allowedActions({ status }, 'circulation')).toEqual([]);
  });
});
