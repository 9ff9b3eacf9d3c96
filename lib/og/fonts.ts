// The card's fonts, read from the repo once per process (nothing is downloaded at render time), and
// the union of the code points they draw. Noto Sans covers Latin, Greek and Cyrillic; Arabic and
// Hebrew have their own faces. CJK and colour emoji are not bundled (a CJK face is several MB):
// card-text.ts degrades those gracefully instead.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { readCoverage, type Coverage } from "./cmap";

type Weight = 400 | 700;
export type CardFont = { name: string; data: Buffer; weight: Weight; style: "normal" };

const FACES: Array<[file: string, name: string, weight: Weight]> = [
  ["NotoSans-Regular.ttf", "Noto Sans", 400],
  ["NotoSans-Bold.ttf", "Noto Sans", 700],
  ["NotoSansArabic-Regular.ttf", "Noto Sans Arabic", 400],
  ["NotoSansArabic-Bold.ttf", "Noto Sans Arabic", 700],
  ["NotoSansHebrew-Regular.ttf", "Noto Sans Hebrew", 400],
  ["NotoSansHebrew-Bold.ttf", "Noto Sans Hebrew", 700],
];

export const FONT_FAMILY = "Noto Sans, Noto Sans Arabic, Noto Sans Hebrew";

// process.cwd() is the app root under `next start`, vitest and the scripts.
export const FONTS_DIR = path.join(process.cwd(), "assets", "fonts");

let loaded: { fonts: CardFont[]; coverage: Coverage } | undefined;

export function getCardFonts(): { fonts: CardFont[]; coverage: Coverage } {
  if (loaded) return loaded;
  const fonts = FACES.map(([file, name, weight]) => ({ name, data: fs.readFileSync(path.join(FONTS_DIR, file)), weight, style: "normal" as const }));
  // Every weight of a family has the same repertoire; read each family once.
  const ranges = fonts.filter((f) => f.weight === 400).flatMap((f) => readCoverage(f.data));
  ranges.sort((a, b) => a[0] - b[0]);
  const coverage: Coverage = [];
  for (const [a, b] of ranges) {
    const last = coverage[coverage.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else coverage.push([a, b]);
  }
  loaded = { fonts, coverage };
  return loaded;
}
