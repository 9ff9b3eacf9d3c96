// Reduces user-controlled text to what the bundled fonts can draw. satori asks for a font (or an
// emoji image) over the network for any character no font covers, and that fails offline and makes
// the whole render throw. So: emoji and symbols we cannot draw are dropped silently (decoration);
// a title with letters in an unbundled script (CJK, Thai, ...) is not shown on the card at all,
// because dropping its letters would change its meaning. Chat apps print og:title as text beside the
// card, so the exact title is still in every unfurl.
import { covers, type Coverage } from "./cmap";

const segmenter = new Intl.Segmenter();
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// A keycap ("1️⃣") holds a digit but is an emoji.
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u20e3]/u;
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;
const LTR_LETTER = /(?![\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}])\p{L}/u;
// Joiners and selectors that only glue an emoji sequence together.
const INVISIBLE = /^[\u200c\u200d\ufe00-\ufe0f\u{e0020}-\u{e007f}]$/u;

export type CardText = { text: string; lostLetters: boolean };

export function toCardText(input: string, coverage: Coverage): CardText {
  let out = "";
  let lostLetters = false;
  const flat = input.normalize("NFC").replace(/[\s\p{Cc}]+/gu, " ");
  for (const { segment } of segmenter.segment(flat)) {
    if (segment === " ") {
      out += " ";
      continue;
    }
    const drawable = [...segment].every((ch) => INVISIBLE.test(ch) || covers(coverage, ch.codePointAt(0)!));
    if (drawable) out += [...segment].filter((ch) => !INVISIBLE.test(ch)).join("");
    else if (!EMOJI.test(segment) && LETTER_OR_DIGIT.test(segment)) lostLetters = true;
  }
  return { text: out.replace(/ {2,}/g, " ").trim(), lostLetters };
}

/** At most `max` graphemes, cut at a word boundary when one is near, ending in "…". */
export function clampText(text: string, max: number): string {
  const graphemes = [...segmenter.segment(text)].map((s) => s.segment);
  if (graphemes.length <= max) return text;
  let cut = graphemes.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  if (space > cut.length * 0.7) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,.;:·–—-]+$/u, "")}…`;
}

/** True when most letters are right-to-left (Arabic, Hebrew): the card then lays words out RTL. */
export function isRtl(text: string): boolean {
  let rtl = 0;
  let ltr = 0;
  for (const ch of text) {
    if (RTL_LETTER.test(ch)) rtl++;
    else if (LTR_LETTER.test(ch)) ltr++;
  }
  return rtl > ltr;
}

/**
 * Words in the order a `row-reverse` flex line shows them right to left. satori lays out a line of
 * mixed text left to right and only reverses within a run, so an RTL title is set word by word; a run
 * of left-to-right words inside it is reversed here so it still reads left to right.
 */
export function rtlWords(text: string): string[] {
  const words = text.split(" ").filter(Boolean);
  const out: string[] = [];
  let ltrRun: string[] = [];
  const flush = () => {
    out.push(...ltrRun.reverse());
    ltrRun = [];
  };
  for (const word of words) {
    if (!RTL_LETTER.test(word) && LTR_LETTER.test(word)) ltrRun.push(word);
    else {
      flush();
      out.push(word);
    }
  }
  flush();
  return out;
}
