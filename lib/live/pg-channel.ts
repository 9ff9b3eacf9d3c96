// Live follow across instances on PostgreSQL: every instance LISTENs on one channel, on a connection
// of its own (never one of the store's pool, which would hand it back and lose the LISTEN), and the
// instance that answered a sync or an unshare sends NOTIFY on it. The payload is the share id alone:
// a notification is a hint, and each instance that has readers of that share reads the version (or
// the tombstone) from the store, which stays the one truth. A lost connection (a database restart,
// a failover) is opened again with backoff; what was missed meanwhile is caught up by asking the hub
// to re-read every watched share (and by the heartbeat's re-read in any case).
import "server-only";
import pg from "pg";
import { getLogger } from "../ops/logger";
import { dbErrors } from "../ops/metrics";

export const CHANNEL = "parley_share_changed";
const BACKOFF_MS = [250, 500, 1000, 2000, 5000];

export class PgChannel {
  private client: pg.Client | null = null;
  private attempt = 0;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  // A client reports its loss once (both 'error' and 'end' may fire), so one reconnect runs at a time.
  private readonly dead = new WeakSet<pg.Client>();

  constructor(
    private readonly connectionString: string,
    /** A share changed on any instance (this one's own notifications are skipped: it knows). */
    private readonly onChange: (shareId: string) => void,
    /** The LISTEN is (again) in place: anything missed while it was not must be re-read. */
    private readonly onListening: () => void,
  ) {}

  start(): void {
    void this.connect();
  }

  /** Tells every instance; false when the connection is down (the heartbeat's re-read covers it). */
  async notify(shareId: string): Promise<boolean> {
    const client = this.client;
    if (!client) return false;
    try {
      await client.query("SELECT pg_notify($1, $2)", [CHANNEL, shareId]);
      return true;
    } catch {
      return false;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.client?.end().catch(() => {});
    this.client = null;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: 10_000 });
    client.on("error", (err) => this.lost(client, err));
    client.on("end", () => this.lost(client, new Error("connection ended")));
    client.on("notification", (msg) => {
      if (msg.channel === CHANNEL && msg.payload && msg.processId !== (client as unknown as { processID: number }).processID) this.onChange(msg.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      this.lost(client, err as Error);
      return;
    }
    if (this.stopped) return void client.end().catch(() => {});
    this.client = client;
    this.attempt = 0;
    getLogger().info("live follow: listening for share changes on PostgreSQL");
    this.onListening();
  }

  private lost(client: pg.Client, err: Error): void {
    if (this.stopped || this.dead.has(client)) return;
    this.dead.add(client);
    if (this.client !== null && this.client !== client) return;
    this.client = null;
    dbErrors.inc({ op: "listen" });
    const wait = BACKOFF_MS[Math.min(this.attempt++, BACKOFF_MS.length - 1)];
    getLogger().warn(`live follow: the PostgreSQL LISTEN connection failed (${err.message}); trying again in ${wait} ms`);
    client.end().catch(() => {});
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connect();
    }, wait);
    this.timer.unref();
  }
}
