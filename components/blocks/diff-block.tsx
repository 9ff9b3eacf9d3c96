// A unified diff with line numbers, +/- gutters and syntax colours from the file's language.
import { parseUnifiedDiff } from "@/lib/view/diff";
import { highlightLines } from "@/lib/render/highlight";
import { cachedHighlightLines } from "@/lib/render/cached";
import { languageForPath } from "@/lib/render/languages";
import { CopyButton } from "./copy-button";

export async function DiffBlock({ patch, path, shareId }: { patch: string; path?: string; shareId?: string }) {
  const files = parseUnifiedDiff(patch);
  if (!files.length) return <pre className="plain-output">{patch}</pre>;
  const lang = languageForPath(path ?? files[0].newPath ?? files[0].oldPath);
  const all = files.flatMap((f) => f.hunks.flatMap((h) => h.lines.filter((l) => l.kind !== "note")));
  const code = all.map((l) => l.text).join("\n");
  const html = shareId ? await cachedHighlightLines(shareId, code, lang) : await highlightLines(code, lang);
  let k = 0;
  return (
    <figure className="diff-block" data-copy-root>
      <figcaption>
        <span className="code-lang">diff</span>
        <CopyButton label="Copy diff" />
      </figcaption>
      <pre hidden data-copy-source>
        {patch}
      </pre>
      <div className="diff-scroll" tabIndex={0} role="region" aria-label={`Diff of ${path ?? "file"}`}>
        <table className="diff">
          <tbody>
            {files.flatMap((f, fi) =>
              f.hunks.flatMap((h, hi) => [
                <tr key={`h${fi}-${hi}`} className="diff-hunk">
                  <td className="ln" />
                  <td className="ln" />
                  <td className="diff-code">{h.header}</td>
                </tr>,
                ...h.lines.map((l, li) =>
                  l.kind === "note" ? (
                    <tr key={`${fi}-${hi}-${li}`} className="diff-note">
                      <td className="ln" />
                      <td className="ln" />
                      <td className="diff-code">{l.text}</td>
                    </tr>
                  ) : (
                    <tr key={`${fi}-${hi}-${li}`} className={`diff-${l.kind}`}>
                      <td className="ln">{l.oldNo ?? ""}</td>
                      <td className="ln">{l.newNo ?? ""}</td>
                      <td className="diff-code">
                        <span className="diff-sign" aria-label={l.kind === "add" ? "added" : l.kind === "del" ? "removed" : undefined}>
                          {l.kind === "add" ? "+" : l.kind === "del" ? "-" : " "}
                        </span>
                        <span dangerouslySetInnerHTML={{ __html: html[k++] ?? "" }} />
                      </td>
                    </tr>
                  ),
                ),
              ]),
            )}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
