import { describe, expect, it } from 'vitest';
import { checkForm, emptyForm, formFieldOf, formFromSource, ruleRow, runSummary, splitSubjects, statusLine, type SourceForm } from './source-form.js';
import type { WireSourceView } from './types.js';

const view: WireSourceView = {
  id: 4,
  name: 'AFP world',
  agency: 'AFP',
  credit: 'AFP',
  kind: 'poll',
  folderPath: null,
  feedUrl: 'https://feeds.example.test/afp.xml',
  pollIntervalSeconds: 300,
  enabled: true,
  rules: [
    { subjects: ['Politics', 'World'], maxUrgency: 3, sectionId: 2, action: 'publish' },
    { subjects: [], maxUrgency: null, sectionId: 5, action: 'draft' },
  ],
  autoApplyUpdates: true,
  pushUrl: null,
  hasSecret: false,
  status: { lastRunAt: null, nextRunAt: null, failures: 0, lastError: null },
};

const form = (over: Partial<SourceForm>): SourceForm => ({ ...emptyForm(), ...over });

describe('wire source form', () => {
  it('round-trips a source: API → form → the same body back', () => {
    const f = formFromSource(view);
    expect(f.rules.map((r) => [r.subjects, r.maxPriority, r.sectionId, r.action])).toEqual([
      ['Politics, World', '3', '2', 'publish'],
      ['', '', '5', 'draft'],
    ]);
    expect(checkForm(f)).toEqual({
      errors: null,
      body: {
        name: 'AFP world',
        agency: 'AFP',
        credit: 'AFP',
        kind: 'poll',
        feedUrl: 'https://feeds.example.test/afp.xml',
        pollIntervalSeconds: 300,
        enabled: true,
        autoApplyUpdates: true,
        rules: view.rules,
      },
    });
  });

  it('sends only the fields the kind uses, and takes the agency as the credit when none is given', () => {
    const folder = checkForm(form({ name: 'PTI drop', agency: 'PTI', kind: 'folder', folderPath: ' /srv/wire/pti ', feedUrl: 'https://left.over' }));
    expect(folder.body).toEqual({ name: 'PTI drop', agency: 'PTI', credit: 'PTI', kind: 'folder', folderPath: '/srv/wire/pti', enabled: true, autoApplyUpdates: false, rules: [] });
    const push = checkForm(form({ name: 'Reuters push', agency: 'Reuters', credit: 'Reuters', kind: 'push', folderPath: 'relative/ignored' }));
    expect(push.body).not.toBeNull();
    expect(push.body).not.toHaveProperty('folderPath');
    expect(push.body).not.toHaveProperty('feedUrl');
  });

  it('names each mistake by the field the API would blame', () => {
    const bad = checkForm(
      form({
        kind: 'poll',
        feedUrl: 'ftp://feeds.example.test/x',
        pollInterval: '10',
        rules: [ruleRow({ sectionId: '' }), ruleRow({ sectionId: '3', maxPriority: '0' })],
      }),
    );
    expect(bad.body).toBeNull();
    expect(Object.keys(bad.errors ?? {}).sort()).toEqual(['agency', 'feedUrl', 'name', 'pollIntervalSeconds', 'rules.0.sectionId', 'rules.1.maxUrgency']);
    expect(checkForm(form({ name: 'x', agency: 'y', kind: 'folder', folderPath: 'srv/wire' })).errors).toEqual({ folderPath: expect.stringContaining('/') as unknown });
    expect(checkForm(form({ name: 'x', agency: 'y', kind: 'poll', feedUrl: 'https://ok.test/', pollInterval: '' })).body?.pollIntervalSeconds).toBe(120);
  });

  it('cleans the subject list of a rule', () => {
    expect(splitSubjects(' Politics, world ,, politics,')).toEqual(['Politics', 'world']);
    expect(splitSubjects('')).toEqual([]);
  });

  it('maps the server’s field names onto the form', () => {
    expect(formFieldOf('rules[1].sectionId')).toBe('rules.1.sectionId');
    expect(formFieldOf('/rules/0/sectionId')).toBe('rules.0.sectionId');
    expect(formFieldOf('folder_path')).toBe('folderPath');
    expect(formFieldOf('feedUrl')).toBe('feedUrl');
    expect(formFieldOf('rules.2.subjects.0')).toBe('rules.2.subjects');
    expect(formFieldOf('rules.2.action')).toBe('rules.2');
    expect(formFieldOf('rules')).toBe('rules');
    expect(formFieldOf('secret')).toBeNull();
    expect(formFieldOf(undefined)).toBeNull();
  });

  it('says how a source is doing in a line', () => {
    const when = (iso: string): string => iso.slice(11, 16);
    expect(statusLine(view.status, when)).toBe('Not run yet');
    expect(statusLine({ lastRunAt: '2026-11-29T10:42:00Z', nextRunAt: '2026-11-29T10:47:00Z', failures: 3, lastError: 'timeout' }, when)).toBe(
      'Last run 10:42 · next 10:47 · 3 failures',
    );
  });

  it('says what "Run now" did', () => {
    const file = (status: 'ingested' | 'unchanged' | 'refused') => ({ status, filename: 'x.xml', items: [], refusal: null });
    expect(runSummary({ sourceId: 1, outcome: 'done', files: [file('ingested'), file('ingested'), file('refused')], error: null })).toBe('Read 3 files: 2 ingested, 1 refused.');
    expect(runSummary({ sourceId: 1, outcome: 'done', files: [file('unchanged')], error: null })).toBe('Read 1 file: 1 unchanged.');
    expect(runSummary({ sourceId: 1, outcome: 'done', files: [], error: null })).toBe('Nothing new.');
    expect(runSummary({ sourceId: 1, outcome: 'failed', files: [], error: 'HTTP 503' })).toBe('The run failed: HTTP 503.');
    expect(runSummary({ sourceId: 1, outcome: 'not-modified', files: [], error: null })).toContain('not changed');
  });
});
