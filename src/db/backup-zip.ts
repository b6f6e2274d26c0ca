/**
 * The zip form of a backup (every assessment) or of one exported assessment: manifest.json, the JSON file
 * exactly as the JSON export writes it (backup.json / assessment.json), and each attachment's bytes as
 * attachments/<sha256>. Importing checks the whole zip first (zip-read.ts: names, sizes, bomb limits;
 * then every manifest entry present with its SHA-256 and size) and writes nothing when anything is wrong.
 * The bytes come back byte-identical: their name is their hash, and the hash is checked.
 */
import { MANIFEST_FORMAT, MANIFEST_PATH, attachmentHashes, EXTENSION_KEY, parseManifest } from '../domain/index';
import type { InterchangeFile, Manifest, ManifestFile, RubricLookup } from '../domain/index';
import type { AssessmentStore } from './assessments';
import type { AttachmentStore } from './attachments';
import { backupOf, importBackup, type ImportReport, type SameYearChoice } from './backup';
import { readZip, ZipError, type ZipLimits, DEFAULT_LIMITS } from '../zip/read';
import { ZipSink } from '../zip/write';
import { holdBytes } from './attachment-holds';

export const BACKUP_JSON = 'backup.json';
export const ASSESSMENT_JSON = 'assessment.json';

/** Starts with the local-file-header signature "PK\x03\x04" (an empty zip: "PK\x05\x06"). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

async function writeZip(
  kind: 'backup' | 'assessment',
  json: string,
  files: readonly InterchangeFile[],
  attachments: AttachmentStore,
  now: Date,
): Promise<Blob> {
  const sink = new ZipSink(now);
  const jsonBytes = new TextEncoder().encode(json);
  const jsonName = kind === 'backup' ? BACKUP_JSON : ASSESSMENT_JSON;
  const entries: ManifestFile[] = [
    {
      path: jsonName,
      sha256: await attachments.deps.hash(jsonBytes),
      bytes: jsonBytes.length,
      mime: 'application/json',
    },
  ];
  sink.addDeflated(jsonName, jsonBytes);
  const hashes = [...new Set(files.flatMap((f) => attachmentHashes(f[EXTENSION_KEY]?.attachments)))];
  // one at a time: read, add, let go
  for (const hash of hashes) {
    const stored = await attachments.get(hash);
    if (!stored) continue; // missing here too (an import without bytes): the reference travels alone
    sink.addStored(`attachments/${hash}`, stored.data, true); // get() gave a fresh copy: freed once packed
    entries.push({ path: `attachments/${hash}`, sha256: hash, bytes: stored.size, mime: stored.mime });
  }
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    version: 1,
    kind,
    createdAt: now.toISOString(),
    files: entries,
  };
  sink.addDeflated(MANIFEST_PATH, JSON.stringify(manifest, null, 2));
  return sink.finish();
}

/** Every usable assessment with its attachments; `skipped` as backupOf. */
export async function backupZip(store: AssessmentStore, attachments: AttachmentStore, now = new Date()) {
  const { text, skipped } = await backupOf(store, now);
  const files = (JSON.parse(text) as { assessments: InterchangeFile[] }).assessments;
  return { blob: await writeZip('backup', text, files, attachments, now), skipped };
}

/** One assessment's export file with its attachments. */
export async function assessmentZip(
  store: AssessmentStore,
  attachments: AttachmentStore,
  id: string,
  now = new Date(),
): Promise<Blob> {
  const file = await store.exportFile(id);
  return writeZip('assessment', JSON.stringify(file, null, 2), [file], attachments, now);
}

export interface CheckedZip {
  manifest: Manifest;
  json: string;
  /** hash → bytes and MIME type, every one checked against its name. */
  attachments: Map<string, { data: Uint8Array; mime: string }>;
}

/** Reads and checks a zip completely; throws ZipError naming the first problem. Writes nothing. */
export async function checkZip(
  bytes: Uint8Array,
  hash: (b: Uint8Array) => Promise<string>,
  limits: ZipLimits = DEFAULT_LIMITS,
): Promise<CheckedZip> {
  const files = readZip(bytes, limits);
  const rawManifest = files.get(MANIFEST_PATH);
  if (!rawManifest) throw new ZipError('missing-file', MANIFEST_PATH);
  let parsed: ReturnType<typeof parseManifest>;
  try {
    parsed = parseManifest(JSON.parse(new TextDecoder().decode(rawManifest)));
  } catch {
    throw new ZipError('manifest', MANIFEST_PATH);
  }
  if (!parsed.ok) throw new ZipError('manifest', parsed.problem);
  const { manifest } = parsed;
  const attachments = new Map<string, { data: Uint8Array; mime: string }>();
  let json: string | undefined;
  for (const f of manifest.files) {
    const data = files.get(f.path);
    if (!data) throw new ZipError('missing-file', f.path);
    if (data.length !== f.bytes) throw new ZipError('size-mismatch', f.path);
    if ((await hash(data)) !== f.sha256) throw new ZipError('hash-mismatch', f.path);
    if (f.path === BACKUP_JSON || f.path === ASSESSMENT_JSON) json = new TextDecoder().decode(data);
    else if (f.path.startsWith('attachments/')) {
      if (f.path !== `attachments/${f.sha256}`) throw new ZipError('manifest', f.path);
      attachments.set(f.sha256, { data, mime: f.mime });
    }
  }
  if (json === undefined) throw new ZipError('missing-file', BACKUP_JSON);
  return { manifest, json, attachments };
}

/**
 * Imports a zip made by backupZip or assessmentZip. A bad zip rejects with ZipError before anything is
 * written. The bytes are stored first (content-addressed, so storing one already here changes nothing),
 * then the assessments as importBackup does; when that imports nothing, the bytes this call added go again.
 */
export async function importZip(
  store: AssessmentStore,
  attachments: AttachmentStore,
  bytes: Uint8Array,
  rubrics: RubricLookup,
  sameYear?: SameYearChoice,
): Promise<ImportReport> {
  const checked = await checkZip(bytes, attachments.deps.hash);
  const hashes = [...checked.attachments.keys()];
  // held from before the presence check until the assessments naming them are stored: a prune meanwhile
  // (another tab starting, an assessment deleted) must not take bytes this import counts on
  const releases = await Promise.all(hashes.map((h) => holdBytes(h)));
  try {
    const db = store.db;
    const present = await attachments.present(hashes);
    const added = hashes.filter((h) => !present.has(h));
    const now = attachments.deps.now();
    if (added.length)
      await db.attachments.bulkAdd(
        added.map((hash) => {
          const a = checked.attachments.get(hash)!;
          return { hash, mime: a.mime, size: a.data.length, data: a.data, storedAt: now };
        }),
      );
    const report = await importBackup(store, checked.json, rubrics, sameYear);
    if (report.fatal || report.sameYear || !report.imported.length) {
      // nothing (new) names them: the bytes this import added are taken out again
      const named = new Set<string>();
      await db.assessments.each((a) => {
        try {
          for (const h of attachmentHashes(a.file?.[EXTENSION_KEY]?.attachments)) named.add(h);
        } catch {
          // a damaged record: leave every byte in place
          hashes.forEach((h) => named.add(h));
        }
      });
      await db.attachments.bulkDelete(added.filter((h) => !named.has(h)));
    }
    return report;
  } finally {
    releases.forEach((release) => release());
  }
}
