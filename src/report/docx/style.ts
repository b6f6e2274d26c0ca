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

/**
 * Paragraph styles for the text that repeats by the thousand (table cells, roadmap steps, captions). Their runs
 * then carry no properties of their own: the full report has ~1,200 paragraphs, and docx turns every run property
 * into XML objects (size, complex-script size, colour, bold…), which was most of the time a Word file took.
 */
export const PARA = {
  cell: 'DLCell',
  cellHead: 'DLCellHead',
  cellGroup: 'DLCellGroup',
  key: 'DLKey',
  value: 'DLValue',
  coverKey: 'DLCoverKey',
  coverValue: 'DLCoverValue',
  stepTitle: 'DLStepTitle',
  stepLine: 'DLStepLine',
  citation: 'DLCitation',
  caption: 'DLCaption',
} as const;

const para = (id: string, name: string, run: object, paragraph: object = {}) => ({
  id,
  name,
  basedOn: 'Normal',
  quickFormat: false,
  run,
  paragraph,
});

/** The styles of PARA, for the Document's `styles.paragraphStyles`. */
export const PARAGRAPH_STYLES = [
  para(PARA.cell, 'DigiLevel table text', { size: SIZE.table }),
  para(PARA.cellHead, 'DigiLevel table head', { size: SIZE.table, bold: true, color: COLOR.white }),
  para(PARA.cellGroup, 'DigiLevel table group', { size: SIZE.table, bold: true }),
  para(PARA.key, 'DigiLevel key', { size: SIZE.table + 1, color: COLOR.muted }),
  para(PARA.value, 'DigiLevel value', { size: SIZE.table + 1 }),
  para(PARA.coverKey, 'DigiLevel cover key', { size: SIZE.body, color: COLOR.muted }),
  para(PARA.coverValue, 'DigiLevel cover value', { size: SIZE.body }),
  para(
    PARA.stepTitle,
    'DigiLevel step title',
    { size: SIZE.body + 1, bold: true, color: COLOR.accent },
    { keepNext: true, keepLines: true },
  ),
  para(
    PARA.stepLine,
    'DigiLevel step line',
    { size: SIZE.table + 1 },
    { indent: { left: 227 }, keepNext: true, keepLines: true },
  ),
  para(
    PARA.citation,
    'DigiLevel citation',
    { size: SIZE.small, color: COLOR.faint },
    { indent: { left: 227 }, spacing: { after: 160 }, keepLines: true },
  ),
  para(PARA.caption, 'DigiLevel caption', { size: SIZE.small, color: COLOR.muted }, { spacing: { after: 200 } }),
];
