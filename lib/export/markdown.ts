// A share as Markdown that reads well pasted into a pull request or an issue: a heading per turn,
// each tool call as a fenced block with its command or path, long outputs cut with a note and a
// link to the full text. Shows what the page shows (visibleMessages), nothing the page hides.
import type { Conversation } from "../view/conversation";
import { groupTurns, visibleMessages, type AnyPart, type VisibleMessage } from "../view/visible-parts";
import { sessionStats } from "../view/session-stats";
import { rec, str } from "../view/tool-data";
import { toolMarkdown } from "./markdown-tools";
import { fence } from "./markdown-text";

export type MarkdownOptions = { shareUrl: string; origin: string; shareId: string };

export function shareToMarkdown(conversation: Conversation, options: MarkdownOptions): string {
  const stats = sessionStats(conversation);
  const title = conversation.session?.title?.trim() || "Untitled session";
  const out: string[] = [`# ${oneLine(title)}`, ""];
  const facts = [`${stats.source} session`, `${stats.messages} messages`, ...stats.models];
  if (stats.created !== undefined) facts.push(new Date(stats.created).toISOString().slice(0, 10));
  out.push(`${facts.join(" · ")}  `, `Shared at <${options.shareUrl}>`, "");
  if (stats.files.length > 0) {
    out.push("**Files changed:** " + stats.files.map((f) => `\`${f.path}\` (+${f.additions} −${f.deletions})`).join(", "), "");
  }

  const ctx: Ctx = { ...options, directory: conversation.session?.directory };
  const turns = groupTurns(visibleMessages(conversation.messages));
  turns.forEach((turn, i) => {
    out.push("---", "", `## Turn ${i + 1}`, "");
    if (turn.user) out.push("### User", "", ...messageMarkdown(turn.user, ctx));
    if (turn.steps.length) out.push(`### ${stats.source}`, "");
    for (const step of turn.steps) out.push(...messageMarkdown(step, ctx));
  });
  return (
    out
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd() + "\n"
  );
}

const oneLine = (s: string) => s.replace(/\s+/g, " ");
type Ctx = MarkdownOptions & { directory?: string };

function messageMarkdown(message: VisibleMessage, options: Ctx): string[] {
  const out: string[] = [];
  for (const part of message.parts) out.push(...partMarkdown(part, options), "");
  const error = message.info.error;
  if (error) out.push(`> **Error (${error.name}):** ${oneLine(error.data?.message ?? "")}`, "");
  return out;
}

function partMarkdown(part: AnyPart, options: Ctx): string[] {
  const p = part as AnyPart & Record<string, unknown>;
  switch (part.type) {
    case "text":
      return [String(p.text).trim()];
    case "reasoning":
      return ["<details><summary>Thinking</summary>", "", String(p.text).trim(), "", "</details>"];
    case "tool":
      return toolMarkdown(p as never, options);
    case "file": {
      const name = str(p, "filename") ?? "attachment";
      const url = `${options.origin}/s/${options.shareId}/file/${part.id}`;
      return [`📎 [${name.replace(/[[\]]/g, "")}](${url}) (${str(p, "mime") ?? "file"})`];
    }
    case "compaction":
      return ["_— The conversation above was compacted here. —_"];
    case "subtask":
      return [`**Subtask** (${str(p, "agent") ?? "agent"}): ${oneLine(str(p, "description") ?? "")}`, ...fence(str(p, "prompt") ?? "", "text")];
    case "agent":
      return [`**Agent:** @${str(p, "name") ?? ""}`];
    case "retry":
      return [`_Retry ${String(p.attempt)}: ${oneLine(str(rec(rec(p.error).data), "message") ?? "")}_`];
    case "step-start":
    case "step-finish":
    case "snapshot":
    case "patch":
      return [];
    default: {
      const { id: _i, sessionID: _s, messageID: _m, type, ...rest } = p;
      return [`_Unrecognised item \`${type}\`:_`, ...fence(JSON.stringify(rest, null, 2), "json")];
    }
  }
}
