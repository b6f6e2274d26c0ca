/** Saves text as a file on the user's device (no network: a local blob URL). */
export function downloadText(filename: string, text: string, type = 'application/json') {
  downloadBlob(filename, new Blob([text], { type }));
}

/** A file name from user text, stripped of characters file systems reject. */
export function safeFileName(base: string): string {
  return base.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 60) || 'assessment';
}

/** One part of a file name: characters file systems reject, spaces and middle dots become one '-'. */
const namePart = (s: string) =>
  s
    .replace(/[\\/:*?"<>|\s·•・]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');

/**
 * "华东电器测试公司-2026-评测报告-2026-11-30.pdf": enterprise, assessment year, kind and the day of the
 * export, so two years of one enterprise never get the same name. Only the enterprise is shortened, so the
 * year, kind and day always survive a long (English) name. `year`: omitted for files of several years.
 */
export function exportFileName(
  parts: { enterprise: string; year?: number | string; kind: string; day?: number },
  ext: string,
): string {
  // the day in China Standard Time, as every year of the app is (calendarYear)
  const day = new Date((parts.day ?? Date.now()) + 8 * 3600_000).toISOString().slice(0, 10);
  const rest = [parts.year === undefined ? '' : String(parts.year), namePart(parts.kind), day].filter(Boolean);
  const enterprise = namePart(parts.enterprise).slice(0, 40).replace(/-$/, '') || 'digilevel';
  return `${[enterprise, ...rest].join('-')}.${ext}`;
}

/** The name an exported assessment file gets: enterprise, assessment year, kind and the day of the export. */
export function assessmentFileName(enterprise: string, year: number, kind: string, day?: number): string {
  return exportFileName({ enterprise, year, kind, ...(day === undefined ? {} : { day }) }, 'json');
}

export function downloadBlob(filename: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
