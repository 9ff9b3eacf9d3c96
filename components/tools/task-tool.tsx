// task: a subagent run. Its child session is not shared, so we show the prompt and its final result.
import { rec, str, tagged } from "@/lib/view/tool-data";
import { renderMarkdown } from "@/lib/render/markdown";
import { Collapsible } from "../blocks/collapsible";
import { RedactedText } from "../blocks/redacted-text";
import type { ToolProps } from "./types";

export function TaskTool({ part, input, state, metadata, ctx }: ToolProps) {
  const prompt = str(input, "prompt") ?? "";
  const result = tagged(state.output, "task_result") ?? state.output;
  const model = rec(metadata.model);
  return (
    <div className="task-tool">
      <dl className="kv-inline">
        <div>
          <dt>agent</dt>
          <dd>
            <span className="badge">{str(input, "subagent_type") ?? "subagent"}</span>
          </dd>
        </div>
        {str(model, "modelID") && (
          <div>
            <dt>model</dt>
            <dd>
              {str(model, "providerID")}/{str(model, "modelID")}
            </dd>
          </div>
        )}
      </dl>
      <Collapsible summary="Prompt" open={prompt.length < 400}>
        <p className="prompt-text">
          <RedactedText text={prompt} />
        </p>
      </Collapsible>
      <div className="task-result">
        <p className="task-result-label">Result</p>
        {renderMarkdown(result.trim(), { shareId: ctx.shareId, key: `${part.id}:task` })}
      </div>
      <p className="tool-note">The subagent&apos;s own session is not part of this share.</p>
    </div>
  );
}
