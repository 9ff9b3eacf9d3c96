// A tool call: a header (tool, what it acted on, status, duration), then by state: the tool's own
// renderer when completed, an error block, a compact "in progress" row, or a compaction note.
import type { ToolPart as ToolPartData } from "@/lib/schema";
import { rec } from "@/lib/view/tool-data";
import { formatDuration } from "@/lib/view/format";
import { toolFor } from "../tools/registry";
import type { ViewContext } from "../conversation/view-context";
import { RedactedText } from "../blocks/redacted-text";
import { ShowAll } from "../blocks/show-all";
import { limitOutput } from "@/lib/view/output-limit";

export function ErrorBlock({ message, showAll }: { message: string; showAll?: { shareId: string; partId: string } }) {
  const m = /^(\w*Error:)\s*/.exec(message) ?? /^(Error:?)\s*/.exec(message);
  const shown = limitOutput(m ? message.slice(m[0].length) : message);
  return (
    <div className="error-block" role="note">
      <span className="error-label">{m ? m[1].replace(/:$/, "") : "Error"}</span>
      <p>
        <RedactedText text={shown.text} />
      </p>
      {shown.full && showAll && <ShowAll {...showAll} full={shown.full} />}
    </div>
  );
}

export async function ToolPart({ part, ctx }: { part: ToolPartData; ctx: ViewContext }) {
  const entry = toolFor(part.tool);
  const state = part.state;
  const input = rec(state.input);
  const title = (state as { title?: unknown }).title;
  const subtitle = entry.subtitle?.(input, ctx) ?? (typeof title === "string" && title ? title : undefined);
  const time = rec((state as { time?: unknown }).time);
  const took = typeof time.start === "number" && typeof time.end === "number" ? time.end - time.start : undefined;
  const compacted = state.status === "completed" && typeof time.compacted === "number";
  const Body = entry.Body;

  return (
    <div className={`tool tool-${state.status}`} data-status={state.status} data-renderer={entry.fallback ? "fallback" : part.tool}>
      <div className="tool-head">
        {/* The icon is drawn from data-icon by app/globals.css: decoration, not an element. */}
        <span className="tool-name" data-icon={entry.icon}>
          {entry.label}
        </span>
        {subtitle && (
          <span className="tool-subtitle" title={subtitle}>
            {subtitle}
          </span>
        )}
        {(state.status !== "completed" || (took !== undefined && took >= 2000)) && (
          <span className="tool-meta">
            {state.status === "error" && <span className="badge fail">failed</span>}
            {(state.status === "pending" || state.status === "running") && <span className="badge running">in progress</span>}
            {took !== undefined && took >= 2000 && <span className="tool-duration">{formatDuration(took)}</span>}
          </span>
        )}
      </div>
      {state.status === "error" && <ErrorBlock message={state.error} showAll={{ shareId: ctx.shareId, partId: part.id }} />}
      {state.status === "completed" && compacted && (
        <p className="tool-note compacted">[Old tool result content cleared] This output was removed when the session was compacted.</p>
      )}
      {state.status === "completed" && !compacted && (
        <div className="tool-body">
          <Body part={part} state={state} input={input} metadata={rec(state.metadata)} ctx={ctx} />
        </div>
      )}
    </div>
  );
}
