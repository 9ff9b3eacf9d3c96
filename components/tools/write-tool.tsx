// write: the path and the written content, highlighted by the file's extension, plus diagnostics.
import { str } from "@/lib/view/tool-data";
import { relativePath } from "@/lib/view/paths";
import { FileCode } from "../blocks/file-code";
import { ChangeCounts } from "../blocks/change-counts";
import { Diagnostics } from "./diagnostics";
import type { ToolProps } from "./types";

export async function WriteTool({ part, input, metadata, ctx }: ToolProps) {
  const file = str(input, "filePath");
  const content = str(input, "content") ?? "";
  const lines = content.replace(/\n$/, "").split("\n").length;
  return (
    <div className="write-tool">
      <p className="change-counts">
        <ChangeCounts additions={lines} /> {metadata.exists === false && <span className="badge">new file</span>}
        {metadata.exists === true && <span className="badge">overwritten</span>}
      </p>
      <FileCode
        body={{ text: content, start: 1, path: file }}
        label={file ? relativePath(file, ctx.directory) : undefined}
        shareId={ctx.shareId}
        partId={part.id}
      />
      <Diagnostics metadata={metadata} file={file} directory={ctx.directory} />
    </div>
  );
}
