// Which agent a shared session came from. OpenCode clients send no such field; the `parley` CLI sets
// `source: {agent: "claude-code" | "codex", ...}` on the session item it uploads (an unknown field, so
// it passes validation and is stored as sent). Unknown values fall back to OpenCode.
import type { Session } from "../schema";

const LABELS: Record<string, string> = { opencode: "OpenCode", "claude-code": "Claude Code", codex: "Codex" };

/** The agent's id: "opencode", "claude-code" or "codex". */
export function sourceAgent(session: Session | null | undefined): string {
  const source = (session as { source?: unknown } | null | undefined)?.source;
  const agent = typeof source === "string" ? source : source && typeof source === "object" ? (source as { agent?: unknown }).agent : undefined;
  return typeof agent === "string" && Object.hasOwn(LABELS, agent) ? agent : "opencode";
}

/** "OpenCode", "Claude Code" or "Codex". */
export function sourceLabel(session: Session | null | undefined): string {
  return LABELS[sourceAgent(session)];
}
