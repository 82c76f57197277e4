/**
 * Field-level three-way merge for a save that lost a race: `base` is what
 * this editor last saved or loaded, `mine` what it holds now, `theirs` the
 * story as someone else saved it. A field only one side changed takes that
 * side; a field both changed keeps mine, and is reported so the screen can
 * say which fields overwrote someone else's work. Pure.
 */
import { FIELD_NAMES, sameValue, type FieldName, type StoryFields } from './story.js';

export interface MergeResult {
  merged: StoryFields;
  /** Changed only by me: mine kept. */
  mine: FieldName[];
  /** Changed only by them: theirs taken. */
  theirs: FieldName[];
  /** Changed by both, to different values: mine kept over theirs. */
  both: FieldName[];
}

export function mergeFields(base: StoryFields, mine: StoryFields, theirs: StoryFields): MergeResult {
  const merged: StoryFields = { ...theirs };
  const result: MergeResult = { merged, mine: [], theirs: [], both: [] };
  for (const name of FIELD_NAMES) {
    const iChanged = !sameValue(base[name], mine[name]);
    const theyChanged = !sameValue(base[name], theirs[name]);
    if (iChanged) setField(merged, name, mine);
    if (iChanged && theyChanged) {
      if (!sameValue(mine[name], theirs[name])) result.both.push(name);
    } else if (iChanged) result.mine.push(name);
    else if (theyChanged) result.theirs.push(name);
  }
  return result;
}

/** Copy one field; typed per name so the record stays a StoryFields. */
function setField<K extends FieldName>(target: StoryFields, name: K, source: StoryFields): void {
  target[name] = source[name];
}
