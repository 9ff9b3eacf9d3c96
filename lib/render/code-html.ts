// The body of a numbered code block (a file a tool read) as HTML: the line numbers as a column beside
// the code, and the highlighted lines. A string, like ./diff-html.ts, because the page renders it and
// the code route (app/s/[id]/code/[partId]) serves the whole file's body when a reader asks for the
// lines the page left out.
import { cachedHighlightLines } from "./cached";
import { highlightLines } from "./highlight";

export async function numberedCodeHtml(code: string, lang: string, start: number, shareId?: string): Promise<string> {
  const text = code.replace(/\n$/, ""); // a file's final newline is not a line of its own
  const lines = shareId ? await cachedHighlightLines(shareId, text, lang) : await highlightLines(text, lang);
  const width = String(start + lines.length - 1).length;
  const numbers = lines.map((_, i) => String(start + i).padStart(width)).join("\n");
  return (
    `<pre class="line-gutter" aria-hidden="true">${numbers}</pre>` +
    `<div data-copy-source="true"><pre class="shiki" tabindex="0"><code>${lines.join("\n")}</code></pre></div>`
  );
}
