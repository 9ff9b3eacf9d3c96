// Renders real cards (satori + resvg through next/og) for the titles that break naive renderers.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ShareFacts } from "../view/share-facts";
import { pngSize } from "./png";
import { cardModel, renderCard } from "./render-card";

const facts = (title: string, extra: Partial<ShareFacts> = {}): ShareFacts => ({
  source: "OpenCode",
  title,
  messageCount: 42,
  models: ["claude-sonnet-4.5", "gpt-5", "gemini-2.5-pro"],
  files: { count: 3, additions: 120, deletions: 8 },
  createdAt: Date.UTC(2026, 10, 22),
  ...extra,
});

afterEach(() => vi.restoreAllMocks());

const TITLES: Record<string, string> = {
  latin: "Refactor the session parser",
  cyrillicGreek: "Исправить парсер · Διόρθωση του αναλυτή",
  emoji: "Ship it 🚀🔥 with 👩🏽‍💻 and 🇫🇷 flags 1️⃣",
  emojiOnly: "🎉🎉🎉",
  cjk: "修复登录页面的错误",
  mixedCjk: "Fix ログイン bug",
  arabic: "إعادة هيكلة الكود في مشروع الترحيب مع اختبارات الوحدة",
  hebrew: "תיקון באג ב-parser של הסשן",
  long2000: "Investigate flaky tests ".repeat(84).slice(0, 2000),
  longNoSpaces: "x".repeat(2000),
  controls: "tab\there\nnewline\u0000nul\u202eRLO\u200bzwsp",
};

describe("renderCard", () => {
  for (const [name, title] of Object.entries(TITLES)) {
    it(`draws a 1200x630 PNG under 300 KB for a ${name} title, without falling back`, async () => {
      const errors = vi.spyOn(console, "error");
      const png = await renderCard(cardModel(facts(title), "Parley"));
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
      expect(png.length).toBeLessThan(300 * 1024);
      expect(errors).not.toHaveBeenCalled();
    });
  }

  it("shows the title when it can, a neutral headline when its script is not bundled", () => {
    expect(cardModel(facts(TITLES.latin), "Parley")).toMatchObject({ title: TITLES.latin, rtl: false });
    expect(cardModel(facts(TITLES.emoji), "Parley")).toMatchObject({ title: "Ship it with and flags" });
    expect(cardModel(facts(TITLES.cjk), "Parley")).toMatchObject({ title: null });
    expect(cardModel(facts(TITLES.emojiOnly), "Parley")).toMatchObject({ title: null });
    expect(cardModel(facts(TITLES.arabic), "Parley")).toMatchObject({ title: TITLES.arabic, rtl: true });
    const long = cardModel(facts(TITLES.long2000), "Parley");
    expect(long.kind === "share" && [...(long.title ?? "")].length).toBeLessThanOrEqual(140);
    expect(long.kind === "share" && long.title?.endsWith("…")).toBe(true);
  });

  it("writes the facts on the card the way the header does", () => {
    expect(cardModel(facts("t"), "Team 🚀 Parley")).toEqual({
      kind: "share",
      siteName: "Team Parley",
      title: "t",
      rtl: false,
      models: "claude-sonnet-4.5 & 2 others",
      messages: "42 messages",
      files: { label: "3 files changed", additions: "+120", deletions: "–8" },
      date: "22 Nov 2026",
    });
    expect(cardModel(facts("t", { files: null, models: [], createdAt: null }), "P")).toMatchObject({ files: null, models: "", date: null });
  });

  it("still answers a PNG when satori is handed a glyph no font has (the fallback behind the text filter)", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const raw = { kind: "share", siteName: "Parley", title: "emoji 😀", rtl: false, models: "", messages: "1 message", files: null, date: null } as const;
    expect(pngSize(await renderCard(raw))).toEqual({ width: 1200, height: 630 });
  });

  it("drops a lone surrogate instead of handing it to satori", () => {
    expect(cardModel(facts("broken \ud800 text"), "Parley")).toMatchObject({ title: "broken text" });
  });

  it("draws the generic and removed cards", async () => {
    for (const kind of ["generic", "removed", "sign-in"] as const) {
      expect(pngSize(await renderCard({ kind, siteName: "Parley" }))).toEqual({ width: 1200, height: 630 });
    }
  });
});

describe("pngSize", () => {
  it("rejects what is not a PNG", () => {
    expect(pngSize(new TextEncoder().encode("GIF89a........................"))).toBeNull();
    expect(pngSize(new Uint8Array(10))).toBeNull();
  });
});
