/**
 * Which of this tab's saved edits another tab's save replaced. Saves merge patch by patch, so only a
 * field that both tabs set can lose a value; the last writer's value is stored and the tab whose value
 * was replaced must be told (it alone knows what it had), never left to find out later.
 */
import type { AssessmentFile } from './file';
import { EXTENSION_KEY } from '../vocabulary';
import { applyPatch, type Patch } from './patch';

/** The one field a patch sets, as a stable key: two patches with the same key overwrite each other. */
export function fieldKey(p: Patch): string {
  switch (p.op) {
    case 'energy':
      return `energy:${p.year}:${p.id}`;
    case 'energyOther':
      return 'energyOther';
    case 'answer':
    case 'scenario':
    case 'note':
    case 'evidence':
    case 'roadmap':
    case 'result':
    case 'met':
    case 'readiness':
      return `${p.op}:${p.id}`;
    case 'profile':
    case 'meta':
      return `${p.op}:${p.key}`;
    case 'number':
      return `number:${p.question}:${p.field}`;
    case 'override':
      return `override:${p.question}`;
    case 'evidenceCheck':
      return `evidenceCheck:${p.claim}`;
    case 'attach':
      return `attachment:${p.claim}:${p.ref.hash}`;
    case 'detach':
      return `attachment:${p.claim}:${p.hash}`;
  }
}

/** The value that the field `p` sets holds in `file`; undefined when the field is empty. */
export function fieldValue(file: AssessmentFile, p: Patch): unknown {
  const ext = file[EXTENSION_KEY];
  switch (p.op) {
    case 'answer':
    case 'met':
      return file.answers[p.id];
    case 'scenario':
      return file.scenarios[p.id];
    case 'profile':
      return file.profile?.[p.key];
    case 'number':
      return ext?.numbers?.[p.question]?.[p.field];
    case 'energy':
      return ext?.energy?.[p.year]?.[p.id];
    case 'energyOther':
      return ext?.energy?.other;
    case 'override':
      return (ext?.overrides ?? []).includes(p.question);
    case 'note':
      return ext?.notes?.[p.id];
    case 'evidence':
      return ext?.evidence?.[p.id];
    case 'evidenceCheck':
      return ext?.evidenceChecks?.[p.claim];
    case 'roadmap':
      return ext?.roadmap?.[p.id];
    case 'meta':
      return ext?.meta?.[p.key];
    case 'result':
      return ext?.results?.[p.id];
    case 'readiness':
      return ext?.readiness?.[p.id];
    case 'attach':
    case 'detach': {
      const hash = p.op === 'attach' ? p.ref.hash : p.hash;
      return ext?.attachments?.[p.claim]?.find((r) => r.hash === hash);
    }
  }
}

/** JSON with object keys sorted, so {a, b} and {b, a} compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export interface Overwrite {
  key: string;
  /** This tab's edit, as written: applying it again restores this tab's value ("keep mine"). */
  mine: Patch;
  /** The field's value as this tab wrote it. */
  mineValue: unknown;
  /** The field's value in the other tab's save. */
  theirs: unknown;
}

/**
 * The fields this tab saved (`written`: its latest patch per field) that hold another value in
 * `incoming`, a record saved by another tab. Fields with an unsaved edit of this tab (`unsaved`) are
 * left out: that edit is written after the other tab's, so this tab's value wins and the other tab is
 * the one to be told. A field set to the same value in both tabs is no loss.
 */
export function findOverwrites(
  written: readonly Patch[],
  incoming: AssessmentFile,
  unsaved: readonly Patch[] = [],
): Overwrite[] {
  const skip = new Set(unsaved.map(fieldKey));
  const found: Overwrite[] = [];
  for (const mine of written) {
    const key = fieldKey(mine);
    if (skip.has(key)) continue;
    // the value this tab's patch produces, normalised exactly as a save stores it
    const mineValue = fieldValue(applyPatch(incoming, mine), mine);
    const theirs = fieldValue(incoming, mine);
    if (canonical(mineValue) !== canonical(theirs)) found.push({ key, mine, mineValue, theirs });
  }
  return found;
}
