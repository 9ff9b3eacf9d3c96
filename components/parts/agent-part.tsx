// agent: the user mentioned an agent (@name) to handle the request.
import type { AgentPart as AgentPartData } from "@/lib/schema";

export function AgentPart({ part }: { part: AgentPartData }) {
  return (
    <p className="agent-part">
      <span className="muted">Agent</span> <span className="badge">@{part.name}</span>
    </p>
  );
}
