// edit: the file, the unified diff (metadata.diff or filediff.patch) with +/- counts, diagnostics.
import { rec, str } from "@/lib/view/tool-data";
import { diffCounts } from "@/lib/view/diff";
import { editPatch } from "@/lib/view/file-body";
import { ChangeCounts } from "../blocks/change-counts";
import { DiffBlock } from "../blocks/diff-block";
import { Diagnostics } from "./diagnostics";
import type { ToolProps } from "./types";

export async function EditTool({ part, input, metadata, ctx }: ToolProps) {
  const file = str(input, "filePath");
  const patch = editPatch(metadata);
  const { additions, deletions } = diffCounts(rec(metadata.filediff), patch);
  return (
    <div className="edit-tool">
      <p className="change-counts">
        <ChangeCounts additions={additions} deletions={deletions} />
        {input.replaceAll === true && <span className="badge">replace all</span>}
      </p>
      {patch ? (
        <DiffBlock patch={patch} path={file} shareId={ctx.shareId} partId={part.id} />
      ) : (
        <p className="tool-note">No diff was recorded for this edit.</p>
      )}
      <Diagnostics metadata={metadata} file={file} directory={ctx.directory} />
    </div>
  );
}
