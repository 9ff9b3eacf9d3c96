// edit: the file, the unified diff (metadata.diff or filediff.patch) with +/- counts, diagnostics.
import { rec, str } from "@/lib/view/tool-data";
import { diffCounts } from "@/lib/view/diff";
import { ChangeCounts } from "../blocks/change-counts";
import { DiffBlock } from "../blocks/diff-block";
import { Diagnostics } from "./diagnostics";
import type { ToolProps } from "./types";

export async function EditTool({ input, metadata, ctx }: ToolProps) {
  const file = str(input, "filePath");
  const filediff = rec(metadata.filediff);
  const patch = str(metadata, "diff") ?? str(filediff, "patch");
  const { additions, deletions } = diffCounts(filediff, patch);
  return (
    <div className="edit-tool">
      <p className="change-counts">
        <ChangeCounts additions={additions} deletions={deletions} />
        {input.replaceAll === true && <span className="badge">replace all</span>}
      </p>
      {patch ? <DiffBlock patch={patch} path={file} shareId={ctx.shareId} /> : <p className="tool-note">No diff was recorded for this edit.</p>}
      <Diagnostics metadata={metadata} file={file} directory={ctx.directory} />
    </div>
  );
}
