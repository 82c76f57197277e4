/** Form pieces every screen uses: a labelled field, an error next to a control, a status line. */
import type { ComponentChildren, JSX } from 'preact';
import { useId } from 'preact/hooks';

export interface FieldProps {
  label: string;
  value: string;
  onValue: (v: string) => void;
  type?: 'text' | 'email' | 'password' | 'search' | 'number' | 'datetime-local' | 'date';
  autocomplete?: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  placeholder?: string;
  disabled?: boolean;
  name?: string;
  hint?: string;
  error?: string | null;
  /** A few lines of text (captions, alt text) rather than one. */
  rows?: number;
}

export function Field(props: FieldProps): JSX.Element {
  const { label, value, onValue, hint, error, type = 'text', rows, ...rest } = props;
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  // Preact types each input type together with the ARIA roles it allows; no role is set here, so every type fits.
  const inputType = type as 'text';
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {rows ? (
        <textarea
          id={id}
          rows={rows}
          value={value}
          onInput={(e) => onValue(e.currentTarget.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          required={rest.required}
          maxLength={rest.maxLength}
          disabled={rest.disabled}
          name={rest.name}
          placeholder={rest.placeholder}
        />
      ) : (
        <input
          id={id}
          type={inputType}
          value={value}
          onInput={(e) => onValue(e.currentTarget.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...rest}
        />
      )}
      {hint && (
        <small id={hintId} class="hint">
          {hint}
        </small>
      )}
      {error && (
        <p id={errorId} class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function SelectField(props: {
  label: string;
  value: string;
  onValue: (v: string) => void;
  options: readonly { value: string; label: string }[];
  disabled?: boolean;
}): JSX.Element {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} value={props.value} disabled={props.disabled} onChange={(e) => props.onValue(e.currentTarget.value)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The API's message for a failed action, shown right beside the control (role="alert" is announced at once). */
export function ErrorNote(props: { error: string | null }): JSX.Element | null {
  return props.error ? (
    <p class="error" role="alert">
      {props.error}
    </p>
  ) : null;
}

export function StatusNote(props: { children: ComponentChildren }): JSX.Element {
  return (
    <p class="status" role="status">
      {props.children}
    </p>
  );
}
