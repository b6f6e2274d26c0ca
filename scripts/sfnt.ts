/**
 * Minimal read-only SFNT (TrueType/OpenType) helpers: the table directory and the code points the cmap maps.
 * Used by scripts/subset-font.ts and test/content/font-subset.test.ts; no dependencies.
 */

export interface SfntTable {
  tag: string;
  offset: number;
  length: number;
}

export interface SfntDirectory {
  /** 0x00010000 for TrueType outlines (glyf), 0x4f54544f ('OTTO') for CFF outlines. */
  version: number;
  tables: Map<string, SfntTable>;
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export function readTableDirectory(bytes: Uint8Array): SfntDirectory {
  const dv = view(bytes);
  if (bytes.byteLength < 12) throw new Error('not an SFNT font: shorter than its header');
  const version = dv.getUint32(0);
  const numTables = dv.getUint16(4);
  if (12 + 16 * numTables > bytes.byteLength) throw new Error('not an SFNT font: table directory is truncated');
  const tables = new Map<string, SfntTable>();
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    const tag = String.fromCharCode(...bytes.subarray(rec, rec + 4));
    const offset = dv.getUint32(rec + 8);
    const length = dv.getUint32(rec + 12);
    if (offset + length > bytes.byteLength) throw new Error(`SFNT table '${tag}' runs past the end of the file`);
    tables.set(tag, { tag, offset, length });
  }
  return { version, tables };
}

/** Every code point the font's Unicode cmap subtable maps to a glyph other than .notdef. */
export function cmapCodePoints(bytes: Uint8Array): Set<number> {
  const dv = view(bytes);
  const cmap = readTableDirectory(bytes).tables.get('cmap');
  if (!cmap) throw new Error("font has no 'cmap' table");
  const numSubtables = dv.getUint16(cmap.offset + 2);
  // Preferred order: full-repertoire subtables (format 12) first, then BMP ones (format 4).
  const candidates: { rank: number; offset: number }[] = [];
  for (let i = 0; i < numSubtables; i++) {
    const rec = cmap.offset + 4 + 8 * i;
    const platform = dv.getUint16(rec);
    const encoding = dv.getUint16(rec + 2);
    const offset = cmap.offset + dv.getUint32(rec + 4);
    const format = dv.getUint16(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) candidates.push({ rank: 0, offset });
    else if (format === 4) candidates.push({ rank: 1, offset });
  }
  candidates.sort((a, b) => a.rank - b.rank);
  const best = candidates[0];
  if (!best) throw new Error('font has no Unicode cmap subtable of format 4 or 12');
  const out = new Set<number>();
  const at = best.offset;
  if (dv.getUint16(at) === 12) {
    const numGroups = dv.getUint32(at + 12);
    for (let g = 0; g < numGroups; g++) {
      const rec = at + 16 + 12 * g;
      const start = dv.getUint32(rec);
      const end = dv.getUint32(rec + 4);
      const startGlyph = dv.getUint32(rec + 8);
      for (let c = start; c <= end; c++) if (startGlyph + (c - start) !== 0) out.add(c);
    }
    return out;
  }
  const segCount = dv.getUint16(at + 6) / 2;
  const endCodes = at + 14;
  const startCodes = endCodes + 2 * segCount + 2;
  const idDeltas = startCodes + 2 * segCount;
  const idRangeOffsets = idDeltas + 2 * segCount;
  for (let s = 0; s < segCount; s++) {
    const end = dv.getUint16(endCodes + 2 * s);
    const start = dv.getUint16(startCodes + 2 * s);
    const delta = dv.getInt16(idDeltas + 2 * s);
    const rangeOffsetAt = idRangeOffsets + 2 * s;
    const rangeOffset = dv.getUint16(rangeOffsetAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        glyph = dv.getUint16(rangeOffsetAt + rangeOffset + 2 * (c - start));
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(c);
    }
  }
  return out;
}
