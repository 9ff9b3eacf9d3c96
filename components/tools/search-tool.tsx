// grep, glob and list: the pattern (or path), how many matches, and the results behind a toggle.
import { num, str } from "@/lib/view/tool-data";
import { relativePath } from "@/lib/view/paths";
import { plural } from "@/lib/view/format";
import { Collapsible } from "../blocks/collapsible";
import { PlainOutput } from "../blocks/plain-output";
import type { ToolProps } from "./types";

/** Replaces absolute paths under the session directory in tool output with relative ones. */
export function relativiseOutput(text: string, directory?: string): string {
  if (!directory) return text;
  const base = directory.replace(/\/$/, "") + "/";
  return text.split(base).join("");
}

export function SearchTool({ part, input, state, metadata, ctx }: ToolProps) {
  const output = relativiseOutput(state.output, ctx.directory);
  const lines = output.split("\n").filter((l) => l.trim() !== "");
  const count = num(metadata, "matches") ?? num(metadata, "count") ?? (part.tool === "glob" ? lines.length : undefined);
  const noun = part.tool === "grep" ? "match" : part.tool === "glob" ? "file" : "entry";
  const nouns = noun === "match" ? "matches" : noun === "entry" ? "entries" : "files";
  const path = str(input, "path");
  const include = str(input, "include");
  return (
    <div className="search-tool">
      <dl className="kv-inline">
        {str(input, "pattern") !== undefined && (
          <div>
            <dt>pattern</dt>
            <dd>
              <code>{str(input, "pattern")}</code>
            </dd>
          </div>
        )}
        {include && (
          <div>
            <dt>include</dt>
            <dd>
              <code>{include}</code>
            </dd>
          </div>
        )}
        {path && (
          <div>
            <dt>in</dt>
            <dd>
              <code>{relativePath(path, ctx.directory)}</code>
            </dd>
          </div>
        )}
        {count !== undefined && (
          <div>
            <dt>found</dt>
            <dd data-testid="match-count">{plural(count, noun, nouns)}</dd>
          </div>
        )}
      </dl>
      {lines.length > 0 && (
        <Collapsible summary={`Results (${plural(lines.length, "line")})`} open={lines.length <= 12}>
          <PlainOutput text={output.replace(/\n+$/, "")} label="Results" limit={{ shareId: ctx.shareId, partId: part.id }} />
        </Collapsible>
      )}
      {metadata.truncated === true && <p className="tool-note">Results were truncated by OpenCode.</p>}
    </div>
  );
}
