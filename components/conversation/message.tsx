// One message: who, when, with which agent/model, its visible parts, and its error if any.
import type { VisibleMessage } from "@/lib/view/visible-parts";
import { formatCost, formatDate, formatDuration, isoTime } from "@/lib/view/format";
import { CopyLinkButton } from "../blocks/copy-link-button";
import { MessageError } from "./message-error";
import { Part, type PartContext } from "./part";

export function Message({ message, ctx }: { message: VisibleMessage; ctx: Omit<PartContext, "message"> }) {
  const { info, parts } = message;
  const user = info.role === "user";
  const summary = info.summary === true;
  const took = info.time.completed ? info.time.completed - info.time.created : undefined;
  const who = user ? "You" : summary ? "Compaction summary" : info.role === "assistant" ? "Assistant" : info.role;
  return (
    <article
      className={`message message-${user ? "user" : info.role === "assistant" ? "assistant" : "other"}${summary ? " message-summary" : ""}`}
      id={info.id}
      data-testid="message"
      data-role={info.role}
      aria-label={`${who} message`}
    >
      <div className="message-head">
        <span className="message-who">{who}</span>
        {info.agent && !user && info.agent !== "build" && <span className="badge">{info.agent}</span>}
        <time dateTime={isoTime(info.time.created)} className="message-time">
          {formatDate(info.time.created).split(", ")[1]}
        </time>
        {!user && took !== undefined && took >= 1000 && <span className="muted">{formatDuration(took)}</span>}
        {!user && typeof info.cost === "number" && info.cost > 0 && <span className="muted">{formatCost(info.cost)}</span>}
        <CopyLinkButton anchor={info.id} label={`this ${user ? "prompt" : "message"}`} />
      </div>
      {/* The parts sit in the article itself: a body wrapper would be one more element per message. */}
      {parts.map((part) => (
        <Part key={part.id} part={part} ctx={{ ...ctx, message: info }} />
      ))}
      {info.error && <MessageError error={info.error} />}
    </article>
  );
}
