import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { highlightCode, highlightLines } from "./highlight";
import { diffBlockHtml } from "./diff-html";
import { copyButtonHtml } from "./copy-button-html";
import { CopyButton } from "@/components/blocks/copy-button";
import { languageFor, languageForPath } from "./languages";
import { safeHref } from "./urls";
import { splitRedactions } from "../redact/markers";

describe("highlighting", () => {
  it("highlights known languages with light and dark colour classes and escapes the code", async () => {
    const html = await highlightCode("const a = '<b>'", "ts");
    expect(html).toMatch(/class="t\d+"/);
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

  it("a token whose two colours share an index is one class; other pairs are two, unknown colours a style", async () => {
    const { DARK_PALETTE, LIGHT_PALETTE, tokenAttribute } = await import("./token-colors");
    expect(tokenAttribute(LIGHT_PALETTE[0], DARK_PALETTE[0])).toBe("");
    expect(tokenAttribute(LIGHT_PALETTE[3], DARK_PALETTE[3])).toBe(' class="t3"');
    expect(tokenAttribute(LIGHT_PALETTE[3], DARK_PALETTE[5])).toBe(' class="l3 d5"');
    expect(tokenAttribute(LIGHT_PALETTE[0], DARK_PALETTE[2])).toBe(' class="l0 d2"');
    expect(tokenAttribute(LIGHT_PALETTE[11], DARK_PALETTE[0])).toBe(' class="l11 d0"');
    expect(tokenAttribute("#123456", DARK_PALETTE[1])).toBe(' style="--shiki-light:#123456;--shiki-dark:#8B949E"');
  });

  it("highlighted code uses classes, no per-token style, and merges same-coloured tokens across whitespace", async () => {
    const html = await highlightCode("export const a = 'x'; // note\nlet b", "ts");
    // `export` and `const` share a colour: one span, the space between them inside it.
    expect(html).toMatch(/<span class="t\d+">export const <\/span>/);
    expect(html).not.toContain("style=");
    expect(html).toContain("// note");
    // Lines are newlines in the text, with no element of their own.
    expect(html).not.toContain('class="line"');
    expect(html.replace(/<[^>]+>/g, "")).toBe("export const a = &#39;x&#39;; // note\nlet b");
  });
});

describe("code without its colours (a deferred turn on the page)", () => {
  it("every token span becomes its text: the same escaped code as unhighlighted", async () => {
    const { withoutTokenColours } = await import("./token-colors");
    const { escapeHtml } = await import("./escape");
    const code = "export function f<T>(a: T): T {\n  return a && '<b>' /* x */;\n}";
    const html = await highlightCode(code, "ts");
    expect(html).toMatch(/<span class="t\d+">/);
    expect(withoutTokenColours(html)).toBe(`<pre class="shiki" tabindex="0"><code>${escapeHtml(code)}</code></pre>`);
    const lines = await highlightLines("- let a = 1\n+ let a = 2", "diff");
    expect(lines.map(withoutTokenColours)).toEqual(["- let a = 1", "+ let a = 2"]);
  });

  it("takes out all three forms a token's colour has, and nothing else", async () => {
    const { withoutTokenColours } = await import("./token-colors");
    expect(withoutTokenColours('<span class="t3">a</span><span class="l0 d2">b</span><span style="--shiki-light:#123456;--shiki-dark:#8B949E">c</span>')).toBe(
      "abc",
    );
    expect(withoutTokenColours('<span style="--shiki-dark:#123">d</span>')).toBe("d");
    const other = '<span class="ansi-fg-1">red</span><span class="muted"> · x</span><span class="t3"><b>y</b></span><span class="t3 x">z</span>';
    expect(withoutTokenColours(other)).toBe(other);
  });
});

describe("diff blocks", () => {
  it("one <pre> of rows: context lines are text, changed lines one element each, numbers in a gutter column", async () => {
    const patch = "--- a/x.ts\n+++ b/x.ts\n@@ -9,3 +9,3 @@\n keep\n-old()\n+fresh()\n more\n\\ No newline at end of file\n";
    const html = await diffBlockHtml(patch, "x.ts");
    const code = /<pre class="diff-code"[^>]*><code>([\s\S]*)<\/code><\/pre>/.exec(html)?.[1] ?? "";
    expect(code.match(/<span class="diff-(add|del|hunk|note)">/g)).toEqual([
      '<span class="diff-hunk">',
      '<span class="diff-del">',
      '<span class="diff-add">',
      '<span class="diff-note">',
    ]);
    expect(code.replace(/<[^>]+>/g, "")).toBe("@@ -9,3 +9,3 @@\n  keep\n- old()\n+ fresh()\n  more\nNo newline at end of file\n");
    const gutter = /<pre class="line-gutter" aria-hidden="true">([^<]*)<\/pre>/.exec(html)?.[1];
    // Rows without numbers are blank, never empty: a newline right after <pre> would be dropped.
    expect(gutter?.split("\n")).toEqual(["     ", " 9  9", "10   ", "   10", "11 11", "     "]);
    expect(html).toContain('<pre hidden="" data-copy-source="true">--- a/x.ts');
  });

  it("a shortened diff carries its first rows and no copy of the patch; its copy button fetches the whole", async () => {
    const body = Array.from({ length: 40 }, (_, i) => `+line ${i}`).join("\n");
    const patch = `--- a/x.ts\n+++ b/x.ts\n@@ -0,0 +1,40 @@\n${body}\n`;
    const more = { url: "/s/abc/code/prt_1", id: "diff-prt_1" };
    const short = await diffBlockHtml(patch, "x.ts", undefined, more);
    expect(short).not.toContain("data-copy-source");
    expect(short).not.toContain("line 39");
    expect(short).toContain('data-copy-url="/s/abc/code/prt_1"');
    expect(short).toContain("Show all 41 lines");
    // A diff short enough to show whole copies from the page.
    const whole = await diffBlockHtml("--- a/x.ts\n+++ b/x.ts\n@@ -1 +1 @@\n-a\n+b\n", "x.ts", undefined, more);
    expect(whole).toContain('<pre hidden="" data-copy-source="true">--- a/x.ts');
    expect(whole).not.toContain("data-copy-url");
  });

  it("text that is not a diff stays plain text, escaped", async () => {
    expect(await diffBlockHtml("<b>not a diff</b>")).toBe('<pre class="plain-output">&lt;b&gt;not a diff&lt;/b&gt;</pre>');
  });

  it("the copy button's string form is exactly what the component renders", () => {
    expect(copyButtonHtml("Copy diff")).toBe(renderToStaticMarkup(<CopyButton label="Copy diff" />));
    expect(copyButtonHtml("Copy diff", "/s/a/code/b")).toBe(renderToStaticMarkup(<CopyButton label="Copy diff" url="/s/a/code/b" />));
  });
});
