/**
 * Runs one cohort import in a worker: `progress` as it goes, the outcome at the end, `cancel()` stops the
 * worker at once (nothing has been written: the page writes only a finished outcome).
 */
import type { FromWorker, ToWorker } from './worker';
import type { ScoringOutcome } from './score-files';

export interface RunningImport {
  done: Promise<ScoringOutcome | 'cancelled'>;
  cancel(): void;
}

/** The path a file had inside a chosen folder, else its name. */
export const sourceOf = (f: File): string => f.webkitRelativePath || f.name;

export function runImport(files: readonly File[], progress: (done: number, total: number) => void): RunningImport {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  let settle: (v: ScoringOutcome | 'cancelled') => void = () => {};
  let fail: (e: Error) => void = () => {};
  const done = new Promise<ScoringOutcome | 'cancelled'>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    const m = e.data;
    if (m.type === 'progress') progress(m.done, m.total);
    else {
      worker.terminate();
      if (m.type === 'done') settle(m.outcome);
      else fail(new Error(m.message));
    }
  };
  worker.onerror = (e) => {
    worker.terminate();
    fail(new Error(e.message || 'worker failed to load'));
  };
  const message: ToWorker = { files: files.map((file) => ({ file, source: sourceOf(file) })) };
  worker.postMessage(message);
  return {
    done,
    cancel() {
      worker.terminate();
      settle('cancelled');
    },
  };
}
