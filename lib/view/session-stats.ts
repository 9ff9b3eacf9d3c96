// The numbers in the page header: models, agents, totals and the files the session changed.
import type { Conversation } from "./conversation";
import { changedFiles, type ChangedFile } from "./changed-files";
import { modelNames } from "./model-names";
import { sourceLabel } from "./source-agent";

// Where the changed files used to live; their one source is changed-files.ts.
export { changedFiles, fileAnchor, type ChangedFile } from "./changed-files";

export type TokenTotals = { input: number; output: number; reasoning: number; cacheRead: number; cacheWrite: number };
export type SessionStats = {
  /** The agent the session came from: "OpenCode", "Claude Code", "Codex". */
  source: string;
  created?: number;
  updated?: number;
  models: string[];
  agents: string[];
  version?: string;
  messages: number;
  toolCalls: number;
  tokens: TokenTotals;
  cost: number;
  wallMs?: number;
  files: ChangedFile[];
};

const n = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

export function sessionStats(c: Conversation): SessionStats {
  const msgs = c.messages.map((m) => m.info);
  const assistants = msgs.filter((m) => m.role === "assistant");
  const uniq = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];

  const summed = assistants.reduce<TokenTotals>(
    (t, m) => ({
      input: t.input + n(m.tokens?.input),
      output: t.output + n(m.tokens?.output),
      reasoning: t.reasoning + n(m.tokens?.reasoning),
      cacheRead: t.cacheRead + n(m.tokens?.cache?.read),
      cacheWrite: t.cacheWrite + n(m.tokens?.cache?.write),
    }),
    { input: 0, output: 0, reasoning: 0, cacheRead: 0, cacheWrite: 0 },
  );
  const st = c.session?.tokens;
  const tokens = st
    ? { input: n(st.input), output: n(st.output), reasoning: n(st.reasoning), cacheRead: n(st.cache?.read), cacheWrite: n(st.cache?.write) }
    : summed;

  const starts = msgs.map((m) => m.time.created);
  const ends = msgs.map((m) => m.time.completed ?? m.time.created);
  const wallMs = starts.length ? Math.max(...ends) - Math.min(...starts) : undefined;

  return {
    source: sourceLabel(c.session),
    created: c.session?.time.created ?? (starts.length ? Math.min(...starts) : undefined),
    updated: c.session?.time.updated ?? (ends.length ? Math.max(...ends) : undefined),
    models: modelNames(c),
    agents: uniq(msgs.map((m) => m.agent ?? m.mode)),
    version: c.session?.version,
    messages: msgs.length,
    toolCalls: c.messages.reduce((k, m) => k + m.parts.filter((p) => p.type === "tool").length, 0),
    tokens,
    cost: c.session?.cost ?? assistants.reduce((s, m) => s + n(m.cost), 0),
    wallMs,
    files: changedFiles(c),
  };
}
