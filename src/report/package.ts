/**
 * The application package (申报材料包): one zip holding the report PDF, the filled-in official form when
 * there is one, every attached file under evidence/<claim>/<safe name>, manifest.json (path, SHA-256, size,
 * MIME type, claims, caption, date added for every file), a human-readable contents list with the
 * SHA-256s, an authenticity-pledge template (ours, labelled so, citing article 12 of the evaluation rules,
 * seed 003) and, for a re-assessment, the summaries of both years (改造前 / 改造后).
 * Attachments are read one at a time and streamed into the zip (ZipSink), never all held at once.
 */
import {
  evidenceEntries,
  MANIFEST_FORMAT,
  MANIFEST_PATH,
  type AttachmentRef,
  type Manifest,
  type ManifestFile,
} from '../domain/index';
import type { Translator } from '../i18n/translator';
import { ZipSink } from '../zip/write';

export interface YearSummary {
  phase: 'before' | 'after';
  year: number;
  level: string;
  defended: string;
  score: string;
}

export interface PackageInput {
  tr: Translator;
  enterprise: string;
  attachments: Readonly<Record<string, readonly AttachmentRef[]>>;
  /** Claims in the order the contents list shows them (rubric order), with their names. */
  claims: readonly { key: string; label: string }[];
  reportPdf: Blob;
  formPdf?: Blob;
  summaries: readonly YearSummary[];
  /** The stored bytes of an attachment, or undefined when this device lacks them. */
  read(hash: string): Promise<Uint8Array | undefined>;
  /**
   * read() returns a fresh copy each call (as IndexedDB does) that nobody else keeps: each file's bytes are
   * then freed as soon as they are packed (ZipSink.addStored's drop), not left for the GC.
   */
  readOwnsCopy?: boolean;
  hash(bytes: Uint8Array): Promise<string>;
  now: Date;
}

export interface BuiltPackage {
  blob: Blob;
  manifest: Manifest;
  /** Attachments named but not on this device: listed in the contents as missing, not packed. */
  missing: string[];
}

export async function buildPackage(input: PackageInput): Promise<BuiltPackage> {
  const { tr, now } = input;
  const sink = new ZipSink(now);
  const files: ManifestFile[] = [];
  const enc = new TextEncoder();
  const add = async (path: string, bytes: Uint8Array, mime: string, stored: boolean) => {
    if (stored) sink.addStored(path, bytes);
    else sink.addDeflated(path, bytes);
    files.push({ path, sha256: await input.hash(bytes), bytes: bytes.length, mime });
  };

  await add(
    tr.t('evidence.package.report'),
    new Uint8Array(await input.reportPdf.arrayBuffer()),
    'application/pdf',
    false,
  );
  if (input.formPdf)
    await add(
      tr.t('evidence.package.form'),
      new Uint8Array(await input.formPdf.arrayBuffer()),
      'application/pdf',
      false,
    );

  const order = input.claims.map((c) => c.key);
  const evidence = evidenceEntries(input.attachments, order);
  const missing: string[] = [];
  for (const entry of evidence) {
    const bytes = await input.read(entry.sha256);
    if (!bytes) {
      missing.push(entry.sha256);
      continue;
    }
    sink.addStored(entry.path, bytes, input.readOwnsCopy === true);
    files.push(entry);
  }

  for (const s of input.summaries) {
    const phase = tr.t(`evidence.package.${s.phase}`);
    const text = tr.t('evidence.package.summaryText', {
      phase,
      year: s.year,
      level: s.level,
      defended: s.defended,
      score: s.score,
    });
    await add(tr.t('evidence.package.summary', { phase, year: s.year }), enc.encode(text), 'text/plain', false);
  }
  await add(
    tr.t('evidence.package.pledge'),
    enc.encode(tr.t('evidence.package.pledgeText', { name: input.enterprise })),
    'text/plain',
    false,
  );

  // the contents list: every claim with its files and their SHA-256 (missing ones said so)
  const byPath = new Map(evidence.map((e) => [e.sha256, e]));
  const lines = [tr.t('evidence.package.tocTitle'), '', tr.t('evidence.package.tocIntro'), ''];
  for (const f of files.filter((f) => !f.path.startsWith('evidence/'))) lines.push(`${f.path}  ${f.sha256}`);
  lines.push(`${tr.t('evidence.package.toc')}`, `${MANIFEST_PATH}`, '');
  for (const claim of input.claims) {
    const refs = input.attachments[claim.key] ?? [];
    if (!refs.length) continue;
    lines.push(`${claim.key} ${claim.label}`);
    for (const r of refs) {
      const e = byPath.get(r.hash)!;
      const caption = r.caption ? ` — ${r.caption}` : '';
      lines.push(
        missing.includes(r.hash)
          ? `  ${r.name}${caption} ${tr.t('evidence.package.tocMissing')}  ${r.hash}`
          : `  ${e.path}${caption}  ${r.hash}`,
      );
    }
    lines.push('');
  }
  if (!evidence.length) lines.push(tr.t('evidence.package.tocNoFiles'));
  await add(tr.t('evidence.package.toc'), enc.encode(lines.join('\n')), 'text/plain', false);

  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    version: 1,
    kind: 'application',
    createdAt: now.toISOString(),
    files,
  };
  sink.addDeflated(MANIFEST_PATH, JSON.stringify(manifest, null, 2));
  return { blob: await sink.finish(), manifest, missing };
}
