/**
 * The embedded font and the document-information strings: the subset Noto Sans SC as jsPDF takes it, and the
 * title and subject written so that readers show them right.
 */
import fontUrl from '../fonts/NotoSansSC-subset.ttf?url';

export const FONT_FILE = 'NotoSansSC-subset.ttf';

let fetchedFont: Promise<string> | undefined;

/** The font as the binary string jsPDF's virtual file system takes. */
export async function fontBinary(bytes?: ArrayBuffer | Uint8Array): Promise<string> {
  if (bytes) return binaryString(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  fetchedFont ??= fetch(fontUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`PDF font: HTTP ${r.status} for ${fontUrl}`);
      return r.arrayBuffer();
    })
    .then((b) => binaryString(new Uint8Array(b)));
  try {
    return await fetchedFont;
  } catch (e) {
    fetchedFont = undefined; // let a later export retry
    throw e;
  }
}

function binaryString(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) parts.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  return parts.join('');
}

/**
 * Document-information strings (title, subject) outside ASCII. jsPDF writes them as UTF-16BE literal strings without
 * escaping byte 0x0D, which readers turn into 0x0A (不 U+4E0D would read as 上 U+4E0A). So jsPDF gets an ASCII
 * placeholder exactly as long as the hex string `<FEFF…>` that replaces it in the output: no offset moves.
 */
export class InfoStrings {
  private replacements: { from: string; to: string }[] = [];

  add(text: string): string {
    const s = text.replace(/\s+/g, ' ').trim();
    if (/^[\x20-\x7e]*$/.test(s)) return s;
    let hex = '<FEFF';
    for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
    hex += '>';
    const placeholder = `DLINFO${this.replacements.length}`.padEnd(hex.length - 2, 'X');
    this.replacements.push({ from: `(${placeholder})`, to: hex });
    return placeholder;
  }

  patch(bytes: Uint8Array) {
    for (const { from, to } of this.replacements) {
      const at = indexOfAscii(bytes, from);
      if (at < 0) continue;
      for (let i = 0; i < to.length; i++) bytes[at + i] = to.charCodeAt(i);
    }
  }
}

function indexOfAscii(bytes: Uint8Array, s: string): number {
  const first = s.charCodeAt(0);
  for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - s.length; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < s.length && bytes[i + j] === s.charCodeAt(j)) j++;
    if (j === s.length) return i;
  }
  return -1;
}
