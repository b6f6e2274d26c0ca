/**
 * Writes the workbook (workbook.ts) as an .xlsx file with write-excel-file: a bold title line naming the enterprise
 * and that this is a self-assessment, a shaded head row, both frozen; text wrapped, numbers as numbers so they can be
 * summed and sorted; a Chinese font as the default.
 *
 * Load it lazily, `await import('../report/xlsx/write-xlsx')`. The library's /universal entry (Blob output, no
 * Node or DOM download code) runs in the browser and in the tests alike. Its zip step hands parts over 160 KB to a
 * blob Worker, which the CSP (worker-src 'self') would block; our sheets are a few KB each, far below that.
 */
import writeXlsxFile, { type Cell, type Sheet, type SheetData } from 'write-excel-file/universal';
import type { Workbook, WorkbookSheet } from './workbook';
import { sheetName } from './sheet-name';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEAD_FILL = '#1B3A5C';
const FONT = '宋体';

/** Characters XML 1.0 forbids (a pasted control character would make Excel refuse the file). */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function sheetData(s: WorkbookSheet): SheetData {
  const n = s.head.length;
  const title: Cell[] = [
    { value: s.title.replace(XML_INVALID, ''), fontWeight: 'bold', columnSpan: n },
    ...Array.from({ length: n - 1 }, () => null),
  ];
  const head: Cell[] = s.head.map((h) => ({
    value: h,
    fontWeight: 'bold',
    textColor: '#FFFFFF',
    backgroundColor: HEAD_FILL,
    wrap: true,
    alignVertical: 'center',
  }));
  const rows = s.rows.map((r) =>
    r.map((v): Cell =>
      typeof v === 'number'
        ? { value: v, type: Number, alignVertical: 'top' }
        : { value: v.replace(XML_INVALID, ''), type: String, wrap: true, alignVertical: 'top' },
    ),
  );
  return [title, head, ...rows];
}

export async function writeXlsx(book: Workbook): Promise<Blob> {
  const sheets: Sheet<never>[] = book.sheets.map((s) => ({
    data: sheetData(s),
    sheet: sheetName(s.name),
    columns: s.widths.map((width) => ({ width })),
    stickyRowsCount: 2,
  }));
  const blob = await writeXlsxFile(sheets, { fontFamily: FONT, fontSize: 11 }).toBlob();
  return blob.type ? blob : new Blob([blob], { type: XLSX_TYPE });
}
