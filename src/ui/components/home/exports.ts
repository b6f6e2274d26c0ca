/**
 * Home's exports: one assessment (JSON, or a zip with its attachments), one enterprise's assessments, every
 * assessment (JSON backup, or a zip with the attachments). Backup, validation and zip code load on the click,
 * and so does the interchange file (db/export-file.ts: it restores the keys a file was imported with, code of
 * the file format and its validation that a first visit, with nothing to export, would carry for nothing).
 */
import { assessmentYear } from '../../../domain/index';
import type { StoredAssessment } from '../../../db/database';
import { app } from '../../../state/app.svelte';
import { t } from '../../../i18n/index.svelte';
import { assessmentFileName, downloadBlob, downloadText, exportFileName } from '../../download';
import type { Group } from './rows';

const nameOf = (a: StoredAssessment) => a.file.profile?.name?.trim() || t('home.anonymous');

const exportFile = () => import('../../../db/export-file');

export async function exportOne(a: StoredAssessment): Promise<void> {
  const { toExport } = await exportFile();
  downloadText(
    assessmentFileName(nameOf(a), assessmentYear(a).year, t('files.assessment')),
    JSON.stringify(toExport(a), null, 2),
  );
}

/** The assessment with its attachments: a zip that imports back byte-identical (db/backup-zip.ts). */
export async function exportOneZip(a: StoredAssessment): Promise<void> {
  const blob = await (await import('../evidence/home-zip')).assessmentZipBlob(a.id);
  const base = assessmentFileName(nameOf(a), assessmentYear(a).year, t('files.assessment'));
  downloadBlob(base.replace(/\.json$/, '.zip'), blob);
}

/** A backup of every usable assessment; returns the damaged records left out. */
export async function exportAll(): Promise<unknown[]> {
  const { backupOf } = await import('../../../db/backup');
  const backup = await backupOf(await app.ready);
  downloadText(exportFileName({ enterprise: 'digilevel', kind: t('files.backup') }, 'json'), backup.text);
  return backup.skipped;
}

/** The same with the attachments, as a zip. */
export async function exportAllZip(): Promise<unknown[]> {
  const backup = await (await import('../evidence/home-zip')).backupZipBlob();
  downloadBlob(exportFileName({ enterprise: 'digilevel', kind: t('files.backup') }, 'zip'), backup.blob);
  return backup.skipped;
}

export async function exportEnterprise(group: Group): Promise<void> {
  const { makeBackup } = await import('../../../domain/assessment/backup');
  const { toExport } = await exportFile();
  const files = group.rows.map((r) => toExport(r.a));
  // the years it holds: one ("2026") or the first and last ("2026-2027")
  const years = [...new Set(group.ordered.map((r) => assessmentYear(r).year))];
  const year = years.length > 1 ? `${years[0]}-${years.at(-1)}` : years[0];
  const name = exportFileName({ enterprise: group.name, year, kind: t('files.enterprise') }, 'json');
  downloadText(name, JSON.stringify(makeBackup(files, new Date()), null, 2));
}

/** Bytes no assessment names any more, after an assessment is deleted; never fails the deletion. */
export async function pruneAttachments(): Promise<void> {
  // the attachment code alone (not the zip code): bytes held by an open undo offer stay (attachment-holds.ts)
  const { attachmentStore } = await import('../evidence/store');
  await (await attachmentStore()).prune().catch(() => 0);
}
