/**
 * Running the story's commands (actions.ts) for the action bar, the actions
 * menu and the shortcuts alike: asks for input when a command needs it, saves
 * unsaved edits first, and keeps the API's message for an expected failure
 * (ARTICLE_EMBARGOED, ARTICLE_HEADLINE_REQUIRED…) next to that command.
 */
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { messageOf } from '../ui/use-action.js';
import { availableCommands, type Command, type CommandArgs, type Panel } from './actions.js';
import type { SaveController, SaveStatus } from './save-controller.js';
import { isStory, type Story } from './story.js';

export interface CommandRunner {
  available: Command[];
  /** Run a command; one that needs input without `args` opens its form instead. */
  invoke: (command: Command, args?: CommandArgs) => Promise<void>;
  /** The command whose input form is open. */
  asking: string | null;
  cancelAsk: () => void;
  running: string | null;
  errors: Readonly<Record<string, string>>;
}

function unsavedReason(status: SaveStatus): string {
  switch (status.kind) {
    case 'conflict':
      return 'Someone else saved this story: choose which version to keep first.';
    case 'offline':
      return 'The story could not be saved (offline). Try again when the connection is back.';
    case 'failed':
      return `The story could not be saved: ${status.message}`;
    default:
      return 'The story could not be saved first.';
  }
}

export function useCommands(opts: {
  story: Story | null;
  permissions: readonly string[];
  controller: SaveController | null;
  openPanel: (panel: Panel) => void;
  onStory: (story: Story) => void;
}): CommandRunner {
  const [asking, setAsking] = useState<string | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const latest = useRef(opts);
  latest.current = opts;
  const busy = useRef(false);

  // Recomputed only when the offered actions change, not on every save.
  const actionsKey = opts.story ? (opts.story.actions ?? []).join(',') : null;
  const { permissions } = opts;
  const available = useMemo(
    () => (actionsKey === null ? [] : availableCommands({ actions: actionsKey === '' ? [] : actionsKey.split(',') }, permissions)),
    [actionsKey, permissions],
  );

  const setError = (id: string, message: string | null): void =>
    setErrors((prev) => {
      const next = { ...prev };
      if (message === null) delete next[id];
      else next[id] = message;
      return next;
    });

  const invoke = useCallback(async (command: Command, args?: CommandArgs): Promise<void> => {
    const { story, controller, openPanel, onStory } = latest.current;
    if (!story || !controller || busy.current) return;
    if (command.needsInput && args === undefined) {
      setAsking(command.id);
      setError(command.id, null);
      return;
    }
    busy.current = true;
    setRunning(command.id);
    setError(command.id, null);
    try {
      if (command.savesFirst && (controller.isDirty() || controller.isBusy()) && !(await controller.flush())) {
        setError(command.id, unsavedReason(controller.status));
        return;
      }
      const result = await command.run({ story, args: args ?? {}, call: api, save: () => controller.flush(), openPanel });
      if (isStory(result)) onStory(result);
      setAsking(null);
    } catch (err) {
      setError(command.id, messageOf(err));
    } finally {
      busy.current = false;
      setRunning(null);
    }
  }, []);

  const cancelAsk = useCallback(() => setAsking(null), []);
  return { available, invoke, asking, cancelAsk, running, errors };
}
