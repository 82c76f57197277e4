/**
 * A source's auto-publish rules, one row each: which items (subjects, how
 * urgent), where they go (section) and what happens (publish at once, or a
 * draft waiting for the desk). The first rule an item matches applies.
 */
import type { JSX } from 'preact';
import { Field, SelectField } from '../ui/forms.js';
import { PRIORITY_CHOICES } from './inbox.js';
import { ruleRow, type FormErrors, type RuleRow } from './source-form.js';

export interface Section {
  id: number;
  name: string;
}

type Choice = { value: string; label: string };

/** A rule saved with a value the choices do not list (a section since removed, priority 4) keeps it visible. */
function withSaved(choices: readonly Choice[], value: string, label: string): readonly Choice[] {
  return value && !choices.some((c) => c.value === value) ? [...choices, { value, label }] : choices;
}

export function RulesEditor(props: { rows: readonly RuleRow[]; sections: readonly Section[]; errors: FormErrors; onChange: (rows: RuleRow[]) => void }): JSX.Element {
  const { rows } = props;
  const set = (i: number, change: Partial<RuleRow>): void => props.onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const sectionChoices = [{ value: '', label: 'Choose a section' }, ...props.sections.map((s) => ({ value: String(s.id), label: s.name }))];
  const rulesError = props.errors['rules'];
  return (
    <fieldset class="wire-rules">
      <legend>Auto-publish rules</legend>
      <p class="hint">Items matching a rule become stories as they arrive. Items matching none wait for the desk.</p>
      {rulesError && (
        <p class="error" role="alert">
          {rulesError}
        </p>
      )}
      {rows.length === 0 && <p class="status">No rules: every item waits for the desk.</p>}
      {rows.map((row, i) => {
        const err = (field: string): string | null => props.errors[`rules.${i}.${field}`] ?? null;
        const rowError = props.errors[`rules.${i}`];
        return (
          <div key={row.key} class="wire-rule" role="group" aria-label={`Rule ${i + 1}`}>
            <Field label={`Rule ${i + 1}: subjects`} hint="Comma-separated; empty for every subject." value={row.subjects} onValue={(subjects) => set(i, { subjects })} error={err('subjects')} maxLength={500} />
            <SelectField label={`Rule ${i + 1}: priority`} value={row.maxPriority} onValue={(maxPriority) => set(i, { maxPriority })} options={withSaved(PRIORITY_CHOICES, row.maxPriority, `Priority ${row.maxPriority} and above`)} />
            <div>
              <SelectField label={`Rule ${i + 1}: section`} value={row.sectionId} onValue={(sectionId) => set(i, { sectionId })} options={withSaved(sectionChoices, row.sectionId, `Section ${row.sectionId}`)} />
              {(err('sectionId') ?? err('maxUrgency')) && (
                <p class="error" role="alert">
                  {err('sectionId') ?? err('maxUrgency')}
                </p>
              )}
            </div>
            <SelectField
              label={`Rule ${i + 1}: action`}
              value={row.action}
              onValue={(action) => set(i, { action: action === 'publish' ? 'publish' : 'draft' })}
              options={[
                { value: 'draft', label: 'Make a draft' },
                { value: 'publish', label: 'Publish' },
              ]}
            />
            <button type="button" class="danger" onClick={() => props.onChange(rows.filter((_, j) => j !== i))}>
              Remove rule {i + 1}
            </button>
            {rowError && (
              <p class="error" role="alert">
                {rowError}
              </p>
            )}
          </div>
        );
      })}
      <button type="button" onClick={() => props.onChange([...rows, ruleRow()])}>
        Add a rule
      </button>
    </fieldset>
  );
}
