import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_S, backoffSeconds, checkFeedUrl, checkFolderPathShape, checkPollInterval, checkRules, toWireSource, toWireSourceView, type WireSourceRow } from './wire-source.js';

const row: WireSourceRow = {
  id: 7,
  name: 'AFP world',
  agency: 'AFP',
  credit: 'AFP',
  kind: 'push',
  folder_path: null,
  feed_url: null,
  poll_interval_s: 120,
  push_secret: 's3cret',
  enabled: 1,
  rules: '[{"subjects":["politics"],"maxUrgency":3,"sectionId":2,"action":"publish"},{"bogus":true}]',
  auto_apply_updates: 0,
  etag: null,
  last_modified: null,
  last_run_at: null,
  next_run_at: null,
  failures: 2,
  last_error: 'HTTP 500',
  created_at: '2026-11-29T10:00:00.000Z',
  updated_at: '2026-11-29T10:00:00.000Z',
};

describe('wire sources', () => {
  it('backs off by doubling the interval per failure, never past an hour and never below the interval', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((f) => backoffSeconds(120, f))).toEqual([120, 240, 480, 960, 1920, 3600, 3600]);
    expect(backoffSeconds(30, 100)).toBe(BACKOFF_CAP_S);
    expect(backoffSeconds(7200, 3)).toBe(7200);
  });

  it('shows staff whether a secret is set, never the secret, and where to push', () => {
    const view = toWireSourceView(toWireSource(row), 'https://news.example.test');
    expect(view).toMatchObject({ hasSecret: true, pushUrl: 'https://news.example.test/api/wire/push/7', status: { failures: 2, lastError: 'HTTP 500' } });
    expect(JSON.stringify(view)).not.toContain('s3cret');
    // A stored rule it cannot read is dropped, not half-applied.
    expect(view.rules).toEqual([{ subjects: ['politics'], maxUrgency: 3, sectionId: 2, action: 'publish' }]);
  });

  it('takes only absolute http(s) feed URLs without credentials', () => {
    expect(checkFeedUrl(' https://feeds.example.test/afp.xml ')).toBe('https://feeds.example.test/afp.xml');
    for (const bad of ['file:///etc/passwd', 'ftp://x.test/a', 'feeds.example.test/a', 'javascript:alert(1)', 'https://u:p@x.test/']) {
      expect(() => checkFeedUrl(bad), bad).toThrow(expect.objectContaining({ code: 'WIRE_FEED_URL_INVALID', field: 'feedUrl' }));
    }
  });

  it('takes only absolute folder paths, tidied', () => {
    expect(checkFolderPathShape('/srv/wire/afp/')).toBe('/srv/wire/afp');
    expect(checkFolderPathShape('/srv/wire/../wire/afp')).toBe('/srv/wire/afp');
    for (const bad of ['wire/afp', '', './x', '/srv/\0x']) {
      expect(() => checkFolderPathShape(bad), bad).toThrow(expect.objectContaining({ code: 'WIRE_FOLDER_INVALID', field: 'folderPath' }));
    }
  });

  it('keeps poll intervals between 30 s and a day', () => {
    expect(checkPollInterval(30)).toBe(30);
    expect(() => checkPollInterval(29)).toThrow(expect.objectContaining({ field: 'pollIntervalSeconds' }));
  });

  it('tidies rule subjects and names a bad urgency by its rule', () => {
    expect(checkRules([{ subjects: [' Politics ', 'politics', '', 'World'], maxUrgency: null, sectionId: 1, action: 'draft' }])).toEqual([
      { subjects: ['Politics', 'World'], maxUrgency: null, sectionId: 1, action: 'draft' },
    ]);
    expect(() => checkRules([{ subjects: [], maxUrgency: null, sectionId: 1, action: 'draft' }, { subjects: [], maxUrgency: 12, sectionId: 1, action: 'draft' }])).toThrow(
      expect.objectContaining({ code: 'WIRE_RULE_INVALID', field: 'rules.1.maxUrgency' }),
    );
  });
});
