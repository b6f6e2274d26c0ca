/**
 * One of the cohort import's workers: scores its share of thousands of files off the main thread so the
 * page stays responsive and the progress bar moves. Receives its files packed (read-files.ts), posts progress and, at the
 * end, one item per file (in order); the page counts duplicates across all workers (`combine`) and writes
 * the outcome in one transaction (src/db/cohorts.ts). Cancel = the page terminates the workers.
 */
import { scoreEach, type FileItem } from './score-files';
import { inputsOf, type PackedFiles } from './read-files';

export type ToWorker = PackedFiles;
export type FromWorker =
  | { type: 'progress'; done: number }
  | { type: 'done'; items: FileItem[]; startedAt: number; totalMs: number }
  | { type: 'error'; message: string };

// a dedicated worker's postMessage(message) has the shape of the window's one-argument form
const post = (m: FromWorker) => self.postMessage(m);

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const started = performance.now();
  const inputs = inputsOf(event.data);
  let last = 0;
  try {
    const items = await scoreEach(inputs, (done, total) => {
      // at most ~20 messages a second: thousands of postMessage calls would slow the page they inform
      const now = performance.now();
      if (done === total || now - last > 50) {
        last = now;
        post({ type: 'progress', done });
      }
    });
    if (items)
      post({ type: 'done', items, startedAt: performance.timeOrigin + started, totalMs: performance.now() - started });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
