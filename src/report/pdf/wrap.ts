/**
 * Line wrapping for mixed Chinese/Latin text, for the PDF writer (jsPDF's splitTextToSize breaks only at spaces).
 * Pure: the caller measures strings in whatever unit it lays out in.
 *
 * Rules: a line may break between any two CJK characters and at spaces; Latin words and numbers stay together unless
 * a word is longer than a line (then it is hard-broken); a line never starts with closing punctuation nor ends with
 * opening punctuation (unless one cluster is wider than a line); '\n' always breaks; spaces at a break are dropped.
 */

/** Characters that must not start a line. */
const CLOSING = new Set([...'，。、；：？！）」』】》…％,.;:?!)%”’〉〕］｝〗〙｠．｡､・ー～']);
/** Characters that must not end a line. */
const OPENING = new Set([...'（「『【《“‘(〈〔［｛〖〘｟']);

/** Ideographs, kana, hangul, CJK punctuation, full-width forms, enclosed numbers: a line may break beside them. */
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u2460-\u24ff\u2e80-\u2fff\u3000-\u303f\u3200-\u33ff\ufe30-\ufe4f\uff00-\uffef]/u;
/** Spaces a line may break at (not the no-break space). */
const SPACE = /[^\S\u00a0\u202f\n]/u;

const EPSILON = 1e-6;

interface Unit {
  text: string;
  space: boolean;
}

/** Whether a line may break between the adjacent characters `a` and `b` (neither a space). */
function canBreakBetween(a: string, b: string): boolean {
  if (CLOSING.has(b) || OPENING.has(a)) return false;
  return CJK.test(a) || CJK.test(b);
}

/** Splits one paragraph into unbreakable clusters and runs of spaces. */
function units(paragraph: string): Unit[] {
  const out: Unit[] = [];
  let prev = '';
  for (const ch of paragraph) {
    const space = SPACE.test(ch);
    const last = out.at(-1);
    if (last && last.space === space && (space || !canBreakBetween(prev, ch))) last.text += ch;
    else out.push({ text: ch, space });
    prev = ch;
  }
  return out;
}

/** Breaks `word` (wider than `maxWidth`) into pieces that fit, at least one character each. */
function hardBreak(word: string, maxWidth: number, measure: (s: string) => number, prefix: string): string[] {
  const pieces: string[] = [];
  let piece = prefix;
  let hasChar = false;
  for (const ch of word) {
    if (hasChar && measure(piece + ch) > maxWidth + EPSILON) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
    hasChar = true;
  }
  pieces.push(piece);
  return pieces;
}

function wrapParagraph(paragraph: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  /** Text of the current line; `started` once it holds more than the paragraph's leading spaces. */
  let line = '';
  let started = false;
  let pendingSpace = '';
  for (const unit of units(paragraph)) {
    if (unit.space) {
      if (started) pendingSpace += unit.text;
      else if (lines.length === 0) line += unit.text; // the paragraph's own indentation is kept
      continue;
    }
    const candidate = line + pendingSpace + unit.text;
    if (measure(candidate) <= maxWidth + EPSILON) {
      line = candidate;
      started = true;
    } else {
      if (started) {
        lines.push(line);
        line = '';
      }
      // `line` is now empty or only the paragraph's indentation
      if (measure(line + unit.text) <= maxWidth + EPSILON) {
        line += unit.text;
      } else {
        const pieces = hardBreak(unit.text, maxWidth, measure, line);
        lines.push(...pieces.slice(0, -1));
        line = pieces.at(-1) ?? '';
      }
      started = true;
    }
    pendingSpace = '';
  }
  lines.push(line);
  return lines;
}

/**
 * Wraps `text` into lines no wider than `maxWidth` as measured by `measure`. Every '\n' starts a new line; an empty
 * text or an empty paragraph gives one empty line.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  return text.split(/\r?\n/).flatMap((p) => wrapParagraph(p, maxWidth, measure));
}
