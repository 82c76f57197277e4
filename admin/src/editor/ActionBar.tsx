/**
 * The story's commands as buttons, and the same list as a menu. A command
 * that needs input (a note, a time, a confirmation, a correction) opens a
 * small form in place of its button, whose submit button has the command's
 * name; the API's message for a failure appears right after it.
 */
import type { JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { shortcutLabel, type Command, type CommandArgs } from './actions.js';
import { useFocusOnOpen } from './focus.js';
import { CORRECTION_KINDS } from './story.js';
import { fromLocalInput } from './time.js';
import type { CommandRunner } from './use-commands.js';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function InputForm(props: { command: Command; runner: CommandRunner }): JSX.Element | null {
  const { command, runner } = props;
  const id = useId();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<string>(CORRECTION_KINDS[0]);
  const [local, setLocal] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const form = useFocusOnOpen<HTMLFormElement>();
  const input = command.needsInput;
  if (!input) return null;
  const submit = (event: Event): void => {
    event.preventDefault();
    let args: CommandArgs = {};
    if (input.kind === 'note' || input.kind === 'correction') {
      if (text.trim() === '') {
        setProblem(input.kind === 'note' ? 'Write a note for the writer.' : 'Write the text of the correction.');
        return;
      }
      args = input.kind === 'note' ? { note: text.trim() } : { correctionKind: kind, text: text.trim() };
    } else if (input.kind === 'datetime') {
      const at = fromLocalInput(local);
      if (at === null) {
        setProblem('Choose the date and time.');
        return;
      }
      args = { at };
    }
    setProblem(null);
    void runner.invoke(command, args);
  };
  const busy = runner.running === command.id;
  return (
    <form ref={form} class="ed-ask" onSubmit={submit} aria-label={command.label}>
      {input.kind === 'note' && (
        <>
          <label for={id}>{input.label}</label>
          <textarea id={id} rows={3} maxLength={2000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </>
      )}
      {input.kind === 'datetime' && (
        <>
          <label for={id}>{input.label}</label>
          <input id={id} type="datetime-local" value={local} onInput={(e) => setLocal(e.currentTarget.value)} />
        </>
      )}
      {input.kind === 'confirm' && <p>{input.question}</p>}
      {input.kind === 'correction' && (
        <>
          <label for={`${id}-kind`}>Correction kind</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            {CORRECTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {k[0]?.toUpperCase()}
                {k.slice(1)}
              </option>
            ))}
          </select>
          <label for={id}>Correction text</label>
          <textarea id={id} rows={3} maxLength={2000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </>
      )}
      <div class="ed-row">
        <button type="submit" class={command.danger ? 'danger' : 'primary'} disabled={busy}>
          {command.label}
        </button>
        <button type="button" onClick={runner.cancelAsk} data-autofocus={input.kind === 'confirm' ? '' : undefined}>
          Cancel
        </button>
      </div>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

function ActionsMenu(props: { runner: CommandRunner }): JSX.Element {
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLUListElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    // A click anywhere else closes the menu.
    const outside = (event: MouseEvent): void => {
      if (event.target instanceof Node && !box.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);
  const close = (): void => {
    setOpen(false);
    button.current?.focus();
  };
  const onKey = (event: KeyboardEvent): void => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') close();
    else if (event.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (event.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else return;
    event.preventDefault();
  };
  return (
    <div ref={box} class="ed-menu">
      <button ref={button} type="button" aria-haspopup="menu" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        Actions menu
      </button>
      {open && (
        <ul id={id} ref={menu} role="menu" class="ed-menu-list" onKeyDown={onKey}>
          {props.runner.available.map((c) => (
            <li
              key={c.id}
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                setOpen(false);
                void props.runner.invoke(c);
              }}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' && e.key !== ' ') return;
                e.preventDefault();
                setOpen(false);
                void props.runner.invoke(c);
              }}
            >
              <span>{c.label}</span>
              {c.shortcut && <kbd>{shortcutLabel(c.shortcut, MAC)}</kbd>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ActionBar(props: { runner: CommandRunner }): JSX.Element {
  const { runner } = props;
  return (
    <div class="ed-actions" role="group" aria-label="Story actions">
      {runner.available.map((c) => (
        <div key={c.id} class="ed-action">
          {runner.asking === c.id ? (
            <InputForm command={c} runner={runner} />
          ) : (
            <button
              type="button"
              class={c.danger ? 'danger' : c.id === 'publish' ? 'primary' : undefined}
              disabled={runner.running !== null}
              aria-keyshortcuts={c.shortcut ? `${MAC ? 'Meta' : 'Control'}+${c.shortcut.shift ? 'Shift+' : ''}${c.shortcut.key.toUpperCase()}` : undefined}
              title={c.shortcut ? shortcutLabel(c.shortcut, MAC) : undefined}
              onClick={() => void runner.invoke(c)}
            >
              {c.label}
            </button>
          )}
          {runner.errors[c.id] && (
            <p class="error" role="alert">
              {runner.errors[c.id]}
            </p>
          )}
        </div>
      ))}
      <ActionsMenu runner={runner} />
    </div>
  );
}
