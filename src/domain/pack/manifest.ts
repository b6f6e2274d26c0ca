/**
 * The manifest.json of DigiLevel's zips (application package, backup, single export): every file with
 * its path, SHA-256, size and MIME type, and for attachments the claims they support, caption and date.
 * Building it and checking a manifest read from outside are pure; hashing is the caller's.
 */
import { isIsoInstant } from '../assessment/dates';
import { MIME, SHA256_HEX, type AttachmentRef } from '../assessment/extension-attachments';

export const MANIFEST_PATH = 'manifest.json';
export const MANIFEST_FORMAT = 'digilevel-zip';

export type PackKind = 'application' | 'backup' | 'assessment';

export interface ManifestFile {
  path: string;
  sha256: string;
  bytes: number;
  mime: string;
  /** Attachments: the claims the file supports ("q4", "quality@3"). */
  claims?: string[];
  /** Attachments: the file name as attached, caption and date added (of its first reference). */
  name?: string;
  caption?: string;
  addedAt?: string;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  kind: PackKind;
  createdAt: string;
  files: ManifestFile[];
}

/**
 * A file name safe in any zip tool and file system: letters (any script), digits, `. _ - ( )` and spaces
 * kept, everything else `_`, no leading dot, at most 80 characters with the extension kept; a name
 * already used in the folder gets " (2)", " (3)" …
 */
export function safeFileName(name: string, used: Set<string>): string {
  let clean = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._\-() ]/gu, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  if (!clean) clean = 'file';
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  let stem = (ext ? clean.slice(0, dot) : clean).slice(0, 80 - ext.length);
  if (!stem) stem = 'file';
  let candidate = stem + ext;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${stem} (${i})${ext}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

/** A claim key as a folder name: claim keys are already [a-z0-9-@], checked again here. */
export const claimFolder = (claim: string): string => claim.replace(/[^a-zA-Z0-9@-]/g, '_');

/**
 * The attachments of an assessment as manifest entries, one file per content (a file attached to two
 * claims is packed once, under the first, and names both), path `evidence/<claim>/<safe name>`.
 * `order`: the claims in the order they are listed (rubric order); others follow.
 */
export function evidenceEntries(
  attachments: Readonly<Record<string, readonly AttachmentRef[]>>,
  order: readonly string[] = [],
): ManifestFile[] {
  const claims = [
    ...order.filter((c) => attachments[c]),
    ...Object.keys(attachments).filter((c) => !order.includes(c)),
  ];
  const byHash = new Map<string, ManifestFile>();
  const used = new Map<string, Set<string>>();
  for (const claim of claims) {
    for (const ref of attachments[claim] ?? []) {
      const known = byHash.get(ref.hash);
      if (known) {
        known.claims!.push(claim);
        continue;
      }
      const folder = claimFolder(claim);
      const names = used.get(folder) ?? new Set<string>();
      used.set(folder, names);
      byHash.set(ref.hash, {
        path: `evidence/${folder}/${safeFileName(ref.name, names)}`,
        sha256: ref.hash,
        bytes: ref.bytes,
        mime: ref.mime,
        claims: [claim],
        name: ref.name,
        ...(ref.caption ? { caption: ref.caption } : {}),
        addedAt: ref.addedAt,
      });
    }
  }
  return [...byHash.values()];
}

/** Checks a manifest read from a zip; returns it clean, or the problem (a short English phrase). */
export function parseManifest(raw: unknown): { ok: true; manifest: Manifest } | { ok: false; problem: string } {
  const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!isObj(raw) || raw.format !== MANIFEST_FORMAT || raw.version !== 1) return { ok: false, problem: 'format' };
  if (!['application', 'backup', 'assessment'].includes(raw.kind as string)) return { ok: false, problem: 'kind' };
  if (!Array.isArray(raw.files)) return { ok: false, problem: 'files' };
  const files: ManifestFile[] = [];
  const paths = new Set<string>();
  for (const [i, f] of raw.files.entries()) {
    if (!isObj(f)) return { ok: false, problem: `files[${i}]` };
    const { path, sha256, bytes, mime } = f;
    if (typeof path !== 'string' || !path || path.length > 512) return { ok: false, problem: `files[${i}].path` };
    if (paths.has(path)) return { ok: false, problem: `files[${i}].path duplicate` };
    paths.add(path);
    if (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256)) return { ok: false, problem: `files[${i}].sha256` };
    if (!Number.isInteger(bytes) || (bytes as number) < 0) return { ok: false, problem: `files[${i}].bytes` };
    if (typeof mime !== 'string' || !MIME.test(mime)) return { ok: false, problem: `files[${i}].mime` };
    if (f.addedAt !== undefined && !isIsoInstant(f.addedAt)) return { ok: false, problem: `files[${i}].addedAt` };
    files.push({ path, sha256, bytes: bytes as number, mime });
  }
  return {
    ok: true,
    manifest: {
      format: MANIFEST_FORMAT,
      version: 1,
      kind: raw.kind as PackKind,
      createdAt: typeof raw.createdAt === 'string' ? raw.createdAt : '',
      files,
    },
  };
}
