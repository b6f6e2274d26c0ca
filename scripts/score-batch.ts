/**
 * Scoring many files in one process (shared spec, "Scoring many files"): files and directories, one
 * JSON Line (or CSV row) per file in code-point order of the paths, an invalid or unreadable file
 * costing only its own line. Paths are listed lazily and results written as they are computed, waiting
 * for stdout to drain, so memory holds one directory listing per level and one file, never the results.
 */
import { once } from 'node:events';
import { readdirSync, statSync, type Dirent } from 'node:fs';
import {
  byCodePoint,
  csvHeader,
  csvRow,
  DEFAULT_RUBRIC,
  getRubric,
  jsonLine,
  loadRubric,
  scoreAssessmentText,
  type ScoredText,
} from '../src/domain/index';
import { readRegularFile } from './cli-read';

/** A file to report: its path as the spec names it, or why the path itself could not be listed. */
interface Entry {
  path: string;
  error?: string;
}

const errorCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? 'error';

/**
 * Every `*.json` file below `dir` (recursively), joined onto the argument with `/`, in code-point order
 * of the whole path, listing one directory at a time: siblings are sorted by name with `/` appended to
 * directories, which is exactly the order of the full paths ("a.json" before "a/b.json"). Symbolic links
 * to directories are not followed (a link back up would never end); links to files are read.
 */
function* walk(dir: string, skipped: { count: number }): Generator<Entry> {
  let names: Dirent[];
  try {
    names = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    yield { path: dir, error: `cannot read directory (${errorCode(e)})` };
    return;
  }
  const keyed = names.map((d) => ({ d, key: d.isDirectory() ? `${d.name}/` : d.name }));
  keyed.sort((a, b) => byCodePoint(a.key, b.key));
  for (const { d } of keyed) {
    const path = dir.endsWith('/') ? `${dir}${d.name}` : `${dir}/${d.name}`;
    if (d.isDirectory()) yield* walk(path, skipped);
    // anything else named *.json (a FIFO, a dangling link) gets its own line saying why it was not read
    else if (d.name.endsWith('.json')) yield { path };
    else skipped.count++;
  }
}

function* single(entry: Entry): Generator<Entry> {
  yield entry;
}

/**
 * The files the arguments stand for, merged into one code-point order, produced lazily: memory holds
 * one directory listing per level, never the whole tree.
 */
export function* expandPaths(paths: readonly string[], skipped: { count: number }): Generator<Entry> {
  const sources = paths.map((path) => {
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      // missing or unreadable: reading it reports why, on its own line
    }
    const gen = isDir ? walk(path, skipped) : single({ path });
    return { gen, head: gen.next() };
  });
  for (;;) {
    let best: (typeof sources)[number] | undefined;
    for (const s of sources)
      if (!s.head.done && (!best || byCodePoint(s.head.value.path, (best.head.value as Entry).path) < 0)) best = s;
    if (!best) return;
    yield best.head.value as Entry;
    best.head = best.gen.next();
  }
}

async function write(line: string): Promise<void> {
  if (!process.stdout.write(line + '\n')) await once(process.stdout, 'drain');
}

/** Runs the batch; the exit status (0 when every file was valid, else 2). */
export async function scoreBatch(paths: readonly string[], csv: boolean): Promise<number> {
  const skipped = { count: 0 };
  let scenarioIds: string[] = [];
  if (csv) {
    await loadRubric(DEFAULT_RUBRIC);
    scenarioIds = getRubric(DEFAULT_RUBRIC)!.scenarioGroups.flatMap((g) => g.scenarios.map((s) => s.id));
    await write(csvHeader(scenarioIds));
  }
  let status = 0;
  for (const entry of expandPaths(paths, skipped)) {
    let scored: ScoredText;
    if (entry.error) scored = { ok: false, error: entry.error };
    else {
      const read = readRegularFile(entry.path);
      try {
        scored = 'error' in read ? { ok: false, error: read.error } : await scoreAssessmentText(read.text);
      } catch (e) {
        // a bug, not the file's fault: still only this file's line
        scored = { ok: false, error: `internal error (${e instanceof Error ? e.message : String(e)})`.slice(0, 300) };
      }
    }
    if (!scored.ok) status = 2;
    await write(csv ? csvRow(entry.path, scored, scenarioIds) : jsonLine(entry.path, scored));
  }
  if (skipped.count > 0) process.stderr.write(`skipped ${skipped.count} file(s) not named *.json\n`);
  return status;
}
