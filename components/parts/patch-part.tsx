// patch: the files a step changed on disk (each linking to its diff when the share has one).
import type { PatchPart as PatchPartData } from "@/lib/schema";
import { relativePath } from "@/lib/view/paths";
import { fileAnchor } from "@/lib/view/changed-files";
import type { ViewContext } from "../conversation/view-context";

export function PatchPart({ part, ctx, diffAnchors }: { part: PatchPartData; ctx: ViewContext; diffAnchors: Set<string> }) {
  return (
    <div className="patch-part">
      <span className="muted">Changed</span>{" "}
      {part.files.map((f, i) => {
        const rel = relativePath(f, ctx.directory);
        const anchor = fileAnchor(rel);
        return (
          <span key={f}>
            {i > 0 && ", "}
            {diffAnchors.has(anchor) ? (
              <a href={`#${anchor}`}>
                <code>{rel}</code>
              </a>
            ) : (
              <code>{rel}</code>
            )}
          </span>
        );
      })}
    </div>
  );
}
