import { describe, expect, it } from "vitest";
import { covers } from "./cmap";
import { clampText, isRtl, rtlWords, toCardText } from "./card-text";
import { getCardFonts } from "./fonts";

const { coverage } = getCardFonts();

describe("font coverage read from the bundled TTFs", () => {
  it("covers Latin, Greek, Cyrillic, Arabic and Hebrew, and not CJK or emoji", () => {
    for (const ch of ["A", "é", "Ж", "Ω", "ش", "ש", "…", "·", "–"]) expect(covers(coverage, ch.codePointAt(0)!), ch).toBe(true);
    for (const ch of ["中", "あ", "한", "😀", "🚀"]) expect(covers(coverage, ch.codePointAt(0)!), ch).toBe(false);
  });
});

describe("toCardText", () => {
  it("keeps Latin, Greek, Cyrillic, Arabic and Hebrew as they are", () => {
    for (const s of ["Fix the parser", "Ελληνικά δοκιμή", "Привет, мир", "مرحبا بالعالم", "שלום עולם"]) {
      expect(toCardText(s, coverage)).toEqual({ text: s, lostLetters: false });
    }
  });

  it("drops emoji, including ZWJ sequences, flags, keycaps and skin tones, without losing letters", () => {
    expect(toCardText("Ship it 🚀 now 👩🏽‍💻!", coverage)).toEqual({ text: "Ship it now !", lostLetters: false });
    expect(toCardText("🇫🇷 Paris 1️⃣ ❤️", coverage)).toEqual({ text: "Paris", lostLetters: false });
    expect(toCardText("🎉🎉🎉", coverage)).toEqual({ text: "", lostLetters: false });
  });

  it("reports lost letters for a script no bundled font draws (CJK)", () => {
    expect(toCardText("修复登录错误", coverage)).toEqual({ text: "", lostLetters: true });
    expect(toCardText("Fix ログイン bug", coverage).lostLetters).toBe(true);
  });

  it("flattens newlines, tabs and control characters", () => {
    expect(toCardText("a\n\tb\u0000c  d", coverage).text).toBe("a b c d");
  });
});

describe("clampText", () => {
  it("cuts a 2,000-character title at a word boundary with an ellipsis", () => {
    const long = "refactor ".repeat(250).trim();
    expect(long.length).toBeGreaterThan(2000);
    const clamped = clampText(long, 140);
    expect([...clamped].length).toBeLessThanOrEqual(140);
    expect(clamped).toMatch(/refactor…$/);
  });
  it("leaves a short text alone and cuts a word-free one mid-run", () => {
    expect(clampText("short", 10)).toBe("short");
    expect(clampText("x".repeat(50), 10)).toBe(`${"x".repeat(9)}…`);
  });
});

describe("right-to-left titles", () => {
  it("detects the dominant direction", () => {
    expect(isRtl("مرحبا بالعالم")).toBe(true);
    expect(isRtl("שלום world")).toBe(false);
    expect(isRtl("Fix bug in שלום עולם parser")).toBe(false);
    expect(isRtl("תיקון באג ב-parser")).toBe(true);
  });
  it("keeps a left-to-right run in reading order inside an RTL line", () => {
    // row-reverse shows the list right to left, so "Next js" must come out as ["js", "Next"].
    expect(rtlWords("שדרוג Next js עכשיו")).toEqual(["שדרוג", "js", "Next", "עכשיו"]);
  });
});
