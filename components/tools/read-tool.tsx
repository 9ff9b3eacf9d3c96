// read: the path, the line range, and the content with line numbers (or a directory's entries, or
// the images the read attached).
import { arr, num, rec, str, tagged } from "@/lib/view/tool-data";
import { relativePath } from "@/lib/view/paths";
import { Attachment } from "../parts/file-part";
import { ShowAll } from "../blocks/show-all";
import { attachmentUrl } from "@/lib/view/content-urls";
import { limitOutput } from "@/lib/view/output-limit";
import { stripLineNumbers } from "@/lib/view/read-output";
import { fileBody } from "@/lib/view/file-body";
import { FileCode } from "../blocks/file-code";
import type { ToolProps } from "./types";

export { stripLineNumbers };

export async function ReadTool({ part, input, state, metadata, ctx }: ToolProps) {
  const file = str(input, "filePath") ?? "";
  const display = rec(metadata.display);
  // Indexes kept: the file route serves attachment n of the state's attachments[].
  const images = (state.attachments ?? []).map((a, n) => ({ a, n })).filter(({ a }) => a.mime.startsWith("image/"));

  if (display.type === "directory" || tagged(state.output, "type") === "directory") {
    const entries = display.entries
      ? arr(display, "entries").map(String)
      : (tagged(state.output, "entries") ?? "").split("\n").filter((l) => l && !l.startsWith("("));
    return (
      <ul className="file-list" aria-label={`Entries of ${relativePath(file, ctx.directory)}`}>
        {entries.map((e) => (
          <li key={e} className={e.endsWith("/") ? "dir" : "file"}>
            {e}
          </li>
        ))}
      </ul>
    );
  }

  const body = fileBody("read", state as Record<string, unknown>) ?? { text: "", start: 1 };
  const end = num(display, "lineEnd");
  const total = num(display, "totalLines");
  return (
    <div className="read-tool">
      {(end || total) && (
        <p className="tool-note">
          Lines {body.start}–{end ?? body.start + (body.full?.lines ?? body.text.split("\n").length) - 1}
          {total ? ` of ${total}` : ""}
          {display.truncated === true ? " (truncated)" : ""}
        </p>
      )}
      {images.map(({ a, n }) => (
        <Attachment
          key={n}
          attachment={a}
          name={typeof a.filename === "string" ? a.filename : relativePath(file, ctx.directory)}
          href={attachmentUrl(ctx.shareId, part.id, n)}
          directory={ctx.directory}
        />
      ))}
      {body.text.trim() !== "" && !images.length && <FileCode body={body} label={relativePath(file, ctx.directory)} shareId={ctx.shareId} partId={part.id} />}
      {body.text.trim() !== "" && !images.length && body.full && <ShowAll shareId={ctx.shareId} partId={part.id} full={body.full} />}
      {!images.length && body.text.trim() === "" && <ReadNote shareId={ctx.shareId} partId={part.id} output={state.output} />}
    </div>
  );
}

/** The read's output as a note when there is no content to show (empty file, unknown format), shortened when long. */
function ReadNote({ shareId, partId, output }: { shareId: string; partId: string; output: string }) {
  const shown = limitOutput(output);
  return (
    <>
      <p className="tool-note">{shown.text}</p>
      {shown.full && <ShowAll shareId={shareId} partId={partId} full={shown.full} />}
    </>
  );
}
