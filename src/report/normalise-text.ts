/**
 * Text the PDF font cannot draw but nobody can see either: bidi controls (U+202E), joiners (U+200D), the byte order
 * mark and other format or control characters pasted with a name or a note. They are taken out of the document,
 * and listed for a note, rather than refusing the whole PDF; a visible character the font lacks is still refused.
 */
import type { ReportDocument } from './document';

/** Unicode format (Cf) and control (Cc) characters, except the line break the report's cells use. */
const INVISIBLE = /(?!\n)[\p{Cc}\p{Cf}]/gu;

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Every string in a value, rebuilt with `f` applied (objects and arrays copied; nothing shared is changed). */
function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, f)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)])) as T;
  return value;
}

/**
 * The document without the invisible characters `charset` (the font's characters) lacks, and those removed as
 * code points ("U+202E"), each once, in order of first appearance.
 */
export function withoutInvisible(
  doc: ReportDocument,
  charset: Set<string>,
): { doc: ReportDocument; removed: string[] } {
  const removed = new Set<string>();
  const out = mapStrings(doc, (s) =>
    s.replace(INVISIBLE, (ch) => {
      if (charset.has(ch)) return ch;
      removed.add(codePoint(ch));
      return '';
    }),
  );
  return { doc: out, removed: [...removed] };
}
