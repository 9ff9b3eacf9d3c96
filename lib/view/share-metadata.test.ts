import { describe, expect, it } from "vitest";
import type { ShareFacts } from "./share-facts";
import { cardUrl, shareMetadata, signInMetadata, truncate, UNTITLED } from "./share-metadata";

const facts: ShareFacts = {
  source: "OpenCode",
  title: "Fix the parser",
  messageCount: 42,
  models: ["claude-sonnet-4.5"],
  files: { count: 3, additions: 120, deletions: 8 },
  createdAt: Date.UTC(2026, 0, 2),
};
const base = { id: "abc123", version: 7, facts, baseUrl: "https://parley.example.com", siteName: "Team Parley" };

describe("shareMetadata", () => {
  it("builds every preview tag with absolute URLs pointing at the canonical /s/<id> and the versioned card", () => {
    const m = shareMetadata(base);
    const description = "OpenCode session · 42 messages · claude-sonnet-4.5 · 3 files changed (+120 −8)";
    expect(m.title).toBe("Fix the parser");
    expect(m.description).toBe(description);
    expect(m.alternates?.canonical).toBe("https://parley.example.com/s/abc123");
    expect(m.openGraph).toMatchObject({
      type: "article",
      siteName: "Team Parley",
      title: "Fix the parser",
      description,
      url: "https://parley.example.com/s/abc123",
      publishedTime: "2026-01-02T00:00:00.000Z",
      images: [{ url: "https://parley.example.com/s/abc123/card.png?v=7", width: 1200, height: 630, type: "image/png" }],
    });
    expect(m.twitter).toMatchObject({
      card: "summary_large_image",
      title: "Fix the parser",
      description,
      images: [{ url: "https://parley.example.com/s/abc123/card.png?v=7" }],
    });
    const alt = (m.openGraph as { images: Array<{ alt: string }> }).images[0].alt;
    expect(alt).toContain("Fix the parser");
    expect(alt).toContain("42 messages");
    expect(m.robots).toEqual({ index: false, follow: false });
  });

  it("gives an untitled share a neutral title and bounds a 2,000-character one", () => {
    expect(shareMetadata({ ...base, facts: { ...facts, title: "" } }).title).toBe(UNTITLED);
    const long = shareMetadata({ ...base, facts: { ...facts, title: "word ".repeat(400).trim() } });
    const title = long.title as string;
    expect([...title].length).toBeLessThanOrEqual(200);
    expect(title.endsWith("…")).toBe(true);
  });

  it("escapes nothing itself but encodes the id into URLs", () => {
    expect(cardUrl("http://h:1", "a b", 3)).toBe("http://h:1/s/a%20b/card.png?v=3");
  });
});

describe("truncate", () => {
  it("counts graphemes, so an emoji sequence or a combining mark is never cut in half", () => {
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦", 2)).toBe("👩‍👩‍👧‍👦…");
    expect(truncate("éééé", 3)).toBe("éé…");
  });
});

describe("signInMetadata (SSO mode)", () => {
  it("says only the site name and Sign in to view: nothing from the conversation, never indexed", () => {
    const m = signInMetadata({ id: "abc123", baseUrl: "https://parley.example.com", siteName: "Team Parley" });
    expect(m.title).toBe("Sign in to view");
    expect(m.robots).toEqual({ index: false, follow: false });
    expect(m.openGraph).toMatchObject({ siteName: "Team Parley", title: "Sign in to view", images: [{ url: "https://parley.example.com/s/abc123/card.png" }] });
    const all = JSON.stringify(m);
    for (const leak of [facts.title, "42 messages", "claude-sonnet-4.5", "files changed", "2026"]) expect(all).not.toContain(leak);
  });
});
