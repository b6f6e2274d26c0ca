/** A failed write (or export) as one translated sentence naming what failed and why. */
import { t } from '../i18n/index.svelte';
import { errorDetail, writeFailure, type WriteFailure } from '../db/write-error';

export type WriteAction = 'create' | 'duplicate' | 'reassess' | 'rename' | 'delete' | 'import' | 'example' | 'export';

export interface WriteError {
  text: string;
  /** What the user can do about it, when there is something (a full disk). */
  hint?: string;
}

export function describeFailure(action: WriteAction, reason: WriteFailure, detail: string, name = ''): WriteError {
  const text = t('writeError.message', {
    action: t(`writeError.action.${action}`, { name }),
    reason: t(`writeError.reason.${reason}`, { detail }),
  });
  return reason === 'quota' ? { text, hint: t('writeError.quotaHint') } : { text };
}

export function describeWriteError(action: WriteAction, error: unknown, name = ''): WriteError {
  return describeFailure(action, writeFailure(error), errorDetail(error), name);
}
