// write: the path and the written content, highlighted by the file's extension, plus diagnostics.
import { fileBody } from "@/lib/view/file-body";
import { relativePath } from "@/lib/view/paths";
import { FileCode } from "../blocks/file-code";
import { ChangeCounts } from "../blocks/change-counts";
import { Diagnostics } from "./diagnostics";
import type { ToolProps } from "./types";

export async function WriteTool({ part, state, metadata, ctx }: ToolProps) {
  // The same reading of the written file as the code route's, which serves it whole.
  const body = fileBody("write", state as Record<string, unknown>)!;
  const file = body.path;
  const lines = body.text.replace(/\n$/, "").split("\n").length;
  return (
    <div className="write-tool">
      <p className="change-counts">
        <ChangeCounts additions={lines} /> {metadata.exists === false && <span className="badge">new file</span>}
        {metadata.exists === true && <span className="badge">overwritten</span>}
      </p>
      <FileCode body={body} label={file ? relativePath(file, ctx.directory) : undefined} shareId={ctx.shareId} partId={part.id} />
      <Diagnostics metadata={metadata} file={file} directory={ctx.directory} />
    </div>
  );
}
