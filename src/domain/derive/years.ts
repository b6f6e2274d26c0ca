/**
 * Real years instead of 上年/前年: the figures of an assessment of 2026 are those of 2025 (上年, last year)
 * and 2024 (前年, the year before). A relative year is misread as soon as an assessment is looked at a year
 * later or next to another one, so every label, prompt and helper names the years from the assessment year.
 * Without an assessment year the text is left as written.
 */
export interface FigureYears {
  /** 上年: the year before the assessment year. */
  last: number;
  /** 前年: two years before. */
  before: number;
}

export function figureYears(assessmentYear: number | undefined): FigureYears | undefined {
  if (assessmentYear === undefined || !Number.isInteger(assessmentYear)) return undefined;
  return { last: assessmentYear - 1, before: assessmentYear - 2 };
}

const ZH = /(上年度|上一年度|上年|去年|前年)/g;
/** Longest first, so "the year before last" is not read as "the year before" + "last". */
const EN: [RegExp, (y: FigureYears) => string][] = [
  [/\bfor the year before last\b/g, (y) => `for ${y.before}`],
  [/\bfor last year\b/g, (y) => `for ${y.last}`],
  [/\bthe year before last\b/g, (y) => `in ${y.before}`],
  [/\bthan the year before\b/g, (y) => `than in ${y.before}`],
  [/\bwith the year before\b/g, (y) => `with ${y.before}`],
  [/\band the year before\b/g, (y) => `and ${y.before}`],
  // a label on its own ("Year before", the energy table's column)
  [/\bYear before\b(?! last)/g, (y) => `In ${y.before}`],
  [/\bLast year\b/g, (y) => `In ${y.last}`],
  [/\blast year\b/g, (y) => `in ${y.last}`],
];

/** `text` with 上年/前年 (or last year / the year before last) replaced by the years they stand for. */
export function nameYears(text: string, assessmentYear: number | undefined, lang: string): string {
  const y = figureYears(assessmentYear);
  if (!y) return text;
  if (lang === 'en') return EN.reduce((s, [re, to]) => s.replace(re, to(y)), text);
  return text.replace(ZH, (word, _w, at: number) => {
    const year = word === '前年' ? y.before : y.last;
    const suffix = word.endsWith('年度') ? '年度' : '年';
    const before = at > 0 ? text[at - 1]! : '';
    // a space between the digits and Chinese text on the left, as in the labels ("企业 2025 年"), none after
    // punctuation ("万元；2024 年")
    return `${before && !/[\s（(“"，。；：、]/.test(before) ? ' ' : ''}${year} ${suffix}`;
  });
}
