/** The character lists behind the PDF font subset; shared by scripts/subset-font.ts and its test. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function range(from: number, to: number): string[] {
  const out: string[] = [];
  for (let c = from; c <= to; c++) out.push(String.fromCodePoint(c));
  return out;
}

/** GB2312 level 1: rows 16–55 (lead bytes 0xB0–0xD7), cells 0xA1–0xFE; row 55 ends at 0xD7F9. 3,755 hanzi. */
export function gb2312Level1(): string[] {
  const decoder = new TextDecoder('gb2312', { fatal: true });
  const out: string[] = [];
  for (let lead = 0xb0; lead <= 0xd7; lead++)
    for (let trail = 0xa1; trail <= (lead === 0xd7 ? 0xf9 : 0xfe); trail++)
      out.push(decoder.decode(new Uint8Array([lead, trail])));
  return out;
}

/** The JSON files whose text the PDF can contain. */
export function contentFiles(base: string): string[] {
  const rubrics = readdirSync(join(base, 'rubrics'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(base, 'rubrics', f));
  const i18n = readdirSync(join(base, 'src/i18n'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(base, 'src/i18n', f));
  return [...rubrics, ...i18n].sort();
}

/** Every character of every string (keys and values) in a JSON document, control characters excluded. */
export function jsonCharacters(value: unknown, into = new Set<string>()): Set<string> {
  const add = (s: string) => {
    for (const ch of s) if (!/\p{Cc}/u.test(ch)) into.add(ch);
  };
  if (typeof value === 'string') add(value);
  else if (typeof value === 'number' || typeof value === 'boolean') add(String(value));
  else if (Array.isArray(value)) for (const v of value) jsonCharacters(v, into);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      add(k);
      jsonCharacters(v, into);
    }
  return into;
}
