// A Claude Code session (~/.claude/projects/<project>/<session>.jsonl) as an OpenCode session.
// Mapping (also in the README): user and assistant text -> text parts; thinking -> reasoning;
// tool_use + its tool_result -> one tool part (see claude-tools.mjs); images -> file parts; a
// sidechain (a subagent's own conversation) -> a subtask part with its prompt, then assistant
// messages of agent "sidechain"; a compact boundary -> a compaction part, and the compact summary
// -> an assistant summary message; a summary line -> the session title. Bookkeeping lines
// (file-history-snapshot, queue-operation) carry no conversation. Anything else is kept as an
// unknown part and counted.
import { SessionBuilder, epoch } from "./builder.mjs";
import { completedMetadata, mapClaudeTool, toolTitle } from "./claude-tools.mjs";

const BOOKKEEPING = new Set(["file-history-snapshot", "queue-operation"]);
const FINISH = { tool_use: "tool-calls", end_turn: "stop", max_tokens: "length", stop_sequence: "stop" };
const EXT = { "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp" };

/** Whether `lines` (parsed JSON values) look like a Claude Code session. */
export function isClaudeCode(values) {
  return values.some((v) => v && typeof v === "object" && typeof v.sessionId === "string" && (v.type === "user" || v.type === "assistant"));
}

/** @param {string} text @param {{file?: string}} [opts] */
export function convertClaudeCode(text, opts = {}) {
  const lines = text
    .split("\n")
    .map((raw, i) => ({ n: i + 1, raw }))
    .filter((l) => l.raw.trim() !== "");
  const entries = lines.map((l) => {
    try {
      return { ...l, value: JSON.parse(l.raw) };
    } catch {
      return { ...l, value: undefined };
    }
  });
  const values = entries.map((e) => e.value).filter((v) => v && typeof v === "object");
  const first = (pick) => values.map(pick).find((v) => v !== undefined && v !== null && v !== "");
  const created = first((v) => (typeof v.timestamp === "string" ? epoch(v.timestamp, undefined) : undefined)) ?? Date.now();
  const b = new SessionBuilder({
    agent: "claude-code",
    sourceId: first((v) => v.sessionId) ?? opts.file ?? "claude-code",
    directory: first((v) => v.cwd),
    version: first((v) => v.version),
    created,
    providerID: "anthropic",
    modelID: first((v) => (v.type === "assistant" && v.message?.model !== "<synthetic>" ? v.message?.model : undefined)) ?? "claude",
  });
  const uuids = new Set(values.map((v) => v.uuid).filter(Boolean));
  /** @type {Map<string, any>} tool_use id -> tool part */
  const tools = new Map();
  /** @type {Map<string, any>} API message id -> assistant message */
  const responses = new Map();
  let title;
  let lastTime = created;
  let skipped = 0;

  for (const { n, raw, value } of entries) {
    if (!value || typeof value !== "object") {
      b.keepUnknown("claude-code", n, raw, lastTime);
      continue;
    }
    const t = epoch(value.timestamp, lastTime);
    lastTime = t;
    if (value.type === "summary" && typeof value.summary === "string") {
      // Claude Code names a conversation by the summary of its last leaf; leaves of other files do not count.
      if (!value.leafUuid || uuids.has(value.leafUuid) || title === undefined) title = value.summary;
    } else if (BOOKKEEPING.has(value.type)) skipped++;
    else if (value.type === "system") system(value, n, t);
    else if (value.type === "user" && value.message) user(value, n, t);
    else if (value.type === "assistant" && value.message) assistant(value, n, t);
    else b.keepUnknown("claude-code", n, value, t);
  }

  for (const part of tools.values()) {
    if (part.state.status !== "pending") continue;
    const time = { start: part.state.time.start, end: part.state.time.start };
    part.state = {
      status: "error",
      input: part.state.input,
      error: "No result was recorded for this call: the session ended before it returned.",
      metadata: {},
      time,
    };
  }
  if (title) b.session.title = title;
  const items = b.items();
  return { items, unknown: b.unknown, skipped, sessionID: b.sessionID, title: b.session.title };

  function system(value, n, t) {
    if (value.subtype === "compact_boundary") {
      const msg = b.user(t);
      b.part(msg, {
        type: "compaction",
        auto: value.compactMetadata?.trigger === "auto",
        ...(value.compactMetadata ? { metadata: value.compactMetadata } : {}),
      });
    } else if (typeof value.content === "string" && value.content.trim()) {
      const msg = b.ensure("assistant", t);
      b.part(msg, { type: "text", text: value.content, metadata: { claudeSystem: value.subtype ?? "system", level: value.level } });
    } else b.keepUnknown("claude-code", n, value, t);
  }

  function user(value, n, t) {
    const content = value.message.content;
    if (value.isCompactSummary) {
      const msg = b.assistant(t, { summary: true });
      b.part(msg, { type: "text", text: textOf(content) });
      return;
    }
    const blocks = typeof content === "string" ? [{ type: "text", text: content }] : Array.isArray(content) ? content : null;
    if (!blocks) return void b.keepUnknown("claude-code", n, value, t);
    let msg = null;
    const target = () => {
      if (msg) return msg;
      // A sidechain's prompt is the subagent's, not the user's: it opens a subtask inside the answer.
      msg = value.isSidechain ? b.assistant(t, { agent: "sidechain" }) : b.user(t);
      return msg;
    };
    for (const block of blocks) {
      if (block?.type === "tool_result") toolResult(block, value.toolUseResult, n, t);
      else if (block?.type === "text" && typeof block.text === "string") {
        if (value.isSidechain) b.part(target(), { type: "subtask", prompt: block.text, description: "Subagent conversation", agent: "sidechain" });
        else b.part(target(), { type: "text", text: block.text, ...(value.isMeta ? { synthetic: true } : {}) });
      } else if (block?.type === "image") b.part(target(), imagePart(block.source, target().parts.length));
      else b.keepUnknown("claude-code", n, block, t);
    }
  }

  function assistant(value, n, t) {
    const m = value.message;
    const apiId = m.id ?? value.uuid ?? `line-${n}`;
    let msg = responses.get(apiId);
    if (!msg) {
      msg = b.assistant(t, { modelID: typeof m.model === "string" ? m.model : undefined, agent: value.isSidechain ? "sidechain" : "main" });
      responses.set(apiId, msg);
    } else b.current = msg;
    const u = m.usage;
    if (u)
      msg.info.tokens = {
        input: u.input_tokens ?? 0,
        output: u.output_tokens ?? 0,
        reasoning: 0,
        cache: { read: u.cache_read_input_tokens ?? 0, write: u.cache_creation_input_tokens ?? 0 },
      };
    if (m.stop_reason) msg.info.finish = FINISH[m.stop_reason] ?? m.stop_reason;
    if (t > msg.info.time.completed) msg.info.time.completed = t;
    const blocks = typeof m.content === "string" ? [{ type: "text", text: m.content }] : Array.isArray(m.content) ? m.content : [];
    for (const block of blocks) {
      if (block?.type === "text") b.part(msg, { type: "text", text: String(block.text ?? ""), time: { start: t, end: t } });
      else if (block?.type === "thinking") b.part(msg, { type: "reasoning", text: String(block.thinking ?? ""), time: { start: t, end: t } });
      else if (block?.type === "redacted_thinking")
        b.part(msg, { type: "reasoning", text: "(Thinking redacted by the provider.)", time: { start: t, end: t } });
      else if (block?.type === "tool_use") {
        const { tool, input } = mapClaudeTool(block.name, block.input);
        const part = b.part(msg, {
          type: "tool",
          callID: String(block.id ?? `call-${n}`),
          tool,
          state: { status: "pending", input, raw: JSON.stringify(block.input ?? {}), time: { start: t } },
        });
        tools.set(part.callID, part);
      } else b.keepUnknown("claude-code", n, block, t);
    }
    if (value.isApiErrorMessage) msg.info.error = { name: "APIError", data: { message: textOf(m.content), isRetryable: false } };
  }

  function toolResult(block, result, n, t) {
    const part = tools.get(String(block.tool_use_id));
    if (!part) return void b.keepUnknown("claude-code", n, block, t);
    const output = textOf(block.content);
    const input = part.state.input;
    const time = { start: part.state.time.start, end: Math.max(t, part.state.time.start) };
    const images = (Array.isArray(block.content) ? block.content : []).filter((c) => c?.type === "image");
    if (block.is_error) {
      part.state = { status: "error", input, error: output, metadata: {}, time };
      return;
    }
    const attachments = images.map((img, i) => ({ id: b.nextId("prt"), sessionID: b.sessionID, messageID: part.messageID, ...imagePart(img.source, i) }));
    part.state = {
      status: "completed",
      input,
      output,
      title: toolTitle(part.tool, input),
      metadata: completedMetadata(part.tool, input, output, result),
      time,
      ...(attachments.length ? { attachments } : {}),
    };
  }
}

/** The text of a string or of a block list's text blocks. */
function textOf(content) {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .filter((c) => c?.type === "text")
    .map((c) => String(c.text ?? ""))
    .join("\n");
}

function imagePart(source, n) {
  const mime = typeof source?.media_type === "string" ? source.media_type : "image/png";
  const url = source?.type === "base64" ? `data:${mime};base64,${source.data ?? ""}` : String(source?.url ?? "");
  return { type: "file", mime, url, filename: `image-${n + 1}.${EXT[mime] ?? "bin"}` };
}
