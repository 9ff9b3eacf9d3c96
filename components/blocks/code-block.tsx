// A highlighted code block with its language and a copy button (highlighting runs on the server,
// once per share and content when `shareId` is given: see lib/render/cached.ts).
import { highlightCode } from "@/lib/render/highlight";
import { cachedHighlightCode } from "@/lib/render/cached";
import { languageFor, languageLabel } from "@/lib/render/languages";
import { CopyButton } from "./copy-button";
import { numberedCodeHtml } from "@/lib/render/code-html";

export async function CodeBlock({
  code,
  lang,
  label,
  startLine,
  shareId,
  bodyId,
  copyUrl,
}: {
  code: string;
  lang?: string;
  label?: string;
  /** Numbers the lines from here (a file a tool read). */
  startLine?: number;
  shareId?: string;
  /** An id for the body, which the page swaps for the whole file's when a shortened read is opened. */
  bodyId?: string;
  /** Where the whole text is, when `code` is only its first lines: what "Copy" copies. */
  copyUrl?: string;
}) {
  const id = languageFor(lang);
  // Numbered lines: a gutter column beside the code (lib/render/code-html.ts), so the copy source is
  // the code alone, inside the body.
  const body = startLine ? (
    <div className="code-body numbered" id={bodyId} dangerouslySetInnerHTML={{ __html: await numberedCodeHtml(code, id, startLine, shareId) }} />
  ) : (
    <div
      className="code-body"
      data-copy-source
      dangerouslySetInnerHTML={{ __html: shareId ? await cachedHighlightCode(shareId, code, id) : await highlightCode(code, id) }}
    />
  );
  return (
    <figure className="code-block" data-copy-root data-lang={id}>
      <figcaption>
        <span className="code-lang">{label ?? languageLabel(id)}</span>
        <CopyButton label="Copy code" url={copyUrl} />
      </figcaption>
      {body}
    </figure>
  );
}
