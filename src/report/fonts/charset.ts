/**
 * The characters NotoSansSC-subset.ttf can show (charset.txt, written by scripts/subset-font.ts). jsPDF silently drops
 * characters the embedded font lacks, so check text with missingCharacters() before putting it in a PDF.
 */

let cached: Promise<Set<string>> | undefined;

/** Loads charset.txt lazily (its own chunk, ~12 KB) and returns its characters; fetched once per page. */
export async function loadCharset(): Promise<Set<string>> {
  cached ??= import('./charset.txt?raw').then((m) => new Set(m.default.replace(/\r?\n$/, '')));
  try {
    return await cached;
  } catch (e) {
    cached = undefined; // let a later call retry, e.g. after a failed chunk download
    throw e;
  }
}

/** The characters of `text` not in `charset`, each once, in order of first appearance; whitespace is ignored. */
export function missingCharacters(text: string, charset: Set<string>): string[] {
  const missing = new Set<string>();
  for (const ch of text) if (!/\s/u.test(ch) && !charset.has(ch)) missing.add(ch);
  return [...missing];
}
