import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFiles, gb2312Level1, jsonCharacters, range } from '../../scripts/font-charset';
import { cmapCodePoints, readTableDirectory } from '../../scripts/sfnt';
import { loadCharset, missingCharacters } from '../../src/report/fonts/charset';

const root = join(import.meta.dirname, '../..');
const fontsDir = join(root, 'src/report/fonts');
const ttfPath = join(fontsDir, 'NotoSansSC-subset.ttf');
const charsetText = readFileSync(join(fontsDir, 'charset.txt'), 'utf8');
const charset = new Set(charsetText.replace(/\n$/, ''));
const REGENERATE =
  'Regenerate the PDF font: npm install --no-save @expo-google-fonts/noto-sans-sc subset-font && ' +
  'npx tsx scripts/subset-font.ts (see src/report/fonts/README.md), then commit src/report/fonts/\n';
const hex = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

describe('PDF font subset: charset.txt', () => {
  it('covers every character of rubrics/**/*.json and src/i18n/*.json', () => {
    const files = contentFiles(root);
    expect(files.some((f) => f.includes('rubrics/guides/'))).toBe(true);
    expect(files.some((f) => f.endsWith('src/i18n/zh-CN.json'))).toBe(true);
    const problems: string[] = [];
    for (const file of files) {
      const chars = jsonCharacters(JSON.parse(readFileSync(file, 'utf8')));
      const missing = [...chars].filter((ch) => !charset.has(ch));
      if (missing.length)
        problems.push(`${relative(root, file)}: ${missing.map((ch) => `${ch} (${hex(ch)})`).join(' ')}`);
    }
    expect(problems, `The PDF font cannot show these characters.\n${REGENERATE}`).toEqual([]);
  });

  it('contains the 3,755 GB2312 level-1 hanzi and all printable ASCII', () => {
    const hanzi = gb2312Level1();
    expect(new Set(hanzi).size).toBe(3755);
    expect([hanzi[0], hanzi.at(-1)]).toEqual(['啊', '座']);
    expect(hanzi.every((ch) => /\p{Script=Han}/u.test(ch))).toBe(true);
    expect(hanzi.filter((ch) => !charset.has(ch))).toEqual([]);
    expect(range(0x20, 0x7e).filter((ch) => !charset.has(ch))).toEqual([]);
    expect([...'、。，；：？！“”‘’（）《》【】—…·％＋－＝／①⑩★✓≥≤×÷→←'].filter((ch) => !charset.has(ch))).toEqual([]);
  });

  it('is one line of unique characters sorted by code point, ending in a single newline', () => {
    expect(charsetText.endsWith('\n')).toBe(true);
    expect(charsetText.slice(0, -1)).not.toMatch(/[\n\r]/);
    const chars = [...charsetText.slice(0, -1)];
    expect(chars.length).toBe(charset.size);
    const codes = chars.map((ch) => ch.codePointAt(0)!);
    expect(codes.every((c, i) => i === 0 || c > codes[i - 1]!)).toBe(true);
  });
});

describe('PDF font subset: NotoSansSC-subset.ttf', () => {
  const ttf = existsSync(ttfPath) ? readFileSync(ttfPath) : new Uint8Array();

  it('is a TrueType (glyf) font of at most 1.6 MB', () => {
    expect(ttf.byteLength, `${ttfPath} is missing. ${REGENERATE}`).toBeGreaterThan(0);
    expect(ttf.byteLength).toBeLessThanOrEqual(1_600_000);
    expect(new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength).getUint32(0)).toBe(0x00010000);
    const { tables } = readTableDirectory(ttf);
    for (const tag of ['glyf', 'loca', 'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post'])
      expect(tables.has(tag), `table '${tag}'`).toBe(true);
    expect(tables.has('CFF ')).toBe(false);
  });

  it('maps exactly the characters of charset.txt', () => {
    const mapped = cmapCodePoints(ttf);
    const unmapped = [...charset].filter((ch) => !mapped.has(ch.codePointAt(0)!));
    expect(unmapped, `charset.txt and the font disagree. ${REGENERATE}`).toEqual([]);
    expect(mapped.size).toBe(charset.size);
  });

  it('ships with its license', () => {
    expect(readFileSync(join(fontsDir, 'LICENSE-OFL.txt'), 'utf8')).toContain(
      'licensed under the SIL Open Font License, Version 1.1',
    );
  });

  it('is accepted by jsPDF, which embeds it as a CID TrueType font', async () => {
    const { jsPDF } = await import('jspdf');
    const doc = new jsPDF({ compress: true });
    doc.addFileToVFS('NotoSansSC-subset.ttf', Buffer.from(ttf).toString('base64'));
    doc.addFont('NotoSansSC-subset.ttf', 'NotoSansSC', 'normal');
    doc.setFont('NotoSansSC', 'normal');
    doc.setFontSize(12);
    doc.text('中小企业数字化水平评测 ①★✓ ABC，。', 10, 10);
    // a hanzi is one em wide: 12 pt = 12 × 25.4 / 72 mm
    expect(doc.getTextWidth('企')).toBeCloseTo((12 * 25.4) / 72, 3);
    const pdf = doc.output();
    expect(pdf).toContain('/FontFile2');
    expect(pdf).toContain('/Identity-H');
  });
});

describe('charset.ts', () => {
  it('loadCharset() loads charset.txt through Vite ?raw', async () => {
    const loaded = await loadCharset();
    expect(loaded).toEqual(charset);
    expect(await loadCharset()).toBe(loaded);
  });

  it('missingCharacters() lists unknown characters once, in order, ignoring whitespace', () => {
    expect(missingCharacters('企业', charset)).toEqual([]);
    expect(missingCharacters('龘', charset)).toEqual(['龘']);
    expect(missingCharacters('龘 企业\n\t　𠀀龘✗ 😀', charset)).toEqual(['龘', '𠀀', '✗', '😀']);
    expect(missingCharacters('', charset)).toEqual([]);
  });
});
