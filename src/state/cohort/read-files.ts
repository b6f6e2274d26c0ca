/**
 * The chosen files, packed for a worker and read there a chunk at a time. Each `File.arrayBuffer()` is a
 * round trip to the browser's file reader and each File posted to a worker is cloned on its own: ten
 * thousand of either took seconds. The page packs up to 200 files into one Blob (references, nothing is
 * read) and posts a few Blobs; the worker reads one Blob per chunk. Files that will not be read at all
 * (not *.json, over the size limit) stay out of the chunks, so a huge file is never read.
 */
import { readable, type InputFile } from './score-files';

/** Files per Blob. */
const CHUNK = 200;

export interface PackedFiles {
  chunks: Blob[];
  /** Per file in order: where its bytes are (chunk, offset), or no chunk when it is not read. */
  files: { source: string; size: number; chunk: number; offset: number }[];
}

export function packFiles(files: readonly { file: Blob; source: string }[]): PackedFiles {
  const chunks: Blob[] = [];
  const out: PackedFiles['files'] = [];
  let parts: Blob[] = [];
  let offset = 0;
  for (const { file, source } of files) {
    if (!readable(source, file.size)) {
      out.push({ source, size: file.size, chunk: -1, offset: 0 });
      continue;
    }
    out.push({ source, size: file.size, chunk: chunks.length, offset });
    parts.push(file);
    offset += file.size;
    if (parts.length === CHUNK) {
      chunks.push(new Blob(parts));
      parts = [];
      offset = 0;
    }
  }
  if (parts.length) chunks.push(new Blob(parts));
  return { chunks, files: out };
}

/** The files of a pack as the scorer reads them: a chunk is read once, when its first file is wanted. */
export function inputsOf(pack: PackedFiles): InputFile[] {
  const reads = new Map<number, Promise<Uint8Array>>();
  const chunk = (c: number) => {
    let read = reads.get(c);
    if (!read) {
      read = pack.chunks[c]!.arrayBuffer().then((b) => new Uint8Array(b));
      reads.set(c, read);
      reads.delete(c - 1); // files are read in order: the chunk before is done with
    }
    return read;
  };
  return pack.files.map(({ source, size, chunk: c, offset }) => ({
    source,
    size,
    bytes: async () => {
      if (c < 0) throw new Error(`${source}: not to be read`);
      return (await chunk(c)).subarray(offset, offset + size);
    },
  }));
}
