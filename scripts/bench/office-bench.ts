/**
 * Word and Excel from the report screen, timed in Chromium like the PDF: click the button, wait for the download.
 * The first run is cold (it loads the docx / write-excel-file chunk and, for Word, draws the charts), so it is the
 * figure the budgets use: what a user waits for the first time.
 */
import type { Page } from 'playwright-core';
import { statSync } from 'node:fs';
import { join } from 'node:path';

export interface OfficeRun {
  ms: number;
  bytes: number;
}

export const OFFICE_BUTTONS = { docx: '下载 Word', xlsx: '下载 Excel' } as const;

/** `runs` downloads of one format from the report screen already open in `page`. */
export async function measureOffice(
  page: Page,
  format: keyof typeof OFFICE_BUTTONS,
  runs: number,
  dir: string,
  log: (msg: string) => void,
): Promise<OfficeRun[]> {
  const name = OFFICE_BUTTONS[format];
  const button = page.getByRole('button', { name });
  const out: OfficeRun[] = [];
  for (let i = 0; i < runs; i++) {
    await page.waitForFunction((label) => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === label);
      return !!b && !b.disabled;
    }, name);
    const started = performance.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
    const ms = performance.now() - started; // as the PDF's: until the download starts
    const file = join(dir, `report-${i + 1}.${format}`);
    await download.saveAs(file);
    out.push({ ms, bytes: statSync(file).size });
    log(`${format} ${i + 1}/${runs}: ${ms.toFixed(0)} ms, ${statSync(file).size} bytes`);
  }
  return out;
}
