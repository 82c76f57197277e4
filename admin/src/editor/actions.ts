/**
 * Every editorial action on a story is one command object (STYLE.md item 11).
 * The action bar, the actions menu and the keyboard shortcuts all read this
 * list; a workflow command is offered only when the story's `actions` (from
 * the API, computed for the caller's role and the story's status) include it,
 * so the app never offers what the API would refuse.
 */
import type { Story } from './story.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Always with Ctrl (Windows, Linux) or Cmd (Mac). */
export interface Shortcut {
  key: string;
  shift?: boolean;
}

export type CommandInput =
  | { kind: 'note'; label: string }
  | { kind: 'datetime'; label: string }
  | { kind: 'confirm'; question: string }
  | { kind: 'correction' };

/** What a command that needs input was given (a datetime already as an ISO instant). */
export interface CommandArgs {
  note?: string;
  at?: string;
  correctionKind?: string;
  text?: string;
}

export type Panel = 'preview' | 'history';

export interface CommandContext {
  story: Story;
  args: CommandArgs;
  call<T>(method: Method, path: string, body?: unknown): Promise<T>;
  save(): Promise<boolean>;
  openPanel(panel: Panel): void;
}

export interface Command {
  id: string;
  label: string;
  /** The entry of the story's `actions` that offers this command; null when it does not depend on the story's status. */
  action: string | null;
  /** A permission the person needs besides (a preview link takes copy out of the newsroom: articles:write). */
  permission?: string;
  shortcut?: Shortcut;
  needsInput?: CommandInput;
  /** Save unsaved edits first, so the action applies to what is on screen. */
  savesFirst: boolean;
  /** Destructive or final: styled as a warning. */
  danger?: boolean;
  /** Resolves to the story as changed by the action, or null when the action changes nothing on the server. */
  run(ctx: CommandContext): Promise<Story | null>;
}

function workflow(id: string, label: string, extra: Partial<Command> = {}, body?: (args: CommandArgs) => unknown): Command {
  return {
    id,
    label,
    action: id,
    savesFirst: true,
    run: (ctx) => ctx.call<Story>('POST', `/admin/articles/${ctx.story.id}/${id}`, body ? body(ctx.args) : undefined),
    ...extra,
  };
}

export const COMMANDS: readonly Command[] = [
  {
    id: 'save',
    label: 'Save',
    action: 'edit',
    shortcut: { key: 's' },
    savesFirst: false,
    run: async (ctx) => {
      await ctx.save();
      return null;
    },
  },
  workflow('submit', 'Submit to desk'),
  workflow('take', 'Take into edit'),
  workflow('ready', 'Mark ready'),
  workflow('send-back', 'Send back', { needsInput: { kind: 'note', label: 'Note for the writer' } }, (a) => ({ note: a.note ?? '' })),
  workflow('publish', 'Publish', { shortcut: { key: 'p', shift: true } }),
  workflow('schedule', 'Schedule', { needsInput: { kind: 'datetime', label: 'Publish at' } }, (a) => ({ at: a.at ?? '' })),
  workflow('unschedule', 'Unschedule'),
  workflow('unpublish', 'Unpublish', { danger: true }),
  workflow('kill', 'Kill', { danger: true, needsInput: { kind: 'confirm', question: 'Kill this story? It comes off the site and can never be published again.' } }),
  {
    id: 'correct',
    label: 'Add correction',
    action: 'correct',
    needsInput: { kind: 'correction' },
    savesFirst: true,
    run: (ctx) => ctx.call<Story>('POST', `/admin/articles/${ctx.story.id}/corrections`, { kind: ctx.args.correctionKind ?? 'correction', text: ctx.args.text ?? '' }),
  },
  {
    id: 'preview',
    label: 'Preview',
    action: null,
    permission: 'articles:write',
    savesFirst: true,
    run: async (ctx) => {
      ctx.openPanel('preview');
      return null;
    },
  },
  {
    id: 'history',
    label: 'History',
    action: null,
    savesFirst: false,
    run: async (ctx) => {
      ctx.openPanel('history');
      return null;
    },
  },
];

/** The commands this person may use on this story now, in menu order. */
export function availableCommands(story: Pick<Story, 'actions'>, permissions: readonly string[], commands: readonly Command[] = COMMANDS): Command[] {
  return commands.filter((c) => (c.action === null || story.actions.includes(c.action)) && (c.permission === undefined || permissions.includes(c.permission)));
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The command a key press asks for, among those offered. */
export function commandForKey(event: KeyLike, commands: readonly Command[]): Command | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return undefined;
  const key = event.key.toLowerCase();
  return commands.find((c) => c.shortcut !== undefined && c.shortcut.key === key && (c.shortcut.shift ?? false) === event.shiftKey);
}

export function shortcutLabel(shortcut: Shortcut, mac: boolean): string {
  return [mac ? '⌘' : 'Ctrl', shortcut.shift ? 'Shift' : null, shortcut.key.toUpperCase()].filter((p) => p !== null).join(mac ? '' : '+');
}
