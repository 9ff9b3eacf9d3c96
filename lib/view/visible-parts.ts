// What the viewer shows and hides, decided in one place (components never filter). Pure and tested.
import type { ConversationMessage } from "./conversation";
import type { Message, Part, UnknownPart } from "../schema";

export type AnyPart = Part | UnknownPart;
export type VisibleMessage = { info: Message; parts: AnyPart[] };

const modelKey = (m: Message) => `${m.providerID ?? m.model?.providerID ?? ""}/${m.modelID ?? m.model?.modelID ?? ""}`;

/**
 * Per part: snapshot parts are internal bookkeeping; empty text/reasoning (a stream that broke before
 * its first token) and synthetic or ignored text (the client's own echo of an attachment, shown by its
 * file part instead) add nothing. A step-start is shown only as a marker where the model changes: the
 * first step of the first assistant message, and the first step of any later message whose model
 * differs from the previous assistant message's. Everything else, including unknown types, is shown.
 */
export function isPartVisible(part: AnyPart, opts: { modelChanged: boolean; firstStep: boolean }): boolean {
  const p = part as AnyPart & { text?: unknown; synthetic?: unknown; ignored?: unknown };
  switch (part.type) {
    case "snapshot":
      return false;
    case "text":
      return typeof p.text === "string" && p.text.trim() !== "" && p.synthetic !== true && p.ignored !== true;
    case "reasoning":
      return typeof p.text === "string" && p.text.trim() !== "";
    case "step-start":
      return opts.modelChanged && opts.firstStep;
    default:
      return true;
  }
}

// Parts that only frame a step; a message with nothing but these (and no error) has nothing to say.
const FRAMING = new Set(["step-start", "step-finish"]);

/** The messages and parts the page renders, in order. Messages left empty (and without error) drop out. */
export function visibleMessages(messages: ConversationMessage[]): VisibleMessage[] {
  let lastModel: string | undefined;
  const out: VisibleMessage[] = [];
  for (const { info, parts } of messages) {
    let modelChanged = false;
    if (info.role === "assistant") {
      const key = modelKey(info);
      modelChanged = key !== lastModel;
      if (parts.length) lastModel = key;
    }
    let firstStep = true;
    const shown = parts.filter((part) => {
      const visible = isPartVisible(part, { modelChanged, firstStep });
      if (part.type === "step-start") firstStep = false;
      return visible;
    });
    const hasContent = shown.some((p) => !FRAMING.has(p.type));
    if (!hasContent && !info.error) continue;
    out.push({ info, parts: shown });
  }
  return out;
}

export type Turn = { id: string; user: VisibleMessage | null; steps: VisibleMessage[] };

/** Groups messages into turns: a user prompt followed by the assistant messages that answer it. */
export function groupTurns(messages: VisibleMessage[]): Turn[] {
  const turns: Turn[] = [];
  for (const m of messages) {
    if (m.info.role === "user" || turns.length === 0) {
      turns.push({ id: m.info.id, user: m.info.role === "user" ? m : null, steps: m.info.role === "user" ? [] : [m] });
    } else {
      turns[turns.length - 1].steps.push(m);
    }
  }
  return turns;
}
