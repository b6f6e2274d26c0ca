/**
 * Writes the workbook (workbook.ts) as an .xlsx file with write-excel-file: a bold title line naming the enterprise
 * and that this is a self-assessment, a shaded head row, both frozen; text wrapped, numbers as numbers so they can be
 * summed and sorted; a Chinese font as the default.
 *
 * Load it lazily, `await import('../report/xlsx/write-xlsx')`. The library's universal writer (Blob output, no
 * Node or DOM download code) runs in the browser and in the tests alike. Its public entry zips asynchronously,
 * handing parts over 160 KB to a blob: Worker, which the CSP (worker-src 'self') blocks — and the export then
 * never finishes (a cohort's per-enterprise sheet of 200 rows is already past that). So the same writer is
 * called with its synchronous zip (fflate's zipSync, no worker), which the library keeps beside the async one.
 */
import type { Cell, Sheet, SheetData } from 'write-excel-file/universal';
// not in the package's export map: imported by path (see above); both are plain ES modules of the package
// @ts-expect-error -- untyped module of write-excel-file
import { generateXlsxFileSync } from '../../../node_modules/write-excel-file/modules/export/writeXlsxFileUniversal.js';
// @ts-expect-error -- untyped module of write-excel-file
import toBytes from '../../../node_modules/write-excel-file/modules/export/convertFileContentToUint8ArrayUniversal.js';
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
  const write = generateXlsxFileSync as (
    sheets: Sheet<never>[],
    options: { fontFamily: string; fontSize: number },
    unused: undefined,
    convert: unknown,
  ) => Promise<Blob>;
  const blob = await write(sheets, { fontFamily: FONT, fontSize: 11 }, undefined, toBytes);
  return blob.type ? blob : new Blob([blob], { type: XLSX_TYPE });
}
