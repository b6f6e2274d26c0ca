/**
 * Fonts, sizes and colours of the Word report. Word and WPS pick the face per script from the run fonts: the
 * East Asian slot names a Chinese font every Chinese Windows/WPS install has (宋体 for text, 黑体 for headings),
 * so Chinese never falls back to a Latin face; LibreOffice substitutes its own CJK font for the same names.
 */
import type { IFontAttributesProperties } from 'docx';

export const FONT_BODY: IFontAttributesProperties = {
  ascii: 'Arial',
  hAnsi: 'Arial',
  cs: 'Arial',
  eastAsia: '宋体',
};
export const FONT_HEADING: IFontAttributesProperties = {
  ascii: 'Arial',
  hAnsi: 'Arial',
  cs: 'Arial',
  eastAsia: '黑体',
};

/** Half-points (Word's unit for font sizes). */
export const SIZE = { body: 21, table: 18, h1: 32, h2: 26, h3: 23, coverTitle: 44, coverSubtitle: 28, small: 16 };

/** Hex colours, as the PDF's (pdf/style.ts). */
export const COLOR = {
  text: '212529',
  muted: '5F656C',
  faint: '7D8288',
  accent: '1B3A5C',
  rule: 'BEC4CB',
  groupFill: 'E2EAF3',
  white: 'FFFFFF',
};

/** A4 in twips with 2 cm margins; the content width the tables share out. */
export const PAGE = { width: 11906, height: 16838, margin: 1134 };
export const CONTENT_TWIPS = PAGE.width - 2 * PAGE.margin;
/** Images are sized in pixels at 96 dpi: the content width is 17 cm. */
export const CONTENT_PX = Math.round((CONTENT_TWIPS / 1440) * 96);
