/**
 * Scoring the files of one cohort import, as the workers run it (and the tests call it directly). Each file costs only its own entry: too large, not JSON, invalid or of an unknown rubric,
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
import { sha256Sync } from './sha256';

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

/** SHA-256 of the bytes, hex: the key that counts the same content once (synchronous: see sha256.ts). */
export async function contentKey(bytes: Uint8Array): Promise<string> {
  return sha256Sync(bytes);
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

/** Whether a file is read at all: *.json (others are skipped) and within the size limit (checked first). */
export const readable = (source: string, size: number): boolean => source.endsWith('.json') && size <= MAX_INPUT_BYTES;

/** One file's contribution, in file order: the worker(s) score, `combine` counts duplicates across them all. */
export type FileItem =
  { kind: 'member'; member: CohortMember } | { kind: 'invalid'; invalid: CohortInvalid } | { kind: 'skipped' };

/**
 * Files read ahead of the one being scored: each `File.arrayBuffer()` is a round trip to the browser's
 * file thread (about 3 ms), so reading one after another left the worker mostly waiting.
 */
const READ_AHEAD = 16;

/**
 * Scores `files` in order, each on its own (no duplicate counting: see `combine`). `onProgress(done,
 * total)` after each file; `cancelled()` is checked between files (the worker is also simply terminated).
 */
export async function scoreEach(
  files: readonly InputFile[],
  onProgress: (done: number, total: number) => void = () => {},
  cancelled: () => boolean = () => false,
): Promise<FileItem[] | undefined> {
  await loadRubric('cn-sme-2024');
  const items: FileItem[] = [];
  const reads = new Map<number, Promise<Uint8Array>>();
  let next = 0; // the first file whose read has not been started
  const readAhead = (from: number) => {
    for (next = Math.max(next, from); next < files.length && next < from + READ_AHEAD; next++)
      if (readable(files[next]!.source, files[next]!.size)) {
        const read = files[next]!.bytes();
        read.catch(() => {}); // a failed read is reported when its turn comes, not as an unhandled rejection
        reads.set(next, read);
      }
  };
  const add = async (text: string, source: string, hash: string) => {
    const r = await scoreMember(text, source, hash, loadedCostModel);
    items.push(r.ok ? { kind: 'member', member: r.member } : { kind: 'invalid', invalid: r.invalid });
  };
  for (const [i, f] of files.entries()) {
    if (cancelled()) return undefined;
    readAhead(i);
    if (!f.source.endsWith('.json')) items.push({ kind: 'skipped' });
    else if (f.size > MAX_INPUT_BYTES)
      items.push({
        kind: 'invalid',
        invalid: { hash: '', source: f.source, error: `(file): larger than ${MAX_INPUT_BYTES} bytes` },
      });
    else {
      const bytes = await reads.get(i)!;
      reads.delete(i);
      const text = decoder.decode(bytes);
      const entries = backupEntries(text);
      if (!entries) await add(text, f.source, await contentKey(bytes));
      else if (entries.length > MAX_BACKUP_ENTRIES)
        items.push({
          kind: 'invalid',
          invalid: { hash: '', source: f.source, error: `assessments: more than ${MAX_BACKUP_ENTRIES} entries` },
        });
      else
        for (const [n, entry] of entries.entries()) {
          const one = JSON.stringify(entry);
          await add(one, `${f.source}#${n + 1}`, await contentKey(new TextEncoder().encode(one)));
        }
    }
    onProgress(i + 1, files.length);
  }
  return items;
}

/**
 * The import's outcome from every file's item, in file order: only valid files are counted once (the
 * first one in order stays); every invalid file keeps its own line, as the CLI gives it.
 */
export function combine(items: Iterable<FileItem>): ScoringOutcome {
  const out: ScoringOutcome = { members: [], invalid: [], duplicates: [], skipped: 0 };
  const seen = new Set<string>();
  for (const item of items) {
    if (item.kind === 'skipped') out.skipped++;
    else if (item.kind === 'invalid') out.invalid.push(item.invalid);
    else if (seen.has(item.member.hash)) out.duplicates.push({ source: item.member.source, hash: item.member.hash });
    else {
      seen.add(item.member.hash);
      out.members.push(item.member);
    }
  }
  return out;
}

/** Scores `files` in order and counts duplicates: `scoreEach` then `combine` (one worker's whole job). */
export async function scoreFiles(
  files: readonly InputFile[],
  onProgress: (done: number, total: number) => void = () => {},
  cancelled: () => boolean = () => false,
): Promise<ScoringOutcome | undefined> {
  const items = await scoreEach(files, onProgress, cancelled);
  return items && combine(items);
}
