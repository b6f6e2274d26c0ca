/** Reads produced office files back in tests: unzip with fflate, the text of Word paragraphs and sheet cells. */
import { strFromU8, unzipSync } from 'fflate';

export function unzip(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(
    Object.entries(files)
      .filter(([name]) => /\.(xml|rels)$/.test(name))
      .map(([name, data]) => [name, strFromU8(data)]),
  );
}

export const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');

/** Each Word paragraph's text (its w:t runs joined; a line break as "\n"), in document order. */
export function wordParagraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((m) => (m[0] === '<w:br/>' ? '\n' : unescapeXml(m[1] ?? '')))
      .join(''),
  );
}

/** Each table's rows of cell texts (a cell's paragraphs joined by "\n"). */
export function wordTables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => wordParagraphs(c[0]).join('\n')),
    ),
  );
}

/** Every sheet of a workbook by name: rows of cell values (strings, numbers as numbers), empty cells as ''. */
export function xlsxSheets(files: Record<string, string>): Map<string, (string | number)[][]> {
  const shared = [...(files['xl/sharedStrings.xml'] ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1]!.matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/g)].map((x) => unescapeXml(x[1]!)).join(''),
  );
  const rels = new Map(
    [...files['xl/_rels/workbook.xml.rels']!.matchAll(/<Relationship [^>]*>/g)].map((m) => [
      /Id="([^"]+)"/.exec(m[0])![1]!,
      /Target="([^"]+)"/.exec(m[0])![1]!.replace(/^\/?(xl\/)?/, 'xl/'),
    ]),
  );
  const out = new Map<string, (string | number)[][]>();
  for (const m of files['xl/workbook.xml']!.matchAll(/<sheet [^>]*>/g)) {
    const name = unescapeXml(/name="([^"]*)"/.exec(m[0])![1]!);
    const xml = files[rels.get(/r:id="([^"]+)"/.exec(m[0])![1]!)!]!;
    const rows: (string | number)[][] = [];
    for (const r of xml.matchAll(/<row [^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const row: (string | number)[] = [];
      for (const c of (r[1] ?? '').matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const col = /r="([A-Z]+)\d+"/.exec(c[1]!)![1]!;
        const index = [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        const type = /t="([^"]+)"/.exec(c[1]!)?.[1];
        const body = c[2] ?? '';
        const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
        const value =
          type === 's'
            ? shared[Number(v)]!
            : type === 'inlineStr'
              ? [...body.matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/g)].map((x) => unescapeXml(x[1]!)).join('')
              : type === 'str'
                ? unescapeXml(v ?? '')
                : v === undefined
                  ? ''
                  : Number(v);
        while (row.length < index) row.push('');
        row[index] = value;
      }
      rows.push(row);
    }
    out.set(name, rows);
  }
  return out;
}
