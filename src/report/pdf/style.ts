/** Page geometry (mm, A4 portrait), colours and text styles of the PDF report. */

export type RGB = [number, number, number];

export const FONT = 'NotoSansSC';

export const PAGE_W = 210;
export const PAGE_H = 297;
export const MARGIN_X = 18;
export const MARGIN_TOP = 18;
/** Lowest the footer's last line may sit. */
export const FOOTER_BOTTOM = PAGE_H - 9;
export const CONTENT_W = PAGE_W - 2 * MARGIN_X;
/** mm per typographic point. */
export const PT = 25.4 / 72;
/** A heading needs this much room below it for the next block, or it moves to the next page. */
export const KEEP_WITH_NEXT = 30;

export const COLOR = {
  text: [33, 37, 41] as RGB,
  muted: [95, 101, 108] as RGB,
  faint: [125, 130, 136] as RGB,
  accent: [27, 58, 92] as RGB,
  rule: [190, 196, 203] as RGB,
  groupFill: [226, 234, 243] as RGB,
  white: [255, 255, 255] as RGB,
};

export interface TextStyle {
  size: number;
  /** Line height as a multiple of the font size. */
  leading: number;
  color: RGB;
  /** Emulated bold: glyphs filled and outlined (text render mode 2); the font has one weight. */
  bold?: boolean;
}

export const BODY: TextStyle = { size: 10, leading: 1.55, color: COLOR.text };
export const STYLE = {
  body: BODY,
  strong: { ...BODY, bold: true },
  muted: { ...BODY, color: COLOR.muted },
  quote: { ...BODY, color: COLOR.muted },
  h1: { size: 16, leading: 1.35, color: COLOR.accent, bold: true },
  h2: { size: 13, leading: 1.35, color: COLOR.accent, bold: true },
  h3: { size: 11.5, leading: 1.4, color: COLOR.text, bold: true },
  coverTitle: { size: 24, leading: 1.3, color: COLOR.accent, bold: true },
  coverSubtitle: { size: 13, leading: 1.45, color: COLOR.muted },
  stepTitle: { size: 10.5, leading: 1.5, color: COLOR.accent, bold: true },
  stepLine: { size: 9.5, leading: 1.5, color: COLOR.text },
  citation: { size: 8, leading: 1.45, color: COLOR.faint },
  caption: { size: 8.5, leading: 1.45, color: COLOR.muted },
  footer: { size: 7, leading: 1.4, color: COLOR.faint },
} satisfies Record<string, TextStyle>;

export const HEADING = {
  1: { style: STYLE.h1, before: 7, after: 3 },
  2: { style: STYLE.h2, before: 5.5, after: 2.5 },
  3: { style: STYLE.h3, before: 4, after: 1.5 },
} as const;

export const GAP = { paragraph: 2.5, listItem: 0.8, list: 2.5, table: 5, chart: 5, step: 4 };
export const TABLE_SIZE = 9;
export const TABLE_PADDING = { top: 1.4, bottom: 1.4, left: 1.8, right: 1.8 };

export const lineHeight = (s: TextStyle) => s.size * PT * s.leading;
