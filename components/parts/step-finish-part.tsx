// step-finish: the step's token use and cost, as a quiet footer line.
import type { StepFinishPart as StepFinishPartData } from "@/lib/schema";
import { formatCompact, formatCost } from "@/lib/view/format";

export function StepFinishPart({ part, attrs }: { part: StepFinishPartData; attrs: { className: string } & Record<string, string> }) {
  const t = part.tokens;
  const bits = [
    t?.input ? `${formatCompact(t.input)} in` : null,
    t?.output ? `${formatCompact(t.output)} out` : null,
    t?.reasoning ? `${formatCompact(t.reasoning)} reasoning` : null,
    t?.cache?.read ? `${formatCompact(t.cache.read)} cache read` : null,
    t?.cache?.write ? `${formatCompact(t.cache.write)} cache write` : null,
    typeof part.cost === "number" ? formatCost(part.cost) : null,
  ].filter(Boolean);
  return (
    <p {...attrs} className={`${attrs.className} step-finish`} title={part.reason ? `Finish reason: ${part.reason}` : undefined}>
      {bits.join(" · ")}
      {part.reason && part.reason !== "tool-calls" && part.reason !== "stop" ? ` · ${part.reason}` : ""}
    </p>
  );
}
