/**
 * CLI scorer: `npm run --silent score -- FILE.json` prints the result JSON and exits 0, or prints one
 * line naming the file and the offending key to stderr and exits 2 (shared spec). It uses the same
 * validation function as the app's import.
 *
 * Whatever the path names (a 300 MB file, /dev/zero, a FIFO, a directory), the answer is that one line
 * and exit 2: only regular files are read, their size is checked before reading, and reading stops one
 * byte past the limit.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import {
  parseAssessmentText,
  describeIssue,
  evaluate,
  evaluateChecklist,
  getAnyRubric,
  loadRubricsFor,
  stripBom,
  toCliResult,
  toChecklistCliResult,
  MAX_FILE_BYTES,
  type ChecklistAnswers,
} from '../src/domain/index';

/** The text of a regular file of at most MAX_FILE_BYTES, or why not (one line, English). */
function readRegularFile(file: string): { text: string } | { error: string } {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { error: `cannot read file (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { error: 'is a directory, not a file' };
    if (!stat.isFile()) return { error: 'not a regular file' };
    if (stat.size > MAX_FILE_BYTES) return { error: `file larger than ${MAX_FILE_BYTES} bytes` };
    // the size may change under us (or be wrong, as in /proc): never read more than the limit + 1 byte
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_FILE_BYTES) return { error: `file larger than ${MAX_FILE_BYTES} bytes` };
    return { text: buffer.subarray(0, length).toString('utf8') };
  } catch (e) {
    return { error: `cannot read file (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    closeSync(fd);
  }
}

/** The file as named in a message: as given, or JSON-quoted when it holds a line break or control character. */
const shown = (file: string) =>
  [...file].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f' || c === '\u2028' || c === '\u2029')
    ? JSON.stringify(file)
    : file;

/** One line, whatever a message holds. */
const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, ' ');

async function main(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file || argv.length > 1) {
    process.stderr.write('usage: npm run --silent score -- FILE.json\n');
    return 2;
  }
  const fail = (message: string) => {
    process.stderr.write(`${shown(file)}: ${oneLine(message)}\n`);
    return 2;
  };
  try {
    const read = readRegularFile(file);
    if ('error' in read) return fail(read.error);
    // Windows Notepad writes a byte order mark; the app's import never sees one (the browser drops it)
    const text = stripBom(read.text);
    await loadRubricsFor(text);
    const parsed = parseAssessmentText(text, getAnyRubric);
    if (!parsed.ok) {
      const more = parsed.issues.length > 1 ? ` (and ${parsed.issues.length - 1} more)` : '';
      return fail(`${describeIssue(parsed.issues[0]!)}${more}`);
    }
    const rubric = getAnyRubric(parsed.file.rubric)!;
    const result =
      rubric.model === 'weighted-scenarios'
        ? toCliResult(evaluate(rubric, parsed.file))
        : toChecklistCliResult(
            rubric.id,
            evaluateChecklist(rubric, parsed.file.answers as unknown as ChecklistAnswers),
          );
    process.stdout.write(JSON.stringify(result) + '\n');
    return 0;
  } catch (e) {
    // a bug, not the file's fault; still one line and exit 2, never a stack trace
    return fail(`internal error (${e instanceof Error ? `${e.name}: ${e.message}` : String(e)})`.slice(0, 300));
  }
}

process.exitCode = await main(process.argv.slice(2));
