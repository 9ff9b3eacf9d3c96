// Builds an OpenCode session (the share API's Data[] items) from another agent's transcript. The
// shapes are the ones OpenCode 1.18 writes itself, complete enough that `opencode import` of the
// share's export accepts them (it requires slug, version, a user message's agent and model, an
// assistant message's path, tokens and cost, a tool state's time).
//
// Ids are derived from the source session id plus a running number, so sharing the same file again
// produces the same keys (a re-share updates items instead of duplicating them), and id order is
// creation order (the viewer sorts parts by id).

/** @typedef {Record<string, any>} Rec */
/** @typedef {{type: string, data: any}} DataItem */

const ID_CHARS = /[^A-Za-z0-9]/g;

/** A stable 20-character key from the source's own session id. */
export function idKey(sourceId) {
  const clean = String(sourceId).replace(ID_CHARS, "");
  return (clean.length >= 8 ? clean : `${clean}00000000`).slice(-20);
}

export class SessionBuilder {
  /**
   * @param {{agent: "claude-code" | "codex" | "opencode", sourceId: string, directory?: string, version?: string,
   *   created: number, providerID: string, modelID: string, file?: string}} opts
   */
  constructor(opts) {
    this.key = idKey(opts.sourceId);
    this.sessionID = `ses_${this.key}`;
    this.providerID = opts.providerID;
    this.modelID = opts.modelID;
    this.directory = opts.directory ?? "";
    this.session = {
      id: this.sessionID,
      slug: `${opts.agent}-${this.key.slice(-8).toLowerCase()}`,
      projectID: "global",
      directory: this.directory,
      title: "",
      version: opts.version ?? "unknown",
      source: { agent: opts.agent, sessionID: opts.sourceId, ...(opts.version ? { version: opts.version } : {}) },
      time: { created: opts.created, updated: opts.created },
    };
    /** @type {{info: Rec, parts: Rec[]}[]} */
    this.messages = [];
    /** @type {Map<string, string>} model id -> provider */
    this.models = new Map();
    this.seq = 0;
    this.unknown = 0;
    /** @type {{info: Rec, parts: Rec[]} | null} */
    this.lastUser = null;
    /** @type {{info: Rec, parts: Rec[]} | null} */
    this.current = null;
  }

  nextId(prefix) {
    this.seq += 1;
    return `${prefix}_${this.key}${String(this.seq).padStart(7, "0")}`;
  }

  touch(time) {
    if (Number.isFinite(time) && time > this.session.time.updated) this.session.time.updated = time;
  }

  /** A new user message; `modelID` is the model the answer used. */
  user(time) {
    const info = {
      id: this.nextId("msg"),
      sessionID: this.sessionID,
      role: "user",
      time: { created: time },
      agent: "main",
      model: { providerID: this.providerID, modelID: this.modelID },
    };
    const msg = { info, parts: [] };
    this.messages.push(msg);
    this.lastUser = msg;
    this.current = msg;
    this.touch(time);
    return msg;
  }

  /** A new assistant message (one model response, OpenCode's "step"). */
  assistant(time, { modelID = this.modelID, agent = "main", summary = false } = {}) {
    this.models.set(modelID, this.providerID);
    const info = {
      id: this.nextId("msg"),
      sessionID: this.sessionID,
      role: "assistant",
      time: { created: time, completed: time },
      parentID: this.lastUser?.info.id ?? "",
      modelID,
      providerID: this.providerID,
      mode: agent,
      agent,
      path: { cwd: this.directory, root: this.directory },
      cost: 0,
      tokens: { input: 0, output: 0, reasoning: 0, cache: { read: 0, write: 0 } },
      ...(summary ? { summary: true } : {}),
    };
    const msg = { info, parts: [] };
    this.messages.push(msg);
    this.current = msg;
    this.touch(time);
    return msg;
  }

  /** The message being written, or a new assistant one when there is none of `role`. */
  ensure(role, time) {
    if (this.current && this.current.info.role === role) return this.current;
    return role === "user" ? this.user(time) : this.assistant(time);
  }

  /** Adds a part to `msg`; returns the part object (kept by reference, so a later tool result can fill it). */
  part(msg, fields) {
    const part = { id: this.nextId("prt"), sessionID: this.sessionID, messageID: msg.info.id, ...fields };
    msg.parts.push(part);
    const end = msg.info.time.completed;
    if (end !== undefined && typeof fields.time?.end === "number" && fields.time.end > end) msg.info.time.completed = fields.time.end;
    return part;
  }

  /** A line the converter did not understand: kept whole as an "unknown" part, and counted. */
  keepUnknown(format, line, value, time) {
    this.unknown += 1;
    const msg = this.current ?? this.assistant(time);
    return this.part(msg, { type: "unknown", format, line, data: value });
  }

  /** Every item a share of this session holds, in sync order. */
  items() {
    if (!this.session.title) this.session.title = defaultTitle(this.messages);
    /** @type {DataItem[]} */
    const out = [{ type: "session", data: this.session }];
    for (const m of this.messages) out.push({ type: "message", data: m.info });
    for (const m of this.messages) for (const p of m.parts) out.push({ type: "part", data: p });
    const models = [...this.models].map(([id, providerID]) => ({ id, providerID, name: id }));
    if (models.length) out.push({ type: "model", data: models });
    return out;
  }
}

/** The first line of the first user text, as OpenCode titles a session it could not summarise. */
export function defaultTitle(messages) {
  for (const m of messages) {
    if (m.info.role !== "user") continue;
    const text = m.parts.find((p) => p.type === "text" && !p.synthetic && typeof p.text === "string" && p.text.trim());
    if (text) {
      const line = text.text.trim().split("\n")[0].replace(/\s+/g, " ");
      return line.length > 80 ? `${line.slice(0, 79)}…` : line;
    }
  }
  return "Untitled session";
}

/** Epoch ms of an ISO time; `fallback` when missing or unreadable. */
export function epoch(iso, fallback) {
  const t = typeof iso === "string" ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : fallback;
}
