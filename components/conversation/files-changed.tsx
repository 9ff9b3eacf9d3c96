// The diffs behind the header's "files changed" list, one anchored section per file.
import type { ChangedFile } from "@/lib/view/changed-files";
import { ChangeCounts } from "../blocks/change-counts";
import { CopyLinkButton } from "../blocks/copy-link-button";
import { DiffBlock } from "../blocks/diff-block";

export function FilesChanged({ files, shareId }: { files: ChangedFile[]; shareId: string }) {
  if (!files.length) return null;
  return (
    <section className="files-changed" aria-labelledby="files-changed-title">
      <h2 id="files-changed-title">Files changed</h2>
      {files.map((f) => (
        <details key={f.path} className="file-diff" id={f.anchor} data-testid="file-diff" open>
          <summary>
            <code>{f.path}</code>
            {f.status && <span className="badge">{f.status}</span>}
            <ChangeCounts additions={f.additions} deletions={f.deletions} />
          </summary>
          <CopyLinkButton anchor={f.anchor} label={`the diff of ${f.path}`} />
          {f.patch ? <DiffBlock patch={f.patch} path={f.path} shareId={shareId} /> : <p className="tool-note">No patch was shared for this file.</p>}
        </details>
      ))}
    </section>
  );
}
