import { describe, expect, it } from "vitest";
import { asciiHtml, escapeHtml } from "./escape";

describe("asciiHtml", () => {
  const pad = "x".repeat(400);

  it("writes a few non-ASCII characters as character references, in text and attributes, astral ones whole", () => {
    expect(asciiHtml(`<p title="a·b">${pad} ✎ 😀 é</p>`)).toBe(`<p title="a&#183;b">${pad} &#9998; &#128512; &#233;</p>`);
  });

  it("leaves what a parser takes literally alone: the insides of <script> and <style>", () => {
    const html = `<style>a::before{content:"▤"}</style><p>${pad}·</p><script>"✓"</script><STYLE media="x">b{content:"✎"}</STYLE>·`;
    expect(asciiHtml(html)).toBe(`<style>a::before{content:"▤"}</style><p>${pad}&#183;</p><script>"✓"</script><STYLE media="x">b{content:"✎"}</STYLE>&#183;`);
  });

  it("returns ASCII and mostly non-ASCII text as it is (UTF-8 is smaller there)", () => {
    expect(asciiHtml(`<p>${pad}</p>`)).toBe(`<p>${pad}</p>`);
    const cjk = `<p>${"日本語のテキスト".repeat(20)}</p>`;
    expect(asciiHtml(cjk)).toBe(cjk);
  });

  it("decodes back to the same text in a browser's terms: a reference per code point", () => {
    const text = `${pad}naïve – “quoted” 🙂`;
    const out = asciiHtml(escapeHtml(text));
    expect(out).toMatch(/^[\x00-\x7f]*$/);
    const decoded = out.replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)));
    expect(decoded).toBe(escapeHtml(text));
  });
});
