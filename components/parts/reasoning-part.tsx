// Reasoning: a collapsed "Thinking" block with the model's notes as markdown.
import type { ReasoningPart as ReasoningPartData } from "@/lib/schema";
import { renderMarkdown } from "@/lib/render/markdown";
import { formatDuration } from "@/lib/view/format";
import { Collapsible } from "../blocks/collapsible";

export function ReasoningPart({ part, shareId }: { part: ReasoningPartData; shareId: string }) {
  const time = (part as { time?: { start?: number; end?: number } }).time;
  const took = time?.start && time.end ? time.end - time.start : undefined;
  return (
    <Collapsible
      className="reasoning"
      bodyClassName="reasoning-body"
      summary={<>Thinking{took !== undefined && took >= 1000 ? <span className="muted"> · {formatDuration(took)}</span> : null}</>}
    >
      {renderMarkdown(part.text, { shareId, key: part.id })}
    </Collapsible>
  );
}
