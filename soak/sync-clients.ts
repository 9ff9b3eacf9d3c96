// Synthetic OpenCode clients for the soak: each owns one share and syncs batches of new messages and
// parts, remembering exactly what the server acknowledged (2xx) and the versions it answered. Every
// batch writes fresh keys only, so an acknowledged item has exactly one right value, whatever
// happened to the syncs in flight around it.

export type Share = { id: string; secret: string };
type Item = { type: string; data: Record<string, unknown> };

export const keyOf = (item: Item) =>
  item.type === "message" ? `message/${item.data.id}` : item.type === "part" ? `part/${item.data.messageID}/${item.data.id}` : item.type;

export class SyncClient {
  /** key -> the exact JSON text of the item the server acknowledged. */
  readonly acked = new Map<string, string>();
  /** Highest version any 2xx sync answered. */
  lastVersion = 0;
  attempts = 0;
  ok = 0;
  /** Non-2xx answers by status, and failures without an answer ("network"). */
  readonly failures = new Map<string, number>();
  /** Every version a 2xx sync answered, in order. */
  readonly versions: number[] = [];
  /** Every answer: when its request was sent, its status (or "network"), its error code if any, and how long it took. */
  readonly answers: { at: number; status: number | "network"; code?: string; ms: number }[] = [];
  /** Non-2xx answers outside the error model {"error": {code, message}}. */
  readonly badAnswers: string[] = [];
  /** Versions that went backwards or repeated within this client's acknowledged syncs. */
  readonly versionProblems: string[] = [];
  /** Whether the first batch carries the session item (only one writer of a share may send it). */
  sendsSession = true;
  private batch = 0;

  constructor(
    readonly name: string,
    public share: Share,
    private readonly sessionID = `ses_${name}`,
  ) {}

  static async create(baseURL: string, name: string): Promise<SyncClient> {
    const res = await fetch(`${baseURL}/api/share`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ sessionID: `ses_${name}` }),
    });
    if (res.status !== 201) throw new Error(`create share for ${name}: ${res.status} ${await res.text()}`);
    const { id, secret } = (await res.json()) as Share;
    return new SyncClient(name, { id, secret });
  }

  /** The next batch: one message and `parts` parts, all under new keys; the first also sends the session. */
  nextBatch(parts = 2, textBytes = 200): Item[] {
    const n = this.batch++;
    const now = 1_760_000_000_000 + n;
    const messageID = `msg_${this.name}_${String(n).padStart(6, "0")}`;
    const items: Item[] = [];
    if (n === 0 && this.sendsSession) items.push({ type: "session", data: { id: this.sessionID, title: `soak ${this.name}`, time: { created: now } } });
    items.push({ type: "message", data: { id: messageID, sessionID: this.sessionID, role: n % 2 ? "assistant" : "user", time: { created: now } } });
    for (let p = 0; p < parts; p++) {
      const text = `${this.name} batch ${n} part ${p} ` + "lorem ipsum dolor sit amet ".repeat(Math.ceil(textBytes / 27)).slice(0, textBytes);
      items.push({ type: "part", data: { id: `prt_${this.name}_${n}_${p}`, sessionID: this.sessionID, messageID, type: "text", text } });
    }
    return items;
  }

  /** Sends one batch; records it as acknowledged only on a 2xx answer. Never throws. */
  async sync(baseURL: string, items = this.nextBatch(), signal?: AbortSignal): Promise<number | "network"> {
    this.attempts++;
    const started = Date.now();
    let status: number | "network";
    let code: string | undefined;
    try {
      const res = await fetch(`${baseURL}/api/share/${this.share.id}/sync`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ secret: this.share.secret, data: items }),
        signal,
      });
      status = res.status;
      const text = await res.text();
      if (res.ok) {
        const body = JSON.parse(text) as { version: number; stored: number };
        if (body.stored !== items.length) this.versionProblems.push(`${this.name}: stored ${body.stored} of ${items.length}`);
        if (body.version <= this.lastVersion) this.versionProblems.push(`${this.name}: version ${body.version} after ${this.lastVersion}`);
        this.lastVersion = Math.max(this.lastVersion, body.version);
        for (const item of items) this.acked.set(keyOf(item), JSON.stringify(item));
        this.ok++;
        this.versions.push(body.version);
      } else {
        try {
          const err = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
          if (typeof err?.code !== "string" || typeof err.message !== "string") throw new Error("no error model");
          code = err.code;
        } catch {
          this.badAnswers.push(`${this.name}: ${status} ${text.slice(0, 120)}`);
        }
      }
    } catch {
      status = "network";
    }
    this.answers.push({ at: started, status, code, ms: Date.now() - started });
    if (status === "network" || status >= 300) this.failures.set(String(status), (this.failures.get(String(status)) ?? 0) + 1);
    return status;
  }
}

export type Verification = { share: string; acked: number; missing: string[]; changed: string[]; status: number };

/** Every acknowledged item of `client` is in GET /api/share/:id/data, byte for byte. */
export async function verifyAcked(baseURL: string, client: SyncClient): Promise<Verification> {
  const res = await fetch(`${baseURL}/api/share/${client.share.id}/data`);
  const result: Verification = { share: client.share.id, acked: client.acked.size, missing: [], changed: [], status: res.status };
  if (res.status !== 200) {
    result.missing = [...client.acked.keys()];
    return result;
  }
  const stored = new Map<string, string>();
  for (const item of (await res.json()) as Item[]) stored.set(keyOf(item), JSON.stringify(item));
  for (const [key, json] of client.acked) {
    const have = stored.get(key);
    if (have === undefined) result.missing.push(key);
    else if (have !== json) result.changed.push(key);
  }
  return result;
}

/** Runs `clients` syncing back to back (with `pauseMs` between syncs) until `stop` aborts. */
export async function syncUntil(baseURL: string, clients: SyncClient[], stop: AbortSignal, pauseMs = 0): Promise<void> {
  await Promise.all(
    clients.map(async (client) => {
      while (!stop.aborted) {
        const started = Date.now();
        await client.sync(baseURL, undefined, undefined);
        const wait = pauseMs - (Date.now() - started);
        if (wait > 0 && !stop.aborted) await new Promise((r) => setTimeout(r, wait));
      }
    }),
  );
}
