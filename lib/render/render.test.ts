import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { highlightCode, highlightLines } from "./highlight";
import { languageFor, languageForPath } from "./languages";
import { safeHref } from "./urls";
import { splitRedactions } from "../redact/markers";

describe("highlighting", () => {
  it("highlights known languages with light and dark colour classes and escapes the code", async () => {
    const html = await highlightCode("const a = '<b>'", "ts");
    expect(html).toMatch(/class="l\d+ d\d+"/);
    expect(html).not.toContain("<b>");
  });

  it("falls back to escaped plain text for unknown languages (no auto-detection)", async () => {
    const html = await highlightCode("<img src=x onerror=alert(1)>", "not-a-language");
    expect(html).toContain("&lt;img src=x onerror=alert(1)>".replace(">", "&gt;"));
    expect(html).not.toMatch(/class="l\d+ d\d+"/);
  });

  it("highlights diff lines one by one", async () => {
    const lines = await highlightLines("let a = 1\n<x>", "ts");
    expect(lines).toHaveLength(2);
    expect(lines[1]).not.toContain("<x>");
  });

  it("maps fences and file names to allow-listed language ids", () => {
    expect(languageFor("ts")).toBe("ts");
    expect(languageFor("python {title=x}")).toBe("python");
    expect(languageFor('"><script>')).toBe("text");
    expect(languageForPath("src/greet.ts")).toBe("typescript");
    expect(languageForPath("notes/PLAN.md")).toBe("markdown");
    expect(languageForPath("LICENSE")).toBe("text");
  });
});

describe("urls and redactions", () => {
  it("allows only http, https and mailto links", () => {
    expect(safeHref("https://example.com/docs")).toBe("https://example.com/docs");
    expect(safeHref("mailto:a@b.c")).toBe("mailto:a@b.c");
    expect(safeHref("javascript:alert(1)")).toBeUndefined();
    expect(safeHref("data:text/html,x")).toBeUndefined();
    expect(safeHref("/relative")).toBeUndefined();
  });

  it("splits redaction markers out of text", () => {
    expect(splitRedactions("key [REDACTED:aws-access-key] end")).toEqual([{ text: "key " }, { redacted: "aws-access-key" }, { text: " end" }]);
  });
});

describe("renderMarkdown", async () => {
  const { renderMarkdown } = await import("./markdown");
  const html = renderToStaticMarkup(
    renderMarkdown(
      'Raw <script>alert("x")</script> and <img src=x onerror=alert(1)>. Key [REDACTED:github-token]. [ok](https://example.com) [bad](javascript:alert(1)) ![pic](https://evil.test/p.png)\n\n- [x] done\n- [ ] ~~todo~~',
    ),
  );
  it("shows raw HTML literally", () => {
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toMatch(/<img/);
  });
  it("marks redactions, filters links, never loads remote images, and renders GFM", () => {
    expect(html).toContain('<mark class="redacted"');
    expect(html).toContain('rel="nofollow noopener noreferrer ugc"');
    expect(html).not.toContain("javascript:");
    expect(html).toContain("Image: pic");
    expect(html).toContain("<del>todo</del>");
    expect(html).toContain('aria-label="done"');
    expect(html).not.toContain("<input");
  });
});

describe("token colours", () => {
  it("the palettes are the themes' own colours and globals.css carries their rules", async () => {
    const fs = await import("node:fs");
    const path = await import("node:path");
    const { createHighlighter } = await import("shiki");
    const { DARK_PALETTE, LIGHT_PALETTE, tokenCss } = await import("./token-colors");
    const h = await createHighlighter({ themes: ["github-light-high-contrast", "github-dark-default"], langs: [] });
    const colours = (name: string) => {
      const t = h.getTheme(name);
      return new Set([t.fg, ...t.settings.map((s) => s.settings?.foreground).filter((c): c is string => !!c)].map((c) => c.toUpperCase()));
    };
    expect([...colours("github-light-high-contrast")].every((c) => LIGHT_PALETTE.includes(c))).toBe(true);
    expect([...colours("github-dark-default")].every((c) => DARK_PALETTE.includes(c))).toBe(true);
    const css = fs.readFileSync(path.join(__dirname, "..", "..", "app", "globals.css"), "utf8");
    expect(css).toContain(tokenCss());
  });

  it("highlighted code uses classes, no per-token style, and merges same-coloured tokens", async () => {
    const html = await highlightCode("export const a = 'x'; // note", "ts");
    expect(html).toMatch(/<span class="l\d+ d\d+">export<\/span>/);
    expect(html).not.toContain("style=");
    expect(html).toContain("// note");
  });
});
