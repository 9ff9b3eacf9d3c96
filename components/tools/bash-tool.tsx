// bash: the command, its description, the output as a terminal (ANSI colours) and the exit code.
import { num, str, tagged } from "@/lib/view/tool-data";
import { CopyButton } from "../blocks/copy-button";
import { RedactedText } from "../blocks/redacted-text";
import { Terminal } from "../blocks/terminal";
import { ShowAll } from "../blocks/show-all";
import { limitOutput } from "@/lib/view/output-limit";
import { plural } from "@/lib/view/format";
import type { ToolProps } from "./types";

/** Splits OpenCode's trailing <shell_metadata> note (e.g. "User aborted the command") off the output. */
export function splitShellOutput(output: string): { output: string; note?: string } {
  const note = tagged(output, "shell_metadata");
  if (note === undefined) return { output };
  return { output: output.replace(/\n*<shell_metadata>[\s\S]*<\/shell_metadata>\s*$/, "\n"), note: note.trim() };
}

export async function BashTool({ part, input, state, metadata, ctx }: ToolProps) {
  const command = str(input, "command") ?? "";
  const exit = metadata.exit === null ? null : num(metadata, "exit");
  const { output, note } = splitShellOutput(state.output);
  const lines = output.replace(/\n+$/, "").split("\n").length;
  const shown = limitOutput(output);
  return (
    <div className="bash-tool">
      <div className="terminal-wrap" data-copy-root>
        <pre className="terminal-command" aria-label="Command">
          <span className="prompt" aria-hidden="true">
            ${" "}
          </span>
          <RedactedText text={command} />
        </pre>
        <div className="terminal-head">
          <span>output{output.trim() ? ` · ${plural(lines, "line")}` : ""}</span>
          {exit !== undefined && (
            <span className={exit === 0 ? "exit-code ok" : "exit-code fail"} data-testid="exit-code">
              {exit === null ? "no exit code" : `exit ${exit}`}
            </span>
          )}
          <CopyButton label="Copy output" />
        </div>
        {output.trim() ? <Terminal output={shown.text} label={`Output of ${command}`} /> : <p className="empty-output">No output</p>}
      </div>
      {shown.full && <ShowAll shareId={ctx.shareId} partId={part.id} full={shown.full} />}
      {metadata.truncated === true && <p className="tool-note">OpenCode truncated this output; the full text stayed on the author&apos;s machine.</p>}
      {note && <p className="tool-note warn">{note}</p>}
    </div>
  );
}
