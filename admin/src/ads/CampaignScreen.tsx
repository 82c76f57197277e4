/**
 * One campaign: its details and targeting (a form; id "new" creates one),
 * pause and resume, delete, then its creatives and its report.
 */
import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api.js';
import { navigate } from '../router.js';
import { ErrorNote, Field, StatusNote } from '../ui/forms.js';
import { useAction } from '../ui/use-action.js';
import { ADS_BASE, CAMPAIGN_STATUS_LABELS, DEVICES, DEVICE_LABELS, PAGE_TYPES, PAGE_TYPE_LABELS, labelOf, type AdCampaign } from './ads.js';
import { checkCampaign, emptyForm, formFromCampaign, type CampaignForm, type FormErrors } from './campaign-form.js';
import { CreativesPanel } from './CreativesPanel.js';
import { CheckGroup, ConfirmDelete } from './parts.js';
import { ReportPanel } from './ReportPanel.js';
import { useLoad } from './use-load.js';

interface Section {
  id: number;
  name: string;
}

function useSections(): Section[] {
  const [sections, setSections] = useState<Section[]>([]);
  useEffect(() => {
    // Choices only: without them the campaign still saves (and keeps its section targeting).
    api<{ items: Section[] }>('GET', '/admin/sections').then((r) => setSections(r.items), () => undefined);
  }, []);
  return sections;
}

const TIME_ZONE = ((): string => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return 'local time';
  }
})();

const FORM_FIELDS = ['name', 'advertiser', 'startsAt', 'endsAt', 'priority', 'weight', 'impressionGoal', 'frequencyCap', 'sections', 'pageTypes', 'devices', 'languages', 'keywords'] as const;

function CampaignEditor(props: { campaign: AdCampaign | null; sections: Section[]; onSaved: (c: AdCampaign) => void }): JSX.Element {
  const { campaign } = props;
  const [form, setForm] = useState<CampaignForm>(() => (campaign ? formFromCampaign(campaign) : emptyForm(new Date())));
  const [errors, setErrors] = useState<FormErrors>({});
  const [saved, setSaved] = useState(false);
  const set = (change: Partial<CampaignForm>): void => {
    setForm((f) => ({ ...f, ...change }));
    setSaved(false);
  };

  const save = useAction(async () => {
    const checked = checkCampaign(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      throw new Error('Some details need fixing: see the messages beside them.');
    }
    setErrors({});
    const result = campaign
      ? await api<AdCampaign>('PATCH', `${ADS_BASE}/campaigns/${campaign.id}`, checked.body)
      : await api<AdCampaign>('POST', `${ADS_BASE}/campaigns`, checked.body);
    setSaved(true);
    props.onSaved(result);
  });
  // The server's blame ('targeting.languages.0') lands on the same field as the form's own checks.
  const serverField = save.field ? save.field.replace(/^targeting\./, '').split('.')[0] : null;
  const blame = (field: keyof FormErrors): string | null => errors[field] ?? (serverField === field ? save.error : null);
  const blamed = serverField !== null && serverField !== undefined && (FORM_FIELDS as readonly string[]).includes(serverField);

  return (
    <form
      class="card ad-form"
      aria-label="Campaign details"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <div class="ad-form__grid">
        <Field label="Campaign name" value={form.name} onValue={(name) => set({ name })} maxLength={200} required error={blame('name')} />
        <Field label="Advertiser" value={form.advertiser} onValue={(advertiser) => set({ advertiser })} maxLength={200} required error={blame('advertiser')} />
        <Field label="Starts" type="datetime-local" value={form.startsAt} onValue={(startsAt) => set({ startsAt })} required hint={`Newsroom time (${TIME_ZONE}).`} error={blame('startsAt')} />
        <Field label="Ends" type="datetime-local" value={form.endsAt} onValue={(endsAt) => set({ endsAt })} required hint="Stops serving at this moment, even on cached pages." error={blame('endsAt')} />
        <Field label="Priority" type="number" value={form.priority} onValue={(priority) => set({ priority })} hint="1–10; the highest eligible priority wins a slot." error={blame('priority')} />
        <Field label="Weight" type="number" value={form.weight} onValue={(weight) => set({ weight })} hint="Share of rotation among campaigns of equal priority." error={blame('weight')} />
        <Field
          label="Impression goal"
          value={form.impressionGoal}
          onValue={(impressionGoal) => set({ impressionGoal })}
          hint="Viewable impressions over the flight, paced evenly. Empty: no goal."
          error={blame('impressionGoal')}
        />
        <Field label="Frequency cap" type="number" value={form.frequencyCap} onValue={(frequencyCap) => set({ frequencyCap })} hint="Ads per reader per day. Empty: no cap." error={blame('frequencyCap')} />
      </div>

      <fieldset class="ad-targeting">
        <legend>Targeting</legend>
        <p class="hint">Nothing chosen in a group means “any”.</p>
        <CheckGroup legend="Sections" options={props.sections.map((s) => ({ value: s.id, label: s.name }))} values={form.sections} onChange={(sections) => set({ sections })} error={blame('sections')} />
        <CheckGroup legend="Page types" options={PAGE_TYPES.map((p) => ({ value: p, label: PAGE_TYPE_LABELS[p] }))} values={form.pageTypes} onChange={(pageTypes) => set({ pageTypes })} error={blame('pageTypes')} />
        <CheckGroup legend="Devices" options={DEVICES.map((d) => ({ value: d, label: DEVICE_LABELS[d] }))} values={form.devices} onChange={(devices) => set({ devices })} error={blame('devices')} />
        <Field label="Languages" value={form.languages} onValue={(languages) => set({ languages })} placeholder="en, hi" hint="Edition language codes, separated by commas; “en” also matches en-IN." error={blame('languages')} />
        <Field label="Keywords" value={form.keywords} onValue={(keywords) => set({ keywords })} placeholder="elections, cricket" hint="Any one among the story’s keywords, separated by commas." error={blame('keywords')} />
      </fieldset>

      <div class="actions">
        <button type="submit" class="primary" disabled={save.busy}>
          {campaign ? 'Save campaign' : 'Create campaign'}
        </button>
        {saved && !save.busy && <StatusNote>Saved.</StatusNote>}
      </div>
      <ErrorNote error={blamed ? null : save.error} />
    </form>
  );
}

/** draft → start (PATCH status), active ⇄ paused (pause/resume), active or paused → ended. */
function StatusActions(props: { campaign: AdCampaign; onChanged: (c: AdCampaign) => void }): JSX.Element {
  const { campaign } = props;
  const base = `${ADS_BASE}/campaigns/${campaign.id}`;
  const change = useAction(async (verb: 'pause' | 'resume' | 'active' | 'ended') => {
    const next = verb === 'pause' || verb === 'resume' ? await api<AdCampaign>('POST', `${base}/${verb}`) : await api<AdCampaign>('PATCH', base, { status: verb });
    props.onChanged(next);
  });
  const s = campaign.status;
  return (
    <div class="actions">
      <span class={`badge badge--ad-${s}`}>{labelOf(CAMPAIGN_STATUS_LABELS, s)}</span>
      {s === 'draft' && (
        <button type="button" class="primary" disabled={change.busy} onClick={() => void change.run('active')}>
          Start serving
        </button>
      )}
      {s === 'active' && (
        <button type="button" disabled={change.busy} onClick={() => void change.run('pause')}>
          Pause
        </button>
      )}
      {s === 'paused' && (
        <button type="button" class="primary" disabled={change.busy} onClick={() => void change.run('resume')}>
          Resume
        </button>
      )}
      {(s === 'active' || s === 'paused') && (
        <button type="button" disabled={change.busy} onClick={() => void change.run('ended')}>
          End now
        </button>
      )}
      <ConfirmDelete
        label="Delete campaign"
        confirm="Yes, delete it with its creatives and counts"
        onDelete={async () => {
          await api('DELETE', base);
          navigate('/newsroom/ads');
        }}
      />
      <ErrorNote error={change.error} />
    </div>
  );
}

export function CampaignScreen(props: { id: number | 'new'; query: Record<string, string> }): JSX.Element {
  const { id } = props;
  const sections = useSections();
  const loaded = useLoad<AdCampaign | null>(() => (id === 'new' ? Promise.resolve(null) : api<AdCampaign>('GET', `${ADS_BASE}/campaigns/${id}`)), String(id));
  const campaign = loaded.value;
  const sectionName = useMemo(() => new Map(sections.map((s) => [s.id, s.name])), [sections]);

  if (id !== 'new' && campaign === null) {
    return loaded.error ? (
      <>
        <ErrorNote error={loaded.error} />
        <a href="/newsroom/ads">Back to the campaigns</a>
      </>
    ) : (
      <StatusNote>Loading the campaign…</StatusNote>
    );
  }
  return (
    <>
      <div class="screen__head">
        <h1>{campaign ? campaign.name || 'Untitled campaign' : 'New campaign'}</h1>
        {campaign && <StatusActions campaign={campaign} onChanged={(c) => loaded.set(c)} />}
      </div>
      <CampaignEditor
        campaign={campaign}
        sections={sections}
        onSaved={(c) => {
          if (id === 'new') navigate(`/newsroom/ads/campaigns/${c.id}`, { replace: true });
          else loaded.set(c);
        }}
      />
      {campaign && (
        <>
          <CreativesPanel campaign={campaign} onChanged={loaded.reload} />
          <ReportPanel campaign={campaign} query={props.query} sectionName={(sid) => sectionName.get(sid)} />
        </>
      )}
    </>
  );
}
