/**
 * Industry parts of a seed that holds several guides (seed 001: five Hainan industry roadmaps in one
 * file). A part's title first occurs in the table of contents ("医药制造业\t1"), so a plain search finds
 * the wrong place. Here a part's BODY begins at the line equal to its title that is followed, within a
 * few non-empty lines, by the body marker 一、背景意义 (title, 前言, the preface paragraphs, marker),
 * and it ends where the next industry's body begins. Pure: text in, range out.
 */

/** The first section of every industry body in seed 001. */
export const BODY_MARKER = '一、背景意义';
/** At most this many non-empty lines from a part title down to its body marker. */
export const TITLE_WINDOW = 12;

export const squash = (s: string) => s.replace(/\s+/g, '');

export interface PartRange {
  /** 0-based line of the part title (inclusive). */
  startLine: number;
  /** 0-based line where the next part's title stands, or the line count (exclusive). */
  endLine: number;
  /** The raw text of the part, title line included. */
  text: string;
}

/**
 * Indices of the non-empty lines above `line`, nearest first: at most TITLE_WINDOW of them, and none
 * at or above `floor` (the previous body marker), so a window never reaches into the previous part.
 */
function linesAbove(lines: string[], line: number, floor: number): number[] {
  const out: number[] = [];
  for (let i = line - 1; i > floor && out.length < TITLE_WINDOW; i--) if (squash(lines[i]!) !== '') out.push(i);
  return out;
}

interface Body {
  titleLine: number;
  markerLine: number;
  /** The non-empty lines a title of this body may stand on. */
  window: number[];
}

/**
 * Every industry body of the seed, in text order. Its title line is the non-empty line just above
 * 前言 when the preface is within the window, else the marker line itself.
 */
function bodies(lines: string[]): Body[] {
  const markers = lines.flatMap((l, i) => (squash(l) === BODY_MARKER ? [i] : []));
  return markers.map((markerLine, j) => {
    const window = linesAbove(lines, markerLine, markers[j - 1] ?? -1);
    const k = window.findIndex((i) => squash(lines[i]!) === '前言');
    const titleLine = k >= 0 && window[k + 1] !== undefined ? window[k + 1]! : markerLine;
    return { titleLine, markerLine, window };
  });
}

/** Every industry body of the seed, in text order, as [title line, marker line]. */
export function partBoundaries(seedText: string): { titleLine: number; markerLine: number }[] {
  return bodies(seedText.split(/\r?\n/)).map(({ titleLine, markerLine }) => ({ titleLine, markerLine }));
}

/**
 * The body of the part titled `partTitle`: from the line equal to the title (whitespace-insensitive)
 * that lies within TITLE_WINDOW non-empty lines above a body marker, to the next part's title line.
 * Undefined when no such line exists or when the title matches more than one body.
 */
export function locatePart(seedText: string, partTitle: string): PartRange | undefined {
  const lines = seedText.split(/\r?\n/);
  const want = squash(partTitle);
  if (want === '') return undefined;
  const all = bodies(lines);
  const hits = all.flatMap((b, j) => {
    const title = b.window.find((i) => squash(lines[i]!) === want);
    return title === undefined ? [] : [{ startLine: title, j }];
  });
  if (hits.length !== 1) return undefined;
  const { startLine, j } = hits[0]!;
  const endLine = all[j + 1]?.titleLine ?? lines.length;
  return { startLine, endLine, text: lines.slice(startLine, endLine).join('\n') };
}

/** Whether some line of `text` equals `heading`, whitespace-insensitively. */
export function hasHeadingLine(text: string, heading: string): boolean {
  const want = squash(heading);
  return text.split(/\r?\n/).some((l) => squash(l) === want);
}

/**
 * Rank of a heading line: 1 for 一、…, 2 for （一）…/(一)…, 3 for 1、…/1.…; undefined for any other line. A
 * numbered line longer than HEADING_MAX characters is a paragraph that starts with its number (seed 001's
 * 汽车制造业 writes "1.提升数字化转型意识。企业领导层面…" as one line), not a heading.
 */
export const HEADING_MAX = 40;
export function headingRank(line: string): 1 | 2 | 3 | undefined {
  const s = squash(line);
  if (s.length === 0 || s.length > HEADING_MAX) return undefined;
  if (/^[一二三四五六七八九十]+、/.test(s)) return 1;
  if (/^[（(][一二三四五六七八九十]+[）)]/.test(s)) return 2;
  if (/^\d+[、.．]/.test(s)) return 3;
  return undefined;
}

/**
 * Whether `passage` stands (whitespace-insensitively) in the section under a line equal to `heading`: from
 * that line to the next heading of the same or a higher rank. Any of several equal heading lines may hold it.
 */
export function isUnderHeading(text: string, heading: string, passage: string): boolean {
  const lines = text.split(/\r?\n/);
  const want = squash(heading);
  const quote = squash(passage);
  return lines.some((line, i) => {
    if (squash(line) !== want) return false;
    const rank = headingRank(line) ?? 0;
    let end = i + 1;
    while (end < lines.length && !((headingRank(lines[end]!) ?? 99) <= rank)) end++;
    return squash(lines.slice(i + 1, end).join('')).includes(quote);
  });
}
