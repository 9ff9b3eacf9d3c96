// One part: its anchor, stable selectors, and the renderer for its type. The switch is exhaustive
// over the known part types (the `never` check fails the build when a type is added without a
// renderer); anything else renders through UnknownPart.
import type { Message, Part as KnownPart, UnknownPart as UnknownPartData } from "@/lib/schema";
import type { AnyPart } from "@/lib/view/visible-parts";
import type { ViewContext } from "./view-context";
import { AgentPart } from "../parts/agent-part";
import { CompactionPart } from "../parts/compaction-part";
import { FilePart } from "../parts/file-part";
import { PatchPart } from "../parts/patch-part";
import { ReasoningPart } from "../parts/reasoning-part";
import { RetryPart } from "../parts/retry-part";
import { StepFinishPart } from "../parts/step-finish-part";
import { StepStartPart } from "../parts/step-start-part";
import { SubtaskPart } from "../parts/subtask-part";
import { TextPart } from "../parts/text-part";
import { ToolPart } from "../parts/tool-part";
import { UnknownPart } from "../parts/unknown-part";

export type PartContext = ViewContext & { message: Message; modelNames: Map<string, string>; diffAnchors: Set<string> };

const KNOWN = new Set(["text", "reasoning", "file", "tool", "step-start", "step-finish", "snapshot", "patch", "agent", "retry", "compaction", "subtask"]);

function renderKnown(part: KnownPart, ctx: PartContext) {
  switch (part.type) {
    case "text":
      return <TextPart part={part} role={ctx.message.role} shareId={ctx.shareId} />;
    case "reasoning":
      return <ReasoningPart part={part} shareId={ctx.shareId} />;
    case "file":
      return <FilePart part={part} ctx={ctx} />;
    case "tool":
      return <ToolPart part={part} ctx={ctx} />;
    case "step-start":
      return <StepStartPart message={ctx.message} modelName={ctx.modelNames.get(`${ctx.message.providerID}/${ctx.message.modelID}`)} />;
    case "step-finish":
      return null; // rendered by Part itself, without a wrapper
    case "snapshot":
      return null; // never visible (see visible-parts); kept so the switch stays exhaustive
    case "patch":
      return <PatchPart part={part} ctx={ctx} diffAnchors={ctx.diffAnchors} />;
    case "agent":
      return <AgentPart part={part} />;
    case "retry":
      return <RetryPart part={part} />;
    case "compaction":
      return <CompactionPart part={part} />;
    case "subtask":
      return <SubtaskPart part={part} />;
    default: {
      const unreachable: never = part;
      return unreachable;
    }
  }
}

const QUIET = new Set(["step-start", "step-finish", "patch"]);

export function Part({ part, ctx }: { part: AnyPart; ctx: PartContext }) {
  const tool = part.type === "tool" ? (part as { tool?: string }).tool : undefined;
  // A step's footer line is one element: the part itself (one on nearly every assistant message).
  if (part.type === "step-finish") {
    return (
      <StepFinishPart
        part={part as Extract<KnownPart, { type: "step-finish" }>}
        attrs={{ className: "part part-step-finish", id: part.id, "data-testid": "part", "data-part-type": part.type, "data-role": ctx.message.role }}
      />
    );
  }
  const body = KNOWN.has(part.type) ? renderKnown(part as KnownPart, ctx) : <UnknownPart part={part as UnknownPartData} />;
  // The part's permalink is made by the page's script from this name (components/client/viewer.ts says
  // why); the id alone makes /s/<id>#<part> work without JavaScript.
  const permalink = QUIET.has(part.type) ? undefined : `Copy link to ${tool ? `this ${tool} call` : `this ${part.type} part`}`;
  return (
    <div
      className={`part part-${part.type}`}
      id={part.id}
      data-testid="part"
      data-part-type={part.type}
      data-tool={tool}
      data-role={ctx.message.role}
      data-permalink={permalink}
    >
      {body}
    </div>
  );
}
