/**
 * Writes a ReportDocument as an editable Word file (.docx) with the `docx` package: headings in Word's heading
 * styles, tables as real tables, Chinese fonts named in the document defaults, page x of y, the generation time
 * and the disclaimer in the footer. Every block goes through its kind's renderer in blocks.ts, so whatever the
 * report document holds (summary, filled-in form, appendices) is in the Word file too.
 *
 * Load it lazily, `await import('../report/docx/write-docx')`: docx is large and stays out of the first visit.
 */
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun, type ISectionOptions } from 'docx';
import type { Block, ReportDocument } from '../document';
import type { ChartRasteriser } from '../pdf/charts';
import * as render from './blocks';
import { COLOR, FONT_BODY, FONT_HEADING, PAGE, PARAGRAPH_STYLES, SIZE } from './style';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface WriteDocxOptions {
  /** Draws chart blocks as images (the same rasteriser the PDF takes); without it charts are left out. */
  rasterise?: ChartRasteriser;
}

/** The .docx file's bytes. */
export async function docxBytes(doc: ReportDocument, options: WriteDocxOptions = {}): Promise<Uint8Array> {
  const children: ISectionOptions['children'][number][] = [];
  for (const b of doc.blocks) children.push(...(await renderBlock(b, options.rasterise)));
  const lang = doc.lang === 'zh-CN' ? 'zh-CN' : 'en-US';
  const heading = (size: number, color: string) => ({
    run: { font: FONT_HEADING, size, bold: true, color },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
  });
  const file = new Document({
    creator: 'DigiLevel',
    title: render.xmlSafe(doc.title),
    description: render.xmlSafe(doc.disclaimer),
    styles: {
      default: {
        document: {
          run: { font: FONT_BODY, size: SIZE.body, color: COLOR.text, language: { value: lang, eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: 300 } },
        },
        title: { run: { font: FONT_HEADING, size: SIZE.coverTitle, bold: true, color: COLOR.accent } },
        heading1: heading(SIZE.h1, COLOR.accent),
        heading2: heading(SIZE.h2, COLOR.accent),
        heading3: heading(SIZE.h3, COLOR.text),
      },
      paragraphStyles: PARAGRAPH_STYLES,
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        footers: { default: footer(doc) },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(file));
}

/** The .docx file as a Blob for download. */
export async function writeDocx(doc: ReportDocument, options: WriteDocxOptions = {}): Promise<Blob> {
  return new Blob([(await docxBytes(doc, options)) as BlobPart], { type: DOCX_TYPE });
}

async function renderBlock(b: Block, rasterise: ChartRasteriser | undefined): Promise<render.DocxChild[]> {
  switch (b.kind) {
    case 'cover':
      return render.cover(b);
    case 'heading':
      return render.heading(b);
    case 'paragraph':
      return render.paragraph(b);
    case 'list':
      return render.list(b);
    case 'keyValues':
      return render.keyValues(b);
    case 'table':
      return render.table(b);
    case 'chart':
      return render.chart(b, rasterise);
    case 'step':
      return render.step(b);
    case 'summary': {
      // its own page: the title as a first-level heading, its blocks, then a page break
      const inner: render.DocxChild[] = render.heading({ kind: 'heading', level: 1, text: b.title });
      for (const x of b.blocks) inner.push(...(await renderBlock(x, rasterise)));
      return [...inner, ...render.pageBreak()];
    }
    case 'pageBreak':
      return render.pageBreak();
    case 'form':
      return render.form(b);
    default:
      return render.fallback(b);
  }
}

/** "第 {page} 页 / 共 {pages} 页" with Word's page fields, the generation time and the disclaimer. */
function footer(doc: ReportDocument): Footer {
  const small = { size: SIZE.small, color: COLOR.faint };
  const parts = doc.pageLabel.split(/(\{page\}|\{pages\})/).filter(Boolean);
  const label = parts.map((p) =>
    p === '{page}'
      ? new TextRun({ ...small, children: [PageNumber.CURRENT] })
      : p === '{pages}'
        ? new TextRun({ ...small, children: [PageNumber.TOTAL_PAGES] })
        : new TextRun({ ...small, text: render.xmlSafe(p) }),
  );
  return new Footer({
    children: [
      new Paragraph({ alignment: AlignmentType.RIGHT, children: label }),
      new Paragraph({ children: render.runs(`${doc.generatedAt} · ${doc.disclaimer}`, small) }),
    ],
  });
}
