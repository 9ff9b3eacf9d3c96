// A Codex CLI session (~/.codex/sessions/YYYY/MM/DD/rollout-*.jsonl) as an OpenCode session.
// Lines are {timestamp, type, payload}. Mapping (also in the README): session_meta -> the session;
// turn_context -> the model of the answers that follow; model output after tool results -> a new
// assistant message (one per model call, as OpenCode steps); response_item message -> user or assistant
// text (the environment and instruction preambles Codex injects are kept as hidden synthetic text);
// reasoning -> reasoning (its summary); function_call / custom_tool_call / local_shell_call / web_search_call
// with their *_output -> one tool part (see codex-tools.mjs); input_image -> a file part; compacted ->
// a compaction part and an assistant summary message; event_msg token_count -> the answer's tokens,
// turn_aborted and error -> the answer's error. The other event_msg lines repeat what the response
// items already hold. Anything else is kept as an unknown part and counted.
import { SessionBuilder, epoch } from "./builder.mjs";
import { codexMetadata, mapCodexTool, parseCallOutput } from "./codex-tools.mjs";
import { toolTitle } from "./claude-tools.mjs";

// event_msg types that only echo response items or report progress.
const ECHO_EVENTS = new Set([
  "user_message",
  "agent_message",
  "agent_reasoning",
  "agent_reasoning_raw_content",
  "agent_reasoning_section_break",
  "task_started",
  "task_complete",
  "turn_started",
  "turn_complete",
  "exec_command_begin",
  "exec_command_end",
  "exec_command_output_delta",
  "patch_apply_begin",
  "patch_apply_end",
  "turn_diff",
  "mcp_tool_call_begin",
  "mcp_tool_call_end",
  "web_search_begin",
  "web_search_end",
  "background_event",
  "plan_update",
  "context_compacted",
  "item_started",
  "item_completed",
  "view_image_tool_call",
  "stream_error",
  "entered_review_mode",
  "exited_review_mode",
]);
const PREAMBLE = /^\s*<(environment_context|user_instructions|permissions instructions|INSTRUCTIONS)>/;

export function isCodex(values) {
  return values.some((v) => v && typeof v === "object" && v.type === "session_meta" && v.payload && typeof v.payload === "object");
}

/** @param {string} text @param {{file?: string}} [opts] */
export function convertCodex(text, opts = {}) {
  const entries = text
    .split("\n")
    .map((raw, i) => ({ n: i + 1, raw }))
    .filter((l) => l.raw.trim() !== "")
    .map((l) => {
      try {
        return { ...l, value: JSON.parse(l.raw) };
      } catch {
        return { ...l, value: undefined };
      }
    });
  const meta = entries.find((e) => e.value?.type === "session_meta")?.value?.payload ?? {};
  const firstModel = entries.find((e) => e.value?.type === "turn_context" && typeof e.value.payload?.model === "string")?.value.payload.model;
  const created = epoch(meta.timestamp, epoch(entries.find((e) => e.value?.timestamp)?.value.timestamp, Date.now()));
  const b = new SessionBuilder({
    agent: "codex",
    sourceId: String(meta.id ?? opts.file ?? "codex"),
    directory: typeof meta.cwd === "string" ? meta.cwd : undefined,
    version: typeof meta.cli_version === "string" ? meta.cli_version : undefined,
    created,
    providerID: typeof meta.model_provider === "string" ? meta.model_provider : "openai",
    modelID: firstModel ?? "codex",
  });
  /** @type {Map<string, any>} call_id -> tool part */
  const calls = new Map();
  let lastTime = created;
  let skipped = 0;
  // Model output after tool results is the next model call: OpenCode's next step (assistant message).
  let afterResults = false;
  const step = (t) => {
    if (afterResults && b.current?.info.role === "assistant") {
      afterResults = false;
      return b.assistant(t);
    }
    afterResults = false;
    return b.ensure("assistant", t);
  };

  for (const { n, raw, value } of entries) {
    if (!value || typeof value !== "object" || typeof value.type !== "string") {
      b.keepUnknown("codex", n, value ?? raw, lastTime);
      continue;
    }
    const t = epoch(value.timestamp, lastTime);
    lastTime = t;
    const p = value.payload ?? {};
    if (value.type === "session_meta") skipped++;
    else if (value.type === "turn_context") {
      if (typeof p.model === "string") b.modelID = p.model;
      if (typeof p.cwd === "string" && !b.directory) b.directory = p.cwd;
    } else if (value.type === "response_item") responseItem(p, n, t);
    else if (value.type === "compacted") {
      b.part(b.user(t), { type: "compaction", auto: true });
      b.part(b.assistant(t, { summary: true }), { type: "text", text: String(p.message ?? "") });
    } else if (value.type === "event_msg") event(p, n, t);
    else b.keepUnknown("codex", n, value, t);
  }

  for (const part of calls.values()) {
    if (part.state.status !== "pending") continue;
    part.state = {
      status: "error",
      input: part.state.input,
      error: "No result was recorded for this call: the session ended before it returned.",
      metadata: {},
      time: { start: part.state.time.start, end: part.state.time.start },
    };
  }
  const items = b.items();
  return { items, unknown: b.unknown, skipped, sessionID: b.sessionID, title: b.session.title };

  function responseItem(p, n, t) {
    switch (p.type) {
      case "message":
        return message(p, n, t);
      case "reasoning": {
        const texts = [...(Array.isArray(p.summary) ? p.summary : []), ...(Array.isArray(p.content) ? p.content : [])]
          .map((s) => s?.text)
          .filter((s) => typeof s === "string");
        return void b.part(step(t), { type: "reasoning", text: texts.join("\n\n"), time: { start: t, end: t } });
      }
      case "function_call":
      case "custom_tool_call": {
        let args = p.arguments ?? p.input;
        if (p.type === "function_call" && typeof args === "string") {
          try {
            args = JSON.parse(args);
          } catch {
            args = { arguments: args };
          }
        }
        return startCall(p.call_id ?? p.id, p.name, args, t);
      }
      case "local_shell_call":
        return startCall(
          p.call_id ?? p.id,
          "local_shell",
          { command: p.action?.command, workdir: p.action?.working_directory, timeout_ms: p.action?.timeout_ms },
          t,
        );
      case "web_search_call": {
        const part = startCall(p.id ?? `search-${n}`, "web_search", { query: p.action?.query ?? "" }, t);
        return finishCall(part, { text: "", exit: undefined, failed: p.status === "failed" }, t);
      }
      case "function_call_output":
      case "custom_tool_call_output": {
        const part = calls.get(String(p.call_id));
        if (!part) return void b.keepUnknown("codex", n, p, t);
        afterResults = true;
        return finishCall(part, parseCallOutput(p.output), t);
      }
      default:
        b.keepUnknown("codex", n, p, t);
    }
  }

  function message(p, n, t) {
    const content = Array.isArray(p.content) ? p.content : [];
    if (p.role === "assistant") {
      const msg = step(t);
      for (const c of content) {
        if (typeof c?.text === "string") b.part(msg, { type: "text", text: c.text, time: { start: t, end: t } });
        else b.keepUnknown("codex", n, c, t);
      }
      return;
    }
    if (p.role !== "user" && p.role !== "developer" && p.role !== "system") return void b.keepUnknown("codex", n, p, t);
    // Injected context (environment, AGENTS.md, developer instructions) is kept but hidden, as OpenCode
    // hides its own synthetic text.
    const hidden = p.role !== "user" || content.every((c) => typeof c?.text !== "string" || PREAMBLE.test(c.text));
    const msg = hidden && b.current?.info.role === "user" ? b.current : b.user(t);
    content.forEach((c, i) => {
      if (typeof c?.text === "string") b.part(msg, { type: "text", text: c.text, ...(hidden || PREAMBLE.test(c.text) ? { synthetic: true } : {}) });
      else if (c?.type === "input_image" && typeof c.image_url === "string") {
        const mime = /^data:([^;,]+)/.exec(c.image_url)?.[1] ?? "image/png";
        b.part(msg, { type: "file", mime, url: c.image_url, filename: `image-${i + 1}.${mime.split("/")[1] ?? "bin"}` });
      } else b.keepUnknown("codex", n, c, t);
    });
  }

  function startCall(callId, name, args, t) {
    const { tool, input } = mapCodexTool(name, args);
    const part = b.part(step(t), {
      type: "tool",
      callID: String(callId),
      tool,
      state: { status: "pending", input, raw: typeof args === "string" ? args : JSON.stringify(args ?? {}), time: { start: t } },
    });
    calls.set(part.callID, part);
    return part;
  }

  function finishCall(part, out, t) {
    const input = part.state.input;
    const time = { start: part.state.time.start, end: Math.max(t, part.state.time.start) };
    // A failed command is a completed call with its exit code (as in OpenCode); a tool that failed is an error.
    if (out.failed || (part.tool !== "bash" && out.exit !== undefined && out.exit !== 0)) {
      part.state = { status: "error", input, error: out.text, metadata: {}, time };
      return;
    }
    part.state = {
      status: "completed",
      input,
      output: out.text,
      title: toolTitle(part.tool, input),
      metadata: codexMetadata(part.tool, input, out.text, out.exit),
      time,
    };
  }

  function event(p, n, t) {
    if (p.type === "token_count") {
      const u = p.info?.last_token_usage;
      const msg = b.current?.info.role === "assistant" ? b.current : null;
      if (u && msg) {
        const k = msg.info.tokens;
        k.input += (u.input_tokens ?? 0) - (u.cached_input_tokens ?? 0);
        k.output += (u.output_tokens ?? 0) - (u.reasoning_output_tokens ?? 0);
        k.reasoning += u.reasoning_output_tokens ?? 0;
        k.cache.read += u.cached_input_tokens ?? 0;
        msg.info.time.completed = Math.max(msg.info.time.completed, t);
      }
    } else if (p.type === "turn_aborted" || p.type === "error") {
      const msg = b.ensure("assistant", t);
      msg.info.error =
        p.type === "turn_aborted"
          ? { name: "MessageAbortedError", data: { message: `The turn was aborted (${p.reason ?? "interrupted"}).` } }
          : { name: "UnknownError", data: { message: String(p.message ?? "error") } };
    } else if (ECHO_EVENTS.has(p.type)) skipped++;
    else b.keepUnknown("codex", n, p, t);
  }
}
