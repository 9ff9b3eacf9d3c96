// A highlighted code block with its language and a copy button (highlighting runs on the server,
// once per share and content when `shareId` is given: see lib/render/cached.ts).
import { highlightCode } from "@/lib/render/highlight";
import { cachedHighlightCode } from "@/lib/render/cached";
import { languageFor, languageLabel } from "@/lib/render/languages";
import { CopyButton } from "./copy-button";

export async function CodeBlock({
  code,
  lang,
  label,
  startLine,
  shareId,
}: {
  code: string;
  lang?: string;
  label?: string;
  startLine?: number;
  shareId?: string;
}) {
  const id = languageFor(lang);
  const html = shareId ? await cachedHighlightCode(shareId, code, id) : await highlightCode(code, id);
  return (
    <figure className="code-block" data-copy-root data-lang={id}>
      <figcaption>
        <span className="code-lang">{label ?? languageLabel(id)}</span>
        <CopyButton label="Copy code" />
      </figcaption>
      <div
        className={startLine ? "code-body numbered" : "code-body"}
        style={startLine ? { counterReset: `line ${startLine - 1}` } : undefined}
        data-copy-source
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </figure>
  );
}
