// Whether `npm start` makes the demo share (the recorded "tour" session). A first-time user on the
// defaults gets a link to open; an operator never finds a stranger's conversation in production. Pure,
// so every case is a unit test; lib/ops/demo-share.ts gathers the facts and does the work.

export type DemoFacts = {
  /** PARLEY_DEMO (false when "off"). */
  enabled: boolean;
  /** DATABASE_URL is set: PostgreSQL. */
  postgres: boolean;
  /** PARLEY_DATA_DIR was set: an operator chose where the data lives, so this is not a trial run. */
  dataDirChosen: boolean;
  /** Ids of the shares (tombstones too) already in the SQLite file, before the server started. */
  existingShares: string[];
  /** The demo this directory made before (demo-share.json), if any. */
  recordedDemo: { id: string } | null;
};

export type DemoDecision = { action: "make" } | { action: "reuse"; id: string } | { action: "skip"; reason: string };

export function decideDemo(facts: DemoFacts): DemoDecision {
  if (!facts.enabled) return { action: "skip", reason: "PARLEY_DEMO=off" };
  if (facts.postgres) return { action: "skip", reason: "the database is PostgreSQL" };
  if (facts.dataDirChosen) return { action: "skip", reason: "PARLEY_DATA_DIR is set (not the default SQLite database)" };
  const demoId = facts.recordedDemo?.id;
  const others = facts.existingShares.filter((id) => id !== demoId);
  if (others.length > 0) return { action: "skip", reason: "the data directory already holds shares" };
  if (demoId && facts.existingShares.includes(demoId)) return { action: "reuse", id: demoId };
  return { action: "make" };
}

/** The URL printed for the demo: the public origin when PARLEY_PUBLIC_URL is set, else localhost. */
export function demoUrl(id: string, publicUrl: string | undefined, port: number): string {
  return `${publicUrl ?? `http://localhost:${port}`}/s/${id}`;
}

/** Where this machine reaches the server it runs: loopback when it listens on every interface. */
export function localServerUrl(host: string, port: number): string {
  const h = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return `http://${h.includes(":") ? `[${h}]` : h}:${port}`;
}
