/**
 * The home screen's zip actions, loaded on the click (fflate and the zip code stay out of the first visit):
 * a backup zip with the attachments, importing a zip (checked whole before anything is written), and the
 * space the attachments use.
 */
import { getAnyRubric, loadRubricsFor } from '../../../domain/index';
import type { ImportReport, SameYearChoice } from '../../../db/backup';
import { assessmentZip, backupZip, checkZip, importZip } from '../../../db/backup-zip';
import { ZipError } from '../../../zip/read';
import { app } from '../../../state/app.svelte';
import { t } from '../../../i18n/index.svelte';
import { attachmentStore } from './store';

export async function backupZipBlob() {
  const [store, attachments] = await Promise.all([app.ready, attachmentStore()]);
  return backupZip(store, attachments);
}

/** One assessment's export file with its attachments. */
export async function assessmentZipBlob(id: string): Promise<Blob> {
  const [store, attachments] = await Promise.all([app.ready, attachmentStore()]);
  return assessmentZip(store, attachments, id);
}

/** The import's report, or why the zip was refused (in the UI's language when called; nothing was written). */
export async function importZipFile(
  file: File,
  choice?: SameYearChoice,
): Promise<ImportReport | { refused: () => string }> {
  const [store, attachments] = await Promise.all([app.ready, attachmentStore()]);
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    // the rubrics the JSON names load first (as for a JSON import); the check runs again inside importZip
    await loadRubricsFor((await checkZip(bytes, attachments.deps.hash)).json);
    return await importZip(store, attachments, bytes, getAnyRubric, choice);
  } catch (e) {
    if (e instanceof ZipError)
      return {
        refused: () =>
          t('evidence.zip.refused', {
            file: file.name,
            reason: t(`evidence.zip.${e.code}`, { entry: e.entry }),
          }),
      };
    throw e;
  }
}

export async function attachmentUsage(): Promise<{ files: number; bytes: number }> {
  return (await attachmentStore()).usage();
}
