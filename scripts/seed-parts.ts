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

/** Indices of the non-empty lines before `line`, nearest first, at most TITLE_WINDOW of them. */
function linesBefore(lines: string[], line: number): number[] {
  const out: number[] = [];
  for (let i = line - 1; i >= 0 && out.length < TITLE_WINDOW; i--) if (squash(lines[i]!) !== '') out.push(i);
  return out;
}

/**
 * Title line of the body whose marker stands at `marker`: the non-empty line just above 前言 when the
 * preface is within the window, else the marker line itself (a part with no preface starts there).
 */
function titleLineOf(lines: string[], marker: number): number {
  const before = linesBefore(lines, marker);
  const k = before.findIndex((i) => squash(lines[i]!) === '前言');
  return k >= 0 && before[k + 1] !== undefined ? before[k + 1]! : marker;
}

/** Every industry body of the seed, in text order, as [title line, marker line]. */
export function partBoundaries(seedText: string): { titleLine: number; markerLine: number }[] {
  const lines = seedText.split(/\r?\n/);
  return lines.flatMap((l, i) =>
    squash(l) === BODY_MARKER ? [{ titleLine: titleLineOf(lines, i), markerLine: i }] : [],
  );
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
  const bodies = partBoundaries(seedText);
  const hits = bodies.flatMap((b, j) => {
    const title = linesBefore(lines, b.markerLine).find((i) => squash(lines[i]!) === want);
    return title === undefined ? [] : [{ startLine: title, j }];
  });
  if (hits.length !== 1) return undefined;
  const { startLine, j } = hits[0]!;
  const endLine = bodies[j + 1]?.titleLine ?? lines.length;
  return { startLine, endLine, text: lines.slice(startLine, endLine).join('\n') };
}

/** Whether some line of `text` equals `heading`, whitespace-insensitively. */
export function hasHeadingLine(text: string, heading: string): boolean {
  const want = squash(heading);
  return text.split(/\r?\n/).some((l) => squash(l) === want);
}
