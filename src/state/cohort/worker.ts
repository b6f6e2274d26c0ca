/**
 * The cohort import's worker: scores thousands of files off the main thread so the page stays responsive
 * and the progress bar moves. Receives the File objects, posts progress and, at the end, the outcome;
 * the page writes it in one transaction (src/db/cohorts.ts). Cancel = the page terminates this worker.
 */
import { scoreFiles, type InputFile } from './score-files';

export type ToWorker = { files: { file: File; source: string }[] };
export type FromWorker =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; outcome: NonNullable<Awaited<ReturnType<typeof scoreFiles>>> }
  | { type: 'error'; message: string };

const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const inputs: InputFile[] = event.data.files.map(({ file, source }) => ({
    source,
    size: file.size,
    bytes: async () => new Uint8Array(await file.arrayBuffer()),
  }));
  let last = 0;
  try {
    const outcome = await scoreFiles(inputs, (done, total) => {
      // at most ~20 messages a second: thousands of postMessage calls would slow the page they inform
      const now = performance.now();
      if (done === total || now - last > 50) {
        last = now;
        post({ type: 'progress', done, total });
      }
    });
    if (outcome) post({ type: 'done', outcome });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
