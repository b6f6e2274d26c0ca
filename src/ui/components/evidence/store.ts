/** The tab's attachment store, made once from the app's assessment store (same database, same writer). */
import { app } from '../../../state/app.svelte';
import { AttachmentStore } from '../../../db/attachments';

let made: Promise<AttachmentStore> | undefined;

export function attachmentStore(): Promise<AttachmentStore> {
  made ??= app.ready.then((store) => new AttachmentStore(store.db, store.writer));
  return made;
}
