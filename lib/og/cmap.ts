// Reads which code points a TrueType/OpenType font maps to a glyph (its cmap table), so card text can
// be reduced to characters the bundled fonts draw. A character no font covers would make satori ask
// @vercel/og to download a font or emoji image at render time, which fails offline and breaks the card.

/** Sorted, non-overlapping [first, last] code point ranges. */
export type Coverage = Array<[number, number]>;

export function readCoverage(font: Uint8Array): Coverage {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const numTables = view.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    if (String.fromCharCode(font[rec], font[rec + 1], font[rec + 2], font[rec + 3]) === "cmap") cmap = view.getUint32(rec + 8);
  }
  if (cmap < 0) throw new Error("font has no cmap table");

  // Prefer a full-Unicode subtable (format 12), else the BMP one (format 4).
  const subtables: Array<{ format: number; offset: number }> = [];
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const rec = cmap + 4 + i * 8;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const offset = cmap + view.getUint32(rec + 4);
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))) subtables.push({ format: view.getUint16(offset), offset });
  }
  const table = subtables.find((t) => t.format === 12) ?? subtables.find((t) => t.format === 4);
  if (!table) throw new Error("font has no Unicode cmap subtable");

  const ranges: Coverage = [];
  if (table.format === 12) {
    const groups = view.getUint32(table.offset + 12);
    for (let g = 0; g < groups; g++) {
      const at = table.offset + 16 + g * 12;
      ranges.push([view.getUint32(at), view.getUint32(at + 4)]);
    }
  } else {
    const segX2 = view.getUint16(table.offset + 6);
    const ends = table.offset + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const rangeOffsets = deltas + segX2;
    for (let s = 0; s < segX2 / 2; s++) {
      const end = view.getUint16(ends + s * 2);
      const start = view.getUint16(starts + s * 2);
      const delta = view.getUint16(deltas + s * 2);
      const ro = view.getUint16(rangeOffsets + s * 2);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        // A code point maps to glyph 0 (.notdef) when the font does not really have it.
        const glyph = ro === 0 ? (c + delta) & 0xffff : glyphAt(view, rangeOffsets + s * 2 + ro + (c - start) * 2, delta);
        if (glyph !== 0) push(ranges, c);
      }
    }
  }
  return merge(ranges);
}

function glyphAt(view: DataView, at: number, delta: number): number {
  const g = view.getUint16(at);
  return g === 0 ? 0 : (g + delta) & 0xffff;
}

function push(ranges: Coverage, c: number) {
  const last = ranges[ranges.length - 1];
  if (last && last[1] === c - 1) last[1] = c;
  else ranges.push([c, c]);
}

function merge(ranges: Coverage): Coverage {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Coverage = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function covers(coverage: Coverage, codePoint: number): boolean {
  let lo = 0;
  let hi = coverage.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = coverage[mid];
    if (codePoint < a) hi = mid - 1;
    else if (codePoint > b) lo = mid + 1;
    else return true;
  }
  return false;
}
