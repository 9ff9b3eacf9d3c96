// step-start: shown only where the model changes (visible-parts decides), as a divider naming it.
import type { Message } from "@/lib/schema";

export function StepStartPart({ message, modelName }: { message: Message; modelName?: string }) {
  const id = message.providerID && message.modelID ? `${message.providerID}/${message.modelID}` : undefined;
  return (
    <div className="model-marker">
      <span className="model-marker-label">Model</span> <strong>{modelName ?? id ?? "unknown model"}</strong>
      {modelName && id && modelName !== id ? <span className="muted"> ({id})</span> : null}
    </div>
  );
}
