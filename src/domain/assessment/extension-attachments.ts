/**
 * The `attachments` key of the extension: per claim, references to files whose bytes live apart from the
 * file (IndexedDB table `attachments`, or `evidence/…` in a package or backup zip), named by their SHA-256.
 * Only references travel in the JSON, so the interchange file stays small and a JSON file without the bytes
 * still imports: its attachments are shown as missing.
 */
import { keyPart, type FileIssue } from './issues';
import { isIsoInstant } from './dates';

/** The largest file one attachment may hold; stated in the UI. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
/** Attachments per claim. */
export const MAX_ATTACHMENTS_PER_CLAIM = 50;
export const MAX_ATTACHMENT_NAME_CHARS = 255;
export const MAX_CAPTION_CHARS = 1000;

export interface AttachmentRef {
  /** SHA-256 of the bytes, 64 lower-case hex digits: the key of the stored bytes. */
  hash: string;
  /** The file's name as the user chose it (display only; never a path in a zip). */
  name: string;
  caption?: string;
  /** ISO 8601 with offset. */
  addedAt: string;
  mime: string;
  /** Size in bytes, 1 … MAX_ATTACHMENT_BYTES. */
  bytes: number;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
/** type/subtype, as browsers report it; parameters are dropped before storing. */
export const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** What a claim key may be, for the rubric of the file. */
export interface ClaimContext {
  questions: ReadonlySet<string> | ReadonlyMap<string, unknown>;
  /** Scenario id → number of levels (weighted rubrics). */
  scenarioLevels: ReadonlyMap<string, number>;
  /** Checklist rubrics: the item ids. */
  checklistItems?: ReadonlySet<string>;
}

export function isAttachmentClaim(key: string, ctx: ClaimContext): boolean {
  if (ctx.checklistItems) return ctx.checklistItems.has(key);
  if (/^q\d+$/.test(key)) return ctx.questions.has(key);
  const m = /^([a-z-]+)@([1-4])$/.exec(key);
  return m !== null && Number(m[2]) <= (ctx.scenarioLevels.get(m[1]!) ?? 0);
}

/** The problem with one reference's value, or true when it is well formed. */
function refProblem(x: Record<string, unknown>, path: string, issues: FileIssue[]): AttachmentRef | undefined {
  const before = issues.length;
  const KEYS = ['hash', 'name', 'caption', 'addedAt', 'mime', 'bytes'];
  for (const k of Object.keys(x))
    if (!KEYS.includes(k)) issues.push({ key: `${path}.${keyPart(k)}`, code: 'unknown-key' });
  const bad = (k: string, detail: string) => issues.push({ key: `${path}.${k}`, code: 'type', detail });
  if (typeof x.hash !== 'string' || !SHA256_HEX.test(x.hash)) bad('hash', 'SHA-256, 64 lower-case hex digits');
  if (typeof x.name !== 'string' || !x.name.length || x.name.length > MAX_ATTACHMENT_NAME_CHARS || CONTROL.test(x.name))
    bad('name', `text 1 … ${MAX_ATTACHMENT_NAME_CHARS}, no control characters`);
  if (x.caption !== undefined && (typeof x.caption !== 'string' || x.caption.length > MAX_CAPTION_CHARS))
    bad('caption', `text ≤ ${MAX_CAPTION_CHARS}`);
  if (!isIsoInstant(x.addedAt)) bad('addedAt', 'ISO 8601 date-time with offset');
  if (typeof x.mime !== 'string' || !MIME.test(x.mime)) bad('mime', 'MIME type');
  if (!Number.isInteger(x.bytes) || (x.bytes as number) < 1 || (x.bytes as number) > MAX_ATTACHMENT_BYTES)
    bad('bytes', `integer 1 … ${MAX_ATTACHMENT_BYTES}`);
  if (issues.length > before) return undefined;
  return {
    hash: x.hash as string,
    name: x.name as string,
    ...(x.caption ? { caption: x.caption as string } : {}),
    addedAt: x.addedAt as string,
    mime: x.mime as string,
    bytes: x.bytes as number,
  };
}

/**
 * Validates `digilevel.attachments`: claim key → references. An unknown claim, an unknown key in a
 * reference or a wrong value is an issue naming it; the same hash twice in one claim keeps the first.
 */
export function checkAttachments(
  raw: unknown,
  path: string,
  ctx: ClaimContext,
  issues: FileIssue[],
): Record<string, AttachmentRef[]> | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    issues.push({ key: path, code: 'type', detail: 'object' });
    return undefined;
  }
  const before = issues.length;
  const out: Record<string, AttachmentRef[]> = {};
  for (const [claim, list] of Object.entries(raw)) {
    const p = `${path}.${keyPart(claim)}`;
    if (!isAttachmentClaim(claim, ctx)) {
      issues.push({ key: p, code: 'unknown-key' });
      continue;
    }
    if (!Array.isArray(list)) {
      issues.push({ key: p, code: 'type', detail: 'array of attachments' });
      continue;
    }
    if (list.length > MAX_ATTACHMENTS_PER_CLAIM) {
      issues.push({ key: p, code: 'too-long', detail: `${MAX_ATTACHMENTS_PER_CLAIM}` });
      continue;
    }
    const refs: AttachmentRef[] = [];
    list.forEach((x: unknown, i) => {
      if (typeof x !== 'object' || x === null || Array.isArray(x)) {
        issues.push({ key: `${p}.${i}`, code: 'type', detail: 'object' });
        return;
      }
      const ref = refProblem(x as Record<string, unknown>, `${p}.${i}`, issues);
      if (ref && !refs.some((r) => r.hash === ref.hash)) refs.push(ref);
    });
    if (refs.length) out[claim] = refs;
  }
  return issues.length > before ? undefined : out;
}

/** Every hash the file's attachments name, once each, in claim order. */
export function attachmentHashes(
  attachments: Readonly<Record<string, readonly AttachmentRef[]>> | undefined,
): string[] {
  return [...new Set(Object.values(attachments ?? {}).flatMap((list) => list.map((r) => r.hash)))];
}
