// Server-side syntax highlighting. One shiki highlighter per process (creating one is expensive),
// grammars loaded on first use, no language auto-detection, and plain escaped text above a size cap.
// Output is built here from shiki's tokens (escaped text), with light and dark colours as short classes
// (./token-colors.ts) that globals.css picks with prefers-color-scheme. These are the entry points a render cache
// can wrap: highlightCode() and highlightLines() are pure functions of their arguments.
import { bundledLanguages, bundledLanguagesAlias, createHighlighter, type BundledLanguage, type Highlighter } from "shiki";
import { escapeHtml } from "./escape";
import { languageFor } from "./languages";
import { tokenAttribute } from "./token-colors";

// The high-contrast light theme and GitHub's default dark keep every token at WCAG AA contrast (github-light's
// orange parameters measured 3.5:1 on white).
const THEMES = { light: "github-light-high-contrast", dark: "github-dark-default" } as const;
// Above these, tokenising costs more than it is worth (performance notes §2a).
export const MAX_HIGHLIGHT_BYTES = 64 * 1024;
export const MAX_HIGHLIGHT_LINES = 2000;

let highlighter: Promise<Highlighter> | undefined;
function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: [THEMES.light, THEMES.dark], langs: [] });
  return highlighter;
}

async function ready(lang: string): Promise<{ h: Highlighter; lang: string } | null> {
  const id = languageFor(lang);
  if (id === "text") return null;
  const h = await getHighlighter();
  if (!h.getLoadedLanguages().includes(id)) {
    if (!(id in bundledLanguages) && !(id in bundledLanguagesAlias)) return null;
    await h.loadLanguage(id as keyof typeof bundledLanguages);
  }
  return { h, lang: id };
}

function tooBig(code: string) {
  return code.length > MAX_HIGHLIGHT_BYTES || code.split("\n", MAX_HIGHLIGHT_LINES + 1).length > MAX_HIGHLIGHT_LINES;
}

// Lines are separated by their newlines alone, with no element per line: on a long session that is
// thousands of elements the browser would lay out for nothing (line numbers are a gutter beside the
// code, ./code-html.ts and ./diff-html.ts).
function plainPre(code: string): string {
  return `<pre class="shiki shiki-plain" tabindex="0"><code>${escapeHtml(code)}</code></pre>`;
}

type Token = { content: string; htmlStyle?: Record<string, string> };

const BLANK = /^\s+$/;

/**
 * One line of tokens as HTML: escaped text, colours as classes, and as few elements as the colours
 * allow: adjacent tokens of one colour are one span, and whitespace (which shows no colour) joins the
 * span before it, so `pub fn` is one span, not two.
 */
function lineHtml(line: Token[]): string {
  let out = "";
  let attr = "";
  let text = "";
  const flush = () => {
    if (text) out += attr ? `<span${attr}>${escapeHtml(text)}</span>` : escapeHtml(text);
    text = "";
  };
  for (const t of line) {
    if (text && BLANK.test(t.content)) {
      text += t.content;
      continue;
    }
    const a = tokenAttribute(t.htmlStyle?.["--shiki-light"], t.htmlStyle?.["--shiki-dark"]);
    if (a !== attr) {
      flush();
      attr = a;
    }
    text += t.content;
  }
  flush();
  return out;
}

async function tokenize(code: string, lang: string): Promise<Token[][] | null> {
  const r = await ready(lang);
  if (!r) return null;
  return r.h.codeToTokens(code, {
    lang: r.lang as BundledLanguage,
    themes: THEMES,
    defaultColor: false,
    tokenizeMaxLineLength: 1000,
    tokenizeTimeLimit: 500,
  }).tokens;
}

/** Highlights `code` as `lang` (a fence info string or language id); returns safe HTML (`<pre class="shiki">`). */
export async function highlightCode(code: string, lang: string): Promise<string> {
  const text = code.replace(/\n$/, "");
  if (tooBig(text)) return plainPre(text);
  try {
    const tokens = await tokenize(text, lang);
    if (!tokens) return plainPre(text);
    return `<pre class="shiki" tabindex="0"><code>${tokens.map(lineHtml).join("\n")}</code></pre>`;
  } catch {
    return plainPre(text);
  }
}

/** Highlights each line of `code` (e.g. the lines of a diff); returns one safe HTML string per line. */
export async function highlightLines(code: string, lang: string): Promise<string[]> {
  const lines = code.split("\n");
  const plain = () => lines.map(escapeHtml);
  if (tooBig(code)) return plain();
  try {
    const tokens = await tokenize(code, lang);
    if (!tokens) return plain();
    return tokens.map(lineHtml);
  } catch {
    return plain();
  }
}
