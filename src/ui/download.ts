/** Saves text as a file on the user's device (no network: a local blob URL). */
export function downloadText(filename: string, text: string, type = 'application/json') {
  downloadBlob(filename, new Blob([text], { type }));
}

/** A file name from user text, stripped of characters file systems reject. */
export function safeFileName(base: string): string {
  return base.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 60) || 'assessment';
}

/** The name an exported assessment file gets: enterprise and date of the last change. */
export function assessmentFileName(enterprise: string | undefined, updatedAt: number): string {
  const date = new Date(updatedAt).toISOString().slice(0, 10);
  return `${safeFileName(`digilevel-${enterprise || 'anonymous'}-${date}`)}.json`;
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
