// read: the path, the line range, and the content with line numbers (or a directory's entries, or
// the images the read attached).
import { arr, num, rec, str, tagged } from "@/lib/view/tool-data";
import { languageForPath } from "@/lib/render/languages";
import { relativePath } from "@/lib/view/paths";
import { CodeBlock } from "../blocks/code-block";
import { Attachment } from "../parts/file-part";
import { ShowAll } from "../blocks/show-all";
import { attachmentUrl } from "@/lib/view/content-urls";
import { limitOutput } from "@/lib/view/output-limit";
import { stripLineNumbers } from "@/lib/view/read-output";
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

  const fromDisplay = typeof display.text === "string";
  const parsed = fromDisplay
    ? { text: display.text as string, start: num(display, "lineStart") ?? 1 }
    : stripLineNumbers(tagged(state.output, "content") ?? "");
  const end = num(display, "lineEnd");
  const total = num(display, "totalLines");
  const shown = limitOutput(parsed.text);
  return (
    <div className="read-tool">
      {(end || total) && (
        <p className="tool-note">
          Lines {parsed.start}–{end ?? parsed.start + parsed.text.split("\n").length - 1}
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
      {parsed.text.trim() !== "" && !images.length && (
        <CodeBlock code={shown.text} lang={languageForPath(file)} label={relativePath(file, ctx.directory)} startLine={parsed.start} shareId={ctx.shareId} />
      )}
      {parsed.text.trim() !== "" && !images.length && shown.full && <ShowAll shareId={ctx.shareId} partId={part.id} full={shown.full} />}
      {!images.length && parsed.text.trim() === "" && <ReadNote shareId={ctx.shareId} partId={part.id} output={state.output} />}
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
