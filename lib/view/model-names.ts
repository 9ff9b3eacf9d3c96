// The models a session used, by display name: one list for the header's chips, the preview
// description and the card.
import type { Conversation } from "./conversation";

/** Each model item's display name by "provider/model". */
export function modelNameMap({ models }: Pick<Conversation, "models">): Map<string, string> {
  return new Map(models.map((m) => [`${m.providerID}/${m.id}`, m.name?.trim() || m.id]));
}

/** Display names in order of first use; model items no message refers to come last. */
export function modelNames(conversation: Conversation): string[] {
  const { messages } = conversation;
  const names = modelNameMap(conversation);
  const used = new Map<string, string>();
  const add = (providerID: string | undefined, modelID: string | undefined) => {
    if (!modelID) return;
    const key = `${providerID ?? ""}/${modelID}`;
    if (!used.has(key)) used.set(key, names.get(key) ?? modelID);
  };
  for (const { info } of messages) {
    add(info.model?.providerID, info.model?.modelID);
    add(info.providerID, info.modelID);
  }
  // A model item no message refers to was still part of the session (the client sends one per model used).
  for (const [key, name] of names) if (!used.has(key)) used.set(key, name);
  return [...new Set(used.values())];
}
