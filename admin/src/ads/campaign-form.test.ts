import { describe, expect, it } from 'vitest';
import type { AdCampaign } from './ads.js';
import { checkCampaign, clickUrlProblem, describeTargeting, emptyForm, formFromCampaign, isoToLocalInput, localInputToIso, splitList, toggle, type CampaignForm } from './campaign-form.js';

const campaign: AdCampaign = {
  id: 7,
  name: 'Diwali sale',
  advertiser: 'Sharma Electronics',
  status: 'active',
  startsAt: new Date(2026, 10, 1, 9, 30).toISOString(),
  endsAt: new Date(2026, 10, 30, 23, 59).toISOString(),
  priority: 8,
  weight: 3,
  impressionGoal: 50000,
  frequencyCap: null,
  targeting: { sections: [2, 5], pageTypes: ['article'], devices: [], languages: ['en', 'hi'], keywords: ['festival'] },
  creatives: [],
  delivery: { served: 0, viewable: 0, clicks: 0, ctr: null, goalProgress: null, pacing: null },
};

const valid = (change: Partial<CampaignForm> = {}): CampaignForm => ({ ...formFromCampaign(campaign), ...change });

describe('dates in the newsroom’s local time', () => {
  it('shows an instant as a datetime-local value and sends it back as the same instant', () => {
    const iso = new Date(2026, 11, 1, 6, 5).toISOString();
    expect(isoToLocalInput(iso)).toBe('2026-12-01T06:05');
    expect(localInputToIso('2026-12-01T06:05')).toBe(iso);
    expect(localInputToIso(isoToLocalInput(campaign.startsAt))).toBe(campaign.startsAt);
  });

  it('refuses dates that do not exist and anything that is not a date', () => {
    expect(localInputToIso('2026-11-31T10:00')).toBeNull();
    expect(localInputToIso('2026-02-29T10:00')).toBeNull();
    expect(localInputToIso('tomorrow')).toBeNull();
    expect(localInputToIso('')).toBeNull();
    expect(isoToLocalInput('garbage')).toBe('');
    expect(isoToLocalInput(null)).toBe('');
  });

  it('starts a new campaign tomorrow at midnight for four weeks', () => {
    const f = emptyForm(new Date(2026, 10, 29, 15, 12));
    expect(f.startsAt).toBe('2026-11-30T00:00');
    expect(f.endsAt).toBe('2026-12-28T00:00');
    expect(f).toMatchObject({ name: '', priority: '5', weight: '1', impressionGoal: '', frequencyCap: '' });
  });
});

describe('campaign form ↔ API', () => {
  it('fills the form from a campaign and sends the same campaign back', () => {
    const f = formFromCampaign(campaign);
    expect(f).toMatchObject({ priority: '8', weight: '3', impressionGoal: '50000', frequencyCap: '', languages: 'en, hi', keywords: 'festival', sections: [2, 5] });
    const checked = checkCampaign(f);
    expect(checked).toEqual({
      ok: true,
      body: {
        name: 'Diwali sale',
        advertiser: 'Sharma Electronics',
        startsAt: campaign.startsAt,
        endsAt: campaign.endsAt,
        priority: 8,
        weight: 3,
        impressionGoal: 50000,
        frequencyCap: null,
        targeting: campaign.targeting,
      },
    });
  });

  it('trims text, reads "50,000" as a number and tidies the lists', () => {
    const checked = checkCampaign(valid({ name: '  Sale ', impressionGoal: '50,000', frequencyCap: ' 3 ', languages: 'en, ,EN, hi', keywords: 'a,\nb' }));
    expect(checked.ok && checked.body).toMatchObject({ name: 'Sale', impressionGoal: 50000, frequencyCap: 3, targeting: { languages: ['en', 'hi'], keywords: ['a', 'b'] } });
  });

  it('names each field that is wrong, with the API’s field names', () => {
    const checked = checkCampaign(
      valid({ name: ' ', advertiser: '', priority: '11', weight: '0', impressionGoal: '-5', frequencyCap: '2.5', languages: 'english!', startsAt: campaign.endsAt.slice(0, 0) }),
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(['advertiser', 'frequencyCap', 'impressionGoal', 'languages', 'name', 'priority', 'startsAt', 'weight']);
  });

  it('wants the end after the start', () => {
    const checked = checkCampaign(valid({ startsAt: '2026-12-02T10:00', endsAt: '2026-12-02T10:00' }));
    expect(checked).toEqual({ ok: false, errors: { endsAt: 'The end must come after the start.' } });
  });
});

describe('click-through addresses', () => {
  it('takes http and https addresses only', () => {
    expect(clickUrlProblem('https://shop.example/offer?x=1')).toBeNull();
    expect(clickUrlProblem('http://shop.example')).toBeNull();
    expect(clickUrlProblem('javascript:alert(1)')).toBe('Only http:// and https:// addresses.');
    expect(clickUrlProblem('data:text/html,hi')).toBe('Only http:// and https:// addresses.');
    expect(clickUrlProblem('shop.example/offer')).toMatch(/full address/);
    expect(clickUrlProblem('')).toMatch(/Enter/);
  });
});

describe('targeting choices', () => {
  it('toggles one value of a list', () => {
    expect(toggle(['a', 'b'], 'c', true)).toEqual(['a', 'b', 'c']);
    expect(toggle(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(toggle(['a'], 'a', true)).toEqual(['a']);
  });

  it('splits typed lists', () => {
    expect(splitList(' en , hi,,EN ')).toEqual(['en', 'hi']);
  });

  it('describes the targeting in words, naming sections', () => {
    expect(describeTargeting(campaign.targeting, (id) => (id === 2 ? 'City' : undefined))).toBe('sections City, #5; pages article; languages en, hi; keywords festival');
    expect(describeTargeting({ sections: [], pageTypes: [], devices: [], languages: [], keywords: [] }, () => undefined)).toBe('Everywhere (no targeting)');
  });
});
