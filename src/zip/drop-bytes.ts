/**
 * Frees a file's bytes now rather than at the next garbage collection. V8 collects an unreachable
 * ArrayBuffer only when its external-memory accounting asks for a GC (tens of megabytes later), so reading
 * 50 attachments one after another left several of them alive at once as garbage. Transferring the buffer to
 * a zero-length one detaches it and releases its backing store at once. Only for bytes the caller owns and
 * will not read again (a fresh copy from IndexedDB or from File.arrayBuffer, already copied into a Blob or
 * the database); where the browser lacks ArrayBuffer.prototype.transfer, the GC frees them as before.
 */
export function dropBytes(bytes: Uint8Array): void {
  const buffer = bytes.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer; detached?: boolean };
  if (buffer.detached || typeof buffer.transfer !== 'function') return;
  if (typeof SharedArrayBuffer !== 'undefined' && (buffer as unknown) instanceof SharedArrayBuffer) return;
  buffer.transfer(0);
}
