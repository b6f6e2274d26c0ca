/**
 * Runs one cohort import in workers: `progress` as it goes, the outcome at the end, `cancel()` stops the
 * workers at once (nothing has been written: the page writes only a finished outcome).
 *
 * The files are cut into one contiguous share per worker (as many as the machine has cores, at most 4):
 * scoring is independent per file, and `combine` puts the shares back in file order before counting
 * duplicates, so the outcome is the same as one worker's.
 */
import type { FromWorker, ToWorker } from './worker';
import { combine, type FileItem, type ScoringOutcome } from './score-files';
import { packFiles } from './read-files';

export interface RunningImport {
  done: Promise<ScoringOutcome | 'cancelled'>;
  cancel(): void;
}

/** The path a file had inside a chosen folder, else its name. */
export const sourceOf = (f: File): string => f.webkitRelativePath || f.name;

/** Below this many files per worker a second worker costs more (its start, the rubric) than it saves. */
const MIN_SHARE = 100;

export function workerCount(files: number, cores = globalThis.navigator?.hardwareConcurrency ?? 1): number {
  return Math.max(1, Math.min(4, cores || 1, Math.floor(files / MIN_SHARE)));
}

export function runImport(files: readonly File[], progress: (done: number, total: number) => void): RunningImport {
  const count = workerCount(files.length);
  const size = Math.ceil(files.length / count);
  const shares = Array.from({ length: count }, (_, i) => files.slice(i * size, (i + 1) * size));
  const workers: Worker[] = [];
  const stop = () => workers.forEach((w) => w.terminate());
  let settle: (v: ScoringOutcome | 'cancelled') => void = () => {};
  let fail: (e: Error) => void = () => {};
  const done = new Promise<ScoringOutcome | 'cancelled'>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const doneEach = shares.map(() => 0);
  const results: (FileItem[] | undefined)[] = shares.map(() => undefined);
  let firstStart = Infinity;
  let totalMs = 0;
  let finished = 0;
  shares.forEach((share, i) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    workers.push(worker);
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'progress') {
        doneEach[i] = m.done;
        progress(
          doneEach.reduce((a, b) => a + b, 0),
          files.length,
        );
      } else if (m.type === 'error') {
        stop();
        fail(new Error(m.message));
      } else {
        worker.terminate();
        results[i] = m.items;
        firstStart = Math.min(firstStart, m.startedAt - performance.timeOrigin);
        totalMs = Math.max(totalMs, m.totalMs);
        if (++finished === count) {
          // for scripts/bench/cohort.ts: where an import's time goes
          performance.mark('cohort:worker', { detail: { firstStart, totalMs, workers: count } });
          settle(combine(results.flatMap((r) => r!)));
        }
      }
    };
    worker.onerror = (e) => {
      stop();
      fail(new Error(e.message || 'worker failed to load'));
    };
    const message: ToWorker = packFiles(share.map((file) => ({ file, source: sourceOf(file) })));
    performance.mark('cohort:packed');
    worker.postMessage(message);
  });
  return {
    done,
    cancel() {
      stop();
      settle('cancelled');
    },
  };
}
