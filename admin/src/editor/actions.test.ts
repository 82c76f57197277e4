import { describe, expect, it } from 'vitest';
import { availableCommands, commandForKey, COMMANDS, shortcutLabel, type Command, type CommandContext } from './actions.js';
import { makeStory } from './test-story.js';

const key = (k: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

function command(id: string): Command {
  const found = COMMANDS.find((c) => c.id === id);
  if (!found) throw new Error(`no command ${id}`);
  return found;
}

describe('story commands', () => {
  it('have the button names the newsroom uses', () => {
    expect(COMMANDS.map((c) => c.label)).toEqual([
      'Save',
      'Submit to desk',
      'Take into edit',
      'Mark ready',
      'Send back',
      'Publish',
      'Schedule',
      'Unschedule',
      'Unpublish',
      'Kill',
      'Add correction',
      'Preview',
      'History',
    ]);
  });

  it('offers only what the API says this person may do with the story now, plus preview and history', () => {
    const writer = ['content:read', 'articles:write'];
    const reporter = availableCommands({ actions: ['edit', 'submit'] }, writer).map((c) => c.label);
    expect(reporter).toEqual(['Save', 'Submit to desk', 'Preview', 'History']);
    const editorOnLive = availableCommands({ actions: ['edit', 'unpublish', 'kill', 'correct'] }, writer).map((c) => c.label);
    expect(editorOnLive).toEqual(['Save', 'Unpublish', 'Kill', 'Add correction', 'Preview', 'History']);
    expect(availableCommands({ actions: [] }, writer).map((c) => c.id)).toEqual(['preview', 'history']);
    // Ad-ops may read a story but not carry its unpublished copy out by a preview link.
    expect(availableCommands({ actions: [] }, ['content:read']).map((c) => c.id)).toEqual(['history']);
  });

  it('answers Ctrl/Cmd+S with Save and Ctrl/Cmd+Shift+P with Publish, only when offered', () => {
    const desk = availableCommands({ actions: ['edit', 'publish'] }, ['articles:write']);
    expect(commandForKey(key('s', { ctrl: true }), desk)?.id).toBe('save');
    expect(commandForKey(key('S', { meta: true }), desk)?.id).toBe('save');
    expect(commandForKey(key('P', { ctrl: true, shift: true }), desk)?.id).toBe('publish');
    expect(commandForKey(key('p', { ctrl: true }), desk)).toBeUndefined(); // the browser's print stays
    expect(commandForKey(key('s'), desk)).toBeUndefined();
    expect(commandForKey(key('p', { ctrl: true, shift: true }), availableCommands({ actions: ['edit'] }, ['articles:write']))).toBeUndefined();
    expect(shortcutLabel({ key: 'p', shift: true }, false)).toBe('Ctrl+Shift+P');
    expect(shortcutLabel({ key: 's' }, true)).toBe('⌘S');
  });

  it('ask for what the API needs: a note to send back, a time to schedule, a confirmation to kill, kind and text for a correction', () => {
    expect(command('send-back').needsInput?.kind).toBe('note');
    expect(command('schedule').needsInput?.kind).toBe('datetime');
    expect(command('kill').needsInput?.kind).toBe('confirm');
    expect(command('correct').needsInput?.kind).toBe('correction');
    expect(command('publish').needsInput).toBeUndefined();
  });

  it('call the workflow routes of the contract', async () => {
    const calls: unknown[][] = [];
    const story = makeStory({ id: 12 });
    const ctx = (args: CommandContext['args']): CommandContext => ({
      story,
      args,
      call: <T,>(...call: unknown[]) => {
        calls.push(call);
        return Promise.resolve(story as T);
      },
      save: () => Promise.resolve(true),
      openPanel: () => undefined,
    });
    await command('send-back').run(ctx({ note: 'Needs a second source' }));
    await command('schedule').run(ctx({ at: '2026-12-01T06:00:00.000Z' }));
    await command('publish').run(ctx({}));
    await command('correct').run(ctx({ correctionKind: 'clarification', text: 'The vote was on Monday.' }));
    expect(calls).toEqual([
      ['POST', '/admin/articles/12/send-back', { note: 'Needs a second source' }],
      ['POST', '/admin/articles/12/schedule', { at: '2026-12-01T06:00:00.000Z' }],
      ['POST', '/admin/articles/12/publish', undefined],
      ['POST', '/admin/articles/12/corrections', { kind: 'clarification', text: 'The vote was on Monday.' }],
    ]);
  });
});
