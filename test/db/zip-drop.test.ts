/**
 * ZipSink's `drop`: a stored file's bytes are freed as soon as they are packed (the application package
 * frees each attachment that way, so 50 files never linger in the page as garbage). Freeing must not cost a
 * byte of the zip: a file small enough to wait among the gathered chunks is flushed into a Blob first.
 * Node 20 lacks ArrayBuffer.prototype.transfer, so the test supplies one that detaches as Chromium's does.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readZip } from '../../src/zip/read';
import { ZipSink } from '../../src/zip/write';

type Transferable = ArrayBuffer & { transfer?: (n: number) => ArrayBuffer };
const proto = ArrayBuffer.prototype as Transferable;
const had = Object.getOwnPropertyDescriptor(proto, 'transfer');
let transferred = 0;

beforeEach(() => {
  transferred = 0;
  Object.defineProperty(proto, 'transfer', {
    configurable: true,
    value(this: ArrayBuffer, n: number) {
      transferred++;
      structuredClone(this, { transfer: [this] }); // detaches this buffer, as transfer() does
      return new ArrayBuffer(n);
    },
  });
});
afterEach(() => {
  if (had) Object.defineProperty(proto, 'transfer', had);
  else delete proto.transfer;
});

const filled = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

describe('ZipSink.addStored with drop', () => {
  it('frees each file once packed, and the zip still holds every byte', async () => {
    const files = [filled(10, 1), filled(200_000, 2), filled(3_000, 3), filled(70_000, 4)];
    const copies = files.map((f) => f.slice());
    const sink = new ZipSink(new Date(2026, 0, 1));
    files.forEach((f, i) => sink.addStored(`evidence/${i}.bin`, f, true));
    sink.addDeflated('manifest.json', '{}');
    const zip = new Uint8Array(await (await sink.finish()).arrayBuffer());

    expect(transferred).toBe(files.length);
    expect(files.every((f) => f.byteLength === 0)).toBe(true); // detached: their memory is gone
    const entries = readZip(zip);
    copies.forEach((c, i) => expect(entries.get(`evidence/${i}.bin`)).toEqual(c));
  });

  it('keeps the bytes without drop (callers that read them again)', async () => {
    const f = filled(10, 1);
    const sink = new ZipSink();
    sink.addStored('a.bin', f);
    await sink.finish();
    expect(transferred).toBe(0);
    expect(f.byteLength).toBe(10);
  });
});
