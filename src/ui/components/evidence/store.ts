/** The tab's attachment store, made once from the app's assessment store (same database, same writer). */
import { app } from '../../../state/app.svelte';
import { AttachmentStore } from '../../../db/attachments';

let made: Promise<AttachmentStore> | undefined;

export function attachmentStore(): Promise<AttachmentStore> {
  made ??= app.ready.then((store) => new AttachmentStore(store.db, store.writer));
  return made;
}

/** "1.2 MB", "350 KB": sizes in the units people read. */
export function formatBytes(bytes: number, lang: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: i ? 1 : 0 }).format(v)} ${units[i]}`;
}
