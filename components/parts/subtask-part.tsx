// subtask: a command that handed work to another agent.
import type { SubtaskPart as SubtaskPartData } from "@/lib/schema";
import { RedactedText } from "../blocks/redacted-text";

export function SubtaskPart({ part }: { part: SubtaskPartData }) {
  return (
    <div className="subtask-part">
      <p>
        <span className="badge">subtask</span> {part.agent && <span className="badge">@{part.agent}</span>} {part.description}
      </p>
      <p className="prompt-text">
        <RedactedText text={part.prompt} />
      </p>
    </div>
  );
}
