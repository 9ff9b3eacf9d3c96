// Server-side syntax highlighting. One shiki highlighter per process (creating one is expensive),
// grammars loaded on first use, no language auto-detection, and plain escaped text above a size cap.
// Output is shiki's own HTML (built from escaped tokens) with light and dark colours as CSS variables,
// so globals.css picks the theme with prefers-color-scheme. These are the entry points a render cache
// can wrap: highlightCode() and highlightLines() are pure functions of their arguments.
import { bundledLanguages, bundledLanguagesAlias, createHighlighter, type BundledLanguage, type Highlighter } from "shiki";
import { escapeHtml } from "./escape";
import { languageFor } from "./languages";

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

function plainPre(code: string): string {
  const lines = code.split("\n").map((l) => `<span class="line">${escapeHtml(l)}</span>`);
  return `<pre class="shiki shiki-plain" tabindex="0"><code>${lines.join("\n")}</code></pre>`;
}

/** Highlights `code` as `lang` (a fence info string or language id); returns safe HTML (`<pre class="shiki">`). */
export async function highlightCode(code: string, lang: string): Promise<string> {
  const text = code.replace(/\n$/, "");
  if (tooBig(text)) return plainPre(text);
  try {
    const r = await ready(lang);
    if (!r) return plainPre(text);
    return r.h.codeToHtml(text, {
      lang: r.lang as BundledLanguage,
      themes: THEMES,
      defaultColor: false,
      tokenizeMaxLineLength: 1000,
      tokenizeTimeLimit: 500,
    });
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
    const r = await ready(lang);
    if (!r) return plain();
    const { tokens } = r.h.codeToTokens(code, {
      lang: r.lang as BundledLanguage,
      themes: THEMES,
      defaultColor: false,
      tokenizeMaxLineLength: 1000,
      tokenizeTimeLimit: 500,
    });
    return tokens.map((line) =>
      line
        .map((t) => {
          const style = Object.entries(t.htmlStyle ?? {})
            .filter(([k, v]) => /^--shiki-(light|dark)$/.test(k) && /^#[0-9a-fA-F]{3,8}$/.test(v))
            .map(([k, v]) => `${k}:${v}`)
            .join(";");
          return style ? `<span style="${style}">${escapeHtml(t.content)}</span>` : escapeHtml(t.content);
        })
        .join(""),
    );
  } catch {
    return plain();
  }
}
