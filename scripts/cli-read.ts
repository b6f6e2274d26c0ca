/**
 * Reading an assessment file for the CLI, whatever the path names (a 300 MB file, /dev/zero, a FIFO,
 * a directory): only regular files are read, their size is checked before reading, and reading stops
 * one byte past the limit.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../src/domain/index';

/** Allocated once: a batch of 100,000 files reads them all into this one buffer, one after another. */
let buffer: Buffer | undefined;

/** The text of a regular file of at most MAX_FILE_BYTES, or why not (one line, English). */
export function readRegularFile(file: string): { text: string } | { error: string } {
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
    buffer ??= Buffer.alloc(MAX_FILE_BYTES + 1);
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
export const shown = (file: string) =>
  [...file].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f' || c === '\u2028' || c === '\u2029')
    ? JSON.stringify(file)
    : file;
