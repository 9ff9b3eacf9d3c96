// A unified diff as HTML: line numbers, +/- signs and syntax colours from the file's language. A
// string, not a React tree, because the page renders it inline and the diff route
// (app/s/[id]/diff/[file]) serves it on its own when a collapsed diff is opened, and a Next route
// handler cannot use React's server renderer. One <pre> of text: context lines are bare text, and only
// added, removed, hunk and note lines are an element (for their background); old and new line numbers
// are a column of text beside it, so the browser lays out a few elements per diff, not five per line.
import { parseUnifiedDiff } from "../view/diff";
import { escapeHtml } from "./escape";
import { highlightLines } from "./highlight";
import { cachedHighlightLines } from "./cached";
import { languageForPath } from "./languages";
import { copyButtonHtml } from "./copy-button-html";
import { OPEN_LINES, PREVIEW_LINES } from "../view/file-body";

const SIGN = { add: "+", del: "-", ctx: " " } as const;

/**
 * With `more`, a diff longer than OPEN_LINES rows shows its first PREVIEW_LINES and a "show all" that
 * fetches the whole block from `more.url` in its place (components/client/lazy-blocks.ts).
 */
export async function diffBlockHtml(patch: string, path?: string, shareId?: string, more?: { url: string; id: string }): Promise<string> {
  const files = parseUnifiedDiff(patch);
  if (!files.length) return `<pre class="plain-output">${escapeHtml(patch)}</pre>`;
  const lang = languageForPath(path ?? files[0].newPath ?? files[0].oldPath);
  const all = files.flatMap((f) => f.hunks.flatMap((h) => h.lines.filter((l) => l.kind !== "note")));
  const code = all.map((l) => l.text).join("\n");
  const html = shareId ? await cachedHighlightLines(shareId, code, lang) : await highlightLines(code, lang);
  const width = Math.max(1, ...all.map((l) => String(Math.max(l.oldNo ?? 0, l.newNo ?? 0)).length));
  const number = (n?: number) => (n === undefined ? "" : String(n)).padStart(width);
  const gutter: string[] = [];
  const rows: string[] = [];
  // The newline sits inside a row's element, so its background spans the whole line.
  const row = (numbers: string, body: string, kind?: string) => {
    gutter.push(numbers);
    rows.push(kind ? `<span class="diff-${kind}">${body}\n</span>` : `${body}\n`);
  };
  // Blank, not empty: an HTML parser drops a newline right after <pre>, which would shift every row.
  const blank = " ".repeat(2 * width + 1);
  let k = 0;
  for (const f of files) {
    for (const h of f.hunks) {
      row(blank, escapeHtml(h.header), "hunk");
      for (const l of h.lines) {
        if (l.kind === "note") row(blank, escapeHtml(l.text), "note");
        else row(`${number(l.oldNo)} ${number(l.newNo)}`, `${SIGN[l.kind]} ${html[k++] ?? ""}`, l.kind === "ctx" ? undefined : l.kind);
      }
    }
  }
  const label = escapeHtml(`Diff of ${path ?? "file"}`);
  const total = gutter.length;
  const shorten = more && gutter.length > OPEN_LINES;
  if (shorten) {
    gutter.length = PREVIEW_LINES;
    rows.length = PREVIEW_LINES;
  }
  const rest = shorten
    ? `<a class="more-lines" href="${escapeHtml(more.url)}" data-fragment="${escapeHtml(more.url)}?fragment" data-fragment-target="${escapeHtml(more.id)}">Show all ${total} lines</a>`
    : "";
  // What "Copy diff" copies is the patch as the agent wrote it. A shortened diff does not carry it: the
  // button fetches it from the same URL as "show all" (a page should not parse what nobody opens).
  const copy = shorten ? copyButtonHtml("Copy diff", more.url) : copyButtonHtml("Copy diff");
  return (
    `<figure class="diff-block"${more ? ` id="${escapeHtml(more.id)}"` : ""} data-copy-root="true"><figcaption><span class="code-lang">diff</span>${copy}</figcaption>` +
    (shorten ? "" : `<pre hidden="" data-copy-source="true">${escapeHtml(patch)}</pre>`) +
    `<div class="diff"><pre class="line-gutter" aria-hidden="true">${gutter.join("\n")}</pre>` +
    `<pre class="diff-code" tabindex="0" role="region" aria-label="${label}"><code>${rows.join("")}</code></pre></div>${rest}</figure>`
  );
}
