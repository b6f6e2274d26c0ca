/**
 * Scoring the files of one cohort import, one after another, as the worker runs it (and the tests call
 * it directly). Each file costs only its own entry: too large, not JSON, invalid or of an unknown rubric,
 * it is listed with its one-line error (the CLI's), never guessed. A backup (many assessments in one
 * file) contributes each of its assessments, named `backup.json#3`. Nothing here writes anything.
 */
import {
  BACKUP_FORMAT,
  MAX_BACKUP_CHARS,
  MAX_BACKUP_ENTRIES,
  loadRubric,
  loadedCostModel,
  scoreMember,
  type CohortInvalid,
  type CohortMember,
} from '../../domain/index';

export interface InputFile {
  /** The path inside the chosen folder, or the file name. */
  source: string;
  size: number;
  bytes(): Promise<Uint8Array>;
}

export interface ScoringOutcome {
  members: CohortMember[];
  invalid: CohortInvalid[];
  duplicates: { source: string; hash: string }[];
  skipped: number;
}

/** Largest file read at all: a backup may hold 50 files' worth (3 bytes per character at most). */
export const MAX_INPUT_BYTES = MAX_BACKUP_CHARS * 3;

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * SHA-256 of the bytes, hex. Web Crypto exists only in secure contexts (https, localhost): on a plain-http
 * intranet host the key falls back to two FNV-1a hashes — enough to count a file once, and never shown
 * as a checksum.
 */
export async function contentKey(bytes: Uint8Array): Promise<string> {
  if (globalThis.crypto?.subtle)
    return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ bytes.length;
  for (const x of bytes) {
    a = Math.imul(a ^ x, 0x01000193) >>> 0;
    b = Math.imul(b ^ x, 0x01000193 + 2) >>> 0;
  }
  return `fnv-${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}-${bytes.length}`;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/** The assessments inside a backup's text, or undefined when the text is not a backup. */
function backupEntries(text: string): unknown[] | undefined {
  if (!text.includes(BACKUP_FORMAT)) return undefined;
  try {
    const data = JSON.parse(text.replace(/^\uFEFF/, '')) as { format?: unknown; assessments?: unknown };
    return data?.format === BACKUP_FORMAT && Array.isArray(data.assessments) ? data.assessments : undefined;
  } catch {
    return undefined; // not JSON: scoring it says so, like any other file
  }
}

/**
 * Scores `files` in order. `onProgress(done, total)` after each file; `cancelled()` is checked between
 * files (the worker is also simply terminated on cancel).
 */
export async function scoreFiles(
  files: readonly InputFile[],
  onProgress: (done: number, total: number) => void = () => {},
  cancelled: () => boolean = () => false,
): Promise<ScoringOutcome | undefined> {
  await loadRubric('cn-sme-2024');
  const out: ScoringOutcome = { members: [], invalid: [], duplicates: [], skipped: 0 };
  const seen = new Set<string>();
  // only valid files are counted once: every invalid file keeps its own line, as the CLI gives it
  const add = async (text: string, source: string, hash: string) => {
    if (seen.has(hash)) {
      out.duplicates.push({ source, hash });
      return;
    }
    const r = await scoreMember(text, source, hash, loadedCostModel);
    if (r.ok) {
      seen.add(hash);
      out.members.push(r.member);
    } else out.invalid.push(r.invalid);
  };
  let done = 0;
  for (const f of files) {
    if (cancelled()) return undefined;
    if (!f.source.endsWith('.json')) out.skipped++;
    else if (f.size > MAX_INPUT_BYTES)
      out.invalid.push({ hash: '', source: f.source, error: `(file): larger than ${MAX_INPUT_BYTES} bytes` });
    else {
      const bytes = await f.bytes();
      const text = decoder.decode(bytes);
      const entries = backupEntries(text);
      if (!entries) await add(text, f.source, await contentKey(bytes));
      else if (entries.length > MAX_BACKUP_ENTRIES)
        out.invalid.push({ hash: '', source: f.source, error: `assessments: more than ${MAX_BACKUP_ENTRIES} entries` });
      else
        for (const [i, entry] of entries.entries()) {
          const one = JSON.stringify(entry);
          await add(one, `${f.source}#${i + 1}`, await contentKey(new TextEncoder().encode(one)));
        }
    }
    onProgress(++done, files.length);
  }
  return out;
}
