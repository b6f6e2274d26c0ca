/**
 * Builds the Chinese font for PDF export: a TrueType (glyf) subset of Noto Sans SC Regular that jsPDF can embed.
 *
 *   npm install --no-save @expo-google-fonts/noto-sans-sc subset-font
 *   npx tsx scripts/subset-font.ts
 *
 * The font package (57 MB) is deliberately not a project dependency: only this script needs it, and its output is
 * committed. Writes into src/report/fonts/: NotoSansSC-subset.ttf, charset.txt (the characters the subset maps, sorted by
 * code point, one line), LICENSE-OFL.txt and README.md.
 *
 * Character list: every character of the JSON files under rubrics/ and of src/i18n/*.json, printable ASCII, CJK
 * punctuation and full-width forms, the 3,755 GB2312 level-1 hanzi and SYMBOLS. A character the content uses but the
 * font lacks makes the script fail; a fixed extra the font lacks is left out with a warning.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentFiles, gb2312Level1, jsonCharacters, range } from './font-charset';
import { cmapCodePoints, readTableDirectory } from './sfnt';

const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';
const SUBSET_PACKAGE = 'subset-font';
const WEIGHT_DIR = '400Regular';
const WEIGHT_FILE = 'NotoSansSC_400Regular.ttf';
const INSTALL_HINT = `npm install --no-save ${FONT_PACKAGE} ${SUBSET_PACKAGE}`;

/**
 * jsPDF only reads cmap/head/hhea/hmtx/maxp/name/OS/2/post/loca/glyf and never shapes text, so OpenType layout
 * (GSUB/GPOS, whose glyph closure also pulls in vertical and alternate forms) and vertical metrics are dropped.
 */
const SUBSET_OPTIONS = {
  targetFormat: 'truetype',
  keepFeatures: [] as string[],
  dropTables: ['BASE', 'GDEF', 'GPOS', 'GSUB', 'STAT', 'vhea', 'vmtx', 'VORG'],
} as const;

const CJK_PUNCTUATION = '、。，；：？！“”‘’（）《》【】—…·％＋－＝／';
const SYMBOLS = '①②③④⑤⑥⑦⑧⑨⑩★✓✗≥≤×÷→←';

type SubsetFont = (font: Uint8Array, text: string, options: typeof SUBSET_OPTIONS) => Promise<Uint8Array>;

const root = join(import.meta.dirname, '..');
const outDir = join(root, 'src/report/fonts');
const started = performance.now();

function fail(message: string): never {
  console.error(`subset-font: ${message}`);
  process.exit(1);
}

const hex = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const byCodePoint = (a: string, b: string) => a.codePointAt(0)! - b.codePointAt(0)!;
const kb = (n: number) => `${n.toLocaleString('en-US')} bytes (${(n / 1024 / 1024).toFixed(2)} MiB)`;

async function main() {
  const require = createRequire(import.meta.url);
  let fontPackageJson: string;
  let subsetFont: SubsetFont;
  try {
    fontPackageJson = require.resolve(`${FONT_PACKAGE}/package.json`);
    subsetFont = require(SUBSET_PACKAGE) as SubsetFont;
  } catch {
    fail(
      `${FONT_PACKAGE} and ${SUBSET_PACKAGE} are needed but not installed.\n` +
        `They are not project dependencies on purpose (the font package is 57 MB). Install them for this session only:\n\n` +
        `  ${INSTALL_HINT}\n\nthen run again: npx tsx scripts/subset-font.ts`,
    );
  }
  const fontDir = dirname(fontPackageJson);
  const fontVersion = (JSON.parse(readFileSync(fontPackageJson, 'utf8')) as { version: string }).version;
  const subsetVersion = (
    JSON.parse(readFileSync(require.resolve(`${SUBSET_PACKAGE}/package.json`), 'utf8')) as { version: string }
  ).version;
  const sourcePath = join(fontDir, WEIGHT_DIR, WEIGHT_FILE);
  const licensePath = join(fontDir, 'LICENSE_FONT');
  if (!existsSync(sourcePath)) fail(`${sourcePath} not found: has ${FONT_PACKAGE} changed its layout?`);
  if (!existsSync(licensePath)) fail(`${licensePath} not found: has ${FONT_PACKAGE} changed its layout?`);
  if (!readFileSync(licensePath, 'utf8').includes('SIL Open Font License, Version 1.1'))
    fail(`${licensePath} is not the SIL Open Font License 1.1: check the font's license before shipping it`);

  const source = readFileSync(sourcePath);
  const sourceDir = readTableDirectory(source);
  if (sourceDir.version !== 0x00010000 || !sourceDir.tables.has('glyf'))
    fail(`${sourcePath} is not a TrueType (glyf) font; jsPDF cannot embed CFF outlines`);
  const sourceCoverage = cmapCodePoints(source);
  const inFont = (ch: string) => sourceCoverage.has(ch.codePointAt(0)!);

  // 1. Content: the font must be able to show every character the PDF can contain.
  const wanted = new Set<string>();
  const missingContent: string[] = [];
  for (const file of contentFiles(root)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      fail(`${relative(root, file)} is not valid JSON: ${(e as Error).message}`);
    }
    for (const ch of jsonCharacters(parsed)) {
      if (inFont(ch)) wanted.add(ch);
      else missingContent.push(`  ${ch} ${hex(ch)} in ${relative(root, file)}`);
    }
  }
  if (missingContent.length)
    fail(
      `Noto Sans SC has no glyph for these characters, so a PDF cannot show them; change the text:\n` +
        missingContent.join('\n'),
    );

  // 2. Fixed extras: ASCII, CJK punctuation and full-width forms, GB2312 level 1, symbols.
  const hanzi = gb2312Level1();
  if (hanzi.length !== 3755 || new Set(hanzi).size !== 3755)
    fail(`GB2312 level 1 decoded to ${new Set(hanzi).size} distinct characters, expected 3,755`);
  const extras = [
    ...range(0x20, 0x7e),
    ...CJK_PUNCTUATION,
    ...range(0x3000, 0x303f),
    ...range(0xff01, 0xff5e),
    ...hanzi,
    ...SYMBOLS,
  ];
  const skipped = [...new Set(extras.filter((ch) => !inFont(ch)))];
  if (skipped.filter((ch) => hanzi.includes(ch) || ch.codePointAt(0)! <= 0x7e).length)
    fail(`the font lacks ASCII or GB2312 level-1 characters: ${skipped.join(' ')}`);
  for (const ch of extras) if (inFont(ch)) wanted.add(ch);
  if (skipped.length)
    console.warn(
      `subset-font: left out ${skipped.length} extra character(s) the font has no glyph for: ` +
        skipped.map((ch) => `${ch} ${hex(ch)}`).join(', '),
    );

  // 3. Subset and check the result really maps every wanted character.
  const chars = [...wanted].sort(byCodePoint);
  const subset = Buffer.from(await subsetFont(source, chars.join(''), SUBSET_OPTIONS));
  const subsetDir = readTableDirectory(subset);
  if (subsetDir.version !== 0x00010000 || !subsetDir.tables.has('glyf'))
    fail('the subset is not a TrueType (glyf) font');
  const subsetCoverage = cmapCodePoints(subset);
  const lost = chars.filter((ch) => !subsetCoverage.has(ch.codePointAt(0)!));
  if (lost.length) fail(`the subset lost ${lost.length} character(s): ${lost.join('')}`);

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'NotoSansSC-subset.ttf'), subset);
  writeFileSync(join(outDir, 'charset.txt'), chars.join('') + '\n', 'utf8');
  copyFileSync(licensePath, join(outDir, 'LICENSE-OFL.txt'));

  const gzipped = gzipSync(subset, { level: 9 }).length;
  const hanziCount = chars.filter((ch) => /\p{Script=Han}/u.test(ch)).length;
  const readme = `# Chinese font for PDF export

Generated by \`scripts/subset-font.ts\`; do not edit these files by hand.

- \`NotoSansSC-subset.ttf\`: Noto Sans SC, Regular (400) weight, from \`${FONT_PACKAGE}@${fontVersion}\`
  (\`${WEIGHT_DIR}/${WEIGHT_FILE}\`), subset with \`${SUBSET_PACKAGE}@${subsetVersion}\` (HarfBuzz) to TrueType
  (glyf) outlines, which jsPDF needs. OpenType layout tables and vertical metrics are dropped: jsPDF does not use them.
- \`charset.txt\`: the ${chars.length.toLocaleString('en-US')} characters the subset maps (${hanziCount.toLocaleString('en-US')} hanzi), sorted by code point, on one line.
  \`loadCharset()\` in \`charset.ts\` loads it lazily; \`missingCharacters()\` lists the characters of a text the font
  cannot show (a PDF silently drops them).
- \`LICENSE-OFL.txt\`: the font's license (SIL Open Font License 1.1), copied from the package. It must ship with
  the font.

## What is in the subset

Every character of \`rubrics/**/*.json\` and \`src/i18n/*.json\`, printable ASCII (U+0020–U+007E), CJK punctuation
and full-width forms (U+3000–U+303F, U+FF01–U+FF5E, and \`${CJK_PUNCTUATION}\`), the 3,755 GB2312 level-1 hanzi, and
\`${SYMBOLS}\`.${
    skipped.length ? ` Not in Noto Sans SC, so left out: ${skipped.map((ch) => `${ch} (${hex(ch)})`).join(', ')}.` : ''
  }

## Sizes

- TTF: ${kb(subset.length)}
- gzipped (Node zlib, level 9; \`gzip -9\` gives about the same): ${kb(gzipped)}
- characters: ${chars.length.toLocaleString('en-US')}

## Regenerate

After adding text that uses new characters (\`test/content/font-subset.test.ts\` fails and names them):

\`\`\`sh
${INSTALL_HINT}
npx tsx scripts/subset-font.ts
\`\`\`

\`--no-save\` keeps the 57 MB font package out of \`package.json\`, so \`npm install\` of the project never downloads it.
Commit the four files in this folder.
`;
  writeFileSync(join(outDir, 'README.md'), readme, 'utf8');

  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `subset-font: ${chars.length} characters (${hanziCount} hanzi) -> ${relative(root, join(outDir, 'NotoSansSC-subset.ttf'))}: ` +
      `${subset.length.toLocaleString('en-US')} bytes, ${gzipped.toLocaleString('en-US')} gzipped, in ${seconds} s`,
  );
}

await main();
