/** A failed write (or export) as one translated sentence naming what failed and why. */
import { t } from '../i18n/index.svelte';
import { errorDetail, writeFailure, type WriteFailure } from '../db/write-error';

export type WriteAction =
  | 'create'
  | 'duplicate'
  | 'reassess'
  | 'rename'
  | 'delete'
  | 'import'
  | 'example'
  | 'export'
  | 'createCohort'
  | 'deleteCohort'
  | 'saveMerged';

export interface WriteError {
  readonly text: string;
  /** What the user can do about it, when there is something (a full disk). */
  readonly hint?: string;
}

/**
 * The sentence is written when it is read, in the UI's language at that moment (its properties are getters), so an
 * error already on screen is translated by a language switch like everything around it.
 */
export function describeFailure(action: WriteAction, reason: WriteFailure, detail: string, name = ''): WriteError {
  return {
    get text() {
      return t('writeError.message', {
        action: t(`writeError.action.${action}`, { name }),
        reason: t(`writeError.reason.${reason}`, { detail }),
      });
    },
    get hint() {
      return reason === 'quota' ? t('writeError.quotaHint') : undefined;
    },
  };
}

export function describeWriteError(action: WriteAction, error: unknown, name = ''): WriteError {
  return describeFailure(action, writeFailure(error), errorDetail(error), name);
}
