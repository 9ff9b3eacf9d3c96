// A highlighted code block with its language and a copy button (highlighting runs on the server).
import { highlightCode } from "@/lib/render/highlight";
import { languageFor, languageLabel } from "@/lib/render/languages";
import { CopyButton } from "./copy-button";

export async function CodeBlock({ code, lang, label, startLine }: { code: string; lang?: string; label?: string; startLine?: number }) {
  const id = languageFor(lang);
  const html = await highlightCode(code, id);
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
