// Live follow for the process entry (server.ts): the hub of open streams and, on PostgreSQL, the
// LISTEN/NOTIFY channel that carries changes between instances. On SQLite (one instance) a change
// goes straight to the hub.
import "server-only";
import type { Config } from "../config";
import { getLogger, shortId } from "../ops/logger";
import { LiveHub } from "./hub";
import { PgChannel } from "./pg-channel";

export type LiveFollow = {
  hub: LiveHub;
  /** A sync, an unshare or an expiry change of `shareId` was answered here. */
  changed(shareId: string): void;
  stop(): Promise<void>;
};

export function startLiveFollow(config: Config): LiveFollow {
  const hub = new LiveHub({
    max: config.PARLEY_EVENTS_MAX,
    perShare: config.PARLEY_EVENTS_PER_SHARE,
    perClient: config.PARLEY_EVENTS_PER_CLIENT,
    heartbeatMs: config.PARLEY_EVENTS_HEARTBEAT,
    idleMs: config.PARLEY_EVENTS_IDLE,
  });
  const channel = config.DATABASE_URL
    ? new PgChannel(
        config.DATABASE_URL,
        (id) => void hub.changed(id),
        () => hub.changedAll(),
      )
    : null;
  channel?.start();
  return {
    hub,
    changed(shareId) {
      void hub.changed(shareId);
      channel?.notify(shareId).then((sent) => {
        if (!sent) getLogger().warn({ share: shortId(shareId) }, "live follow: could not notify other instances (they catch up at their next heartbeat)");
      });
    },
    async stop() {
      hub.closeAll();
      await channel?.stop();
    },
  };
}
