// The diffs behind the header's "files changed" list, one anchored section per file. A short summary
// is shown open. A long one (the same changes were already shown in the turns) starts closed and
// renders nothing inside: opening a file fetches its diff (components/client/lazy-blocks.ts), and
// without JavaScript the file's patch opens as text.
import type { ChangedFile } from "@/lib/view/changed-files";
import { diffUrl } from "@/lib/view/content-urls";
import { plural } from "@/lib/view/format";
import { ChangeCounts } from "../blocks/change-counts";
import { Collapsible } from "../blocks/collapsible";
import { CopyLinkButton } from "../blocks/copy-link-button";
import { DiffBlock } from "../blocks/diff-block";

/** Above this many patch lines in all, each file's diff waits until it is opened. */
export const OPEN_DIFF_LINES = 120;

const lineCount = (patch?: string) => (patch ? patch.split("\n").length : 0);

export function FilesChanged({ files, shareId }: { files: ChangedFile[]; shareId: string }) {
  if (!files.length) return null;
  const deferred = files.reduce((n, f) => n + lineCount(f.patch), 0) > OPEN_DIFF_LINES;
  return (
    <section className="files-changed" aria-labelledby="files-changed-title">
      <h2 id="files-changed-title">Files changed</h2>
      {files.map((f) => {
        const url = diffUrl(shareId, f.anchor);
        const lazy = deferred && Boolean(f.patch);
        return (
          <Collapsible
            key={f.path}
            className="file-diff"
            id={f.anchor}
            testId="file-diff"
            open={!lazy}
            fragment={lazy ? `${url}?fragment` : undefined}
            aside={<CopyLinkButton anchor={f.anchor} label={`the diff of ${f.path}`} />}
            summary={
              <>
                <code>{f.path}</code>
                {f.status && <span className="badge">{f.status}</span>}
                <ChangeCounts additions={f.additions} deletions={f.deletions} />
              </>
            }
          >
            {!f.patch ? (
              <p className="tool-note">No patch was shared for this file.</p>
            ) : lazy ? (
              <p className="tool-note" data-fragment-body>
                <a href={url}>Open the patch</a> ({plural(lineCount(f.patch), "line")})
              </p>
            ) : (
              <DiffBlock patch={f.patch} path={f.path} shareId={shareId} />
            )}
          </Collapsible>
        );
      })}
    </section>
  );
}
