// Live follow's hub, in the server's module graph (server.ts owns the sockets): the open event streams
// per share, their caps, one heartbeat for all of them, and what to tell them when a share changes.
// A change is only ever a hint ("share X changed"): the hub reads the share's state from the store
// and announces a version it has not announced yet, with the turns that differ from the last one, or
// "gone". A share nobody watches costs nothing: no entry, no read. A stream that closes is removed at
// once, and the share's entry (its digests) with its last stream.
import "server-only";
import type { ServerResponse } from "node:http";
import { ApiError } from "../http/api";
import { getLogger, shortId } from "../ops/logger";
import { eventStreams } from "../ops/metrics";
import { getShareState } from "../shares/shares";
import { changedTurns, versionDigests, type Digests } from "./digests";

export type HubLimits = { max: number; perShare: number; perClient: number; heartbeatMs: number; idleMs: number };

type Stream = { res: ServerResponse; client: string };
type Watched = { streams: Set<Stream>; version: number; digests: Promise<Digests>; busy: boolean; again: boolean };

// A reader that stops reading (a stalled tab) is cut off rather than buffered for without bound.
const MAX_BUFFERED = 256 * 1024;

export class LiveHub {
  private readonly shares = new Map<string, Watched>();
  private readonly perClient = new Map<string, number>();
  private open = 0;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly limits: HubLimits) {}

  /** Throws the 429/503 ApiError when one more stream for this share from this client is over a cap. */
  admit(shareId: string, client: string): void {
    if (this.open >= this.limits.max)
      throw new ApiError("streams_full", "This server has as many live streams open as it allows; try again later", {}, { "Retry-After": "30" });
    if ((this.shares.get(shareId)?.streams.size ?? 0) >= this.limits.perShare)
      throw new ApiError("too_many_streams", "This share has as many live readers as the server allows", {}, { "Retry-After": "30" });
    if ((this.perClient.get(client) ?? 0) >= this.limits.perClient)
      throw new ApiError("too_many_streams", "This address has as many live streams open as the server allows", {}, { "Retry-After": "30" });
  }

  /** Adds an admitted stream (headers already sent) watching `shareId` at `version`; removed on close. */
  add(shareId: string, version: number, res: ServerResponse, client: string): void {
    let watched = this.shares.get(shareId);
    if (!watched) {
      const digests = versionDigests(shareId, version);
      digests.catch(() => {}); // awaited (and reported) by refresh()
      watched = { streams: new Set(), version, digests, busy: false, again: false };
      this.shares.set(shareId, watched);
    }
    const stream: Stream = { res, client };
    watched.streams.add(stream);
    this.open++;
    this.perClient.set(client, (this.perClient.get(client) ?? 0) + 1);
    eventStreams.set(this.open);
    // The version the gate read for this request: the page compares it with its own.
    this.send(stream, "hello", { version, idleMs: this.limits.idleMs });
    res.once("close", () => this.remove(shareId, stream));
    if (version > watched.version) void this.changed(shareId);
    this.heartbeat ??= setInterval(() => this.beat(), this.limits.heartbeatMs).unref();
  }

  /** A share may have changed (a sync, an unshare, an expiry, here or on another instance). */
  async changed(shareId: string): Promise<void> {
    const watched = this.shares.get(shareId);
    if (!watched) return;
    if (watched.busy) {
      watched.again = true; // a burst of syncs becomes one more read once this one is done
      return;
    }
    watched.busy = true;
    try {
      do {
        watched.again = false;
        await this.refresh(shareId, watched);
      } while (watched.again && this.shares.get(shareId) === watched);
    } catch (error) {
      // The next change or heartbeat tries again; the streams stay open.
      getLogger().warn({ share: shortId(shareId), err: error }, "live follow could not read a share's new state");
    } finally {
      watched.busy = false;
    }
  }

  /** Every watched share, again: after a lost LISTEN connection came back. */
  changedAll(): void {
    for (const id of this.shares.keys()) void this.changed(id);
  }

  /** Ends every stream (shutdown). */
  closeAll(): void {
    for (const watched of this.shares.values()) for (const s of watched.streams) s.res.end();
  }

  private async refresh(shareId: string, watched: Watched): Promise<void> {
    const state = await getShareState(shareId);
    if (state.status !== "live") {
      for (const s of watched.streams) {
        this.send(s, "gone", { reason: state.status === "gone" ? state.reason : "unshared" });
        s.res.end();
      }
      return;
    }
    if (state.share.version <= watched.version) return;
    // A baseline that could not be built (the store failed then) counts every turn as changed.
    const previous = await watched.digests.catch((): Digests => new Map());
    const next = await versionDigests(shareId, state.share.version);
    if (state.share.version <= watched.version) return; // another refresh got further meanwhile
    watched.version = state.share.version;
    watched.digests = Promise.resolve(next);
    const turns = changedTurns(previous, next);
    for (const s of watched.streams) this.send(s, "version", { version: watched.version, turns });
  }

  private beat(): void {
    if (this.open === 0) {
      clearInterval(this.heartbeat);
      this.heartbeat = undefined;
      return;
    }
    for (const [id, watched] of this.shares) {
      for (const s of watched.streams) this.write(s, ": heartbeat\n\n");
      void this.changed(id);
    }
  }

  private send(stream: Stream, event: string, data: unknown): void {
    this.write(stream, `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private write(stream: Stream, text: string): void {
    if (stream.res.writableEnded) return;
    if (stream.res.writableLength > MAX_BUFFERED) return void stream.res.destroy();
    stream.res.write(text);
  }

  private remove(shareId: string, stream: Stream): void {
    const watched = this.shares.get(shareId);
    if (!watched?.streams.delete(stream)) return;
    this.open--;
    const left = (this.perClient.get(stream.client) ?? 1) - 1;
    if (left > 0) this.perClient.set(stream.client, left);
    else this.perClient.delete(stream.client);
    if (watched.streams.size === 0) this.shares.delete(shareId);
    eventStreams.set(this.open);
  }
}
