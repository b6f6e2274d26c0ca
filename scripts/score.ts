/**
 * CLI scorer (shared spec, "Command-line scorer" and "Scoring many files"): `npm run --silent score --
 * FILE.json` prints the result JSON and exits 0, or prints one line naming the file and the offending key
 * to stderr and exits 2. Several paths, a directory or `--csv` score a batch (scripts/score-batch.ts).
 * It uses the same validation function as the app's import.
 *
 * Whatever one path names (a 300 MB file, /dev/zero, a FIFO), the answer is that one line
 * and exit 2: only regular files are read, their size is checked before reading, and reading stops one
 * byte past the limit.
 */
import { statSync } from 'node:fs';
import { oneLine, scoreAssessmentText } from '../src/domain/index';
import { readRegularFile, shown } from './cli-read';
import { scoreBatch } from './score-batch';

/** One file: the result JSON on stdout and exit 0, or one line on stderr and exit 2. */
async function scoreOne(file: string): Promise<number> {
  const fail = (message: string) => {
    process.stderr.write(`${shown(file)}: ${oneLine(message)}\n`);
    return 2;
  };
  try {
    const read = readRegularFile(file);
    if ('error' in read) return fail(read.error);
    const scored = await scoreAssessmentText(read.text);
    if (!scored.ok) return fail(scored.error);
    process.stdout.write(JSON.stringify(scored.result) + '\n');
    return 0;
  } catch (e) {
    // a bug, not the file's fault; still one line and exit 2, never a stack trace
    return fail(`internal error (${e instanceof Error ? `${e.name}: ${e.message}` : String(e)})`.slice(0, 300));
  }
}

const isDirectory = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

async function main(argv: string[]): Promise<number> {
  const csv = argv.includes('--csv');
  const paths = argv.filter((a) => a !== '--csv');
  if (paths.length === 0) {
    process.stderr.write('usage: npm run --silent score -- [--csv] PATH [PATH …]  (files or directories)\n');
    return 2;
  }
  // exactly one file keeps the single-file output; anything else is a batch (JSON Lines, or CSV)
  if (!csv && paths.length === 1 && !isDirectory(paths[0]!)) return scoreOne(paths[0]!);
  return scoreBatch(paths, csv);
}

process.exitCode = await main(process.argv.slice(2));
