// Process-wide background duties, started once from instrumentation.ts.
import http from "node:http";
import { PEER_HEADER } from "../http/client-ip";
import { trackRequest } from "../http/request-signal";
import { getConfig } from "../config";
import { pruneRateLimits } from "./rate-limit";
import { sweepExpired } from "./shares";

const STARTED = Symbol.for("parley.lifecycle");
type Flags = { [STARTED]?: { peer?: boolean; sweep?: NodeJS.Timeout } };
const flags = () => ((globalThis as Flags)[STARTED] ??= {});

/**
 * Next gives handlers no socket address, and its own X-Forwarded-For keeps whatever the client sent.
 * So every incoming request gets the address of the socket it came on, in a header that overwrites
 * any client-supplied value; and an id for its abort signal (lib/http/request-signal.ts).
 */
export function stampPeerAddress(): void {
  if (flags().peer) return;
  flags().peer = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "unknown";
      trackRequest(req, args[1] as http.ServerResponse);
      recordServerAddress(this);
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}

const SERVER = Symbol.for("parley.serverAddress");
type AddressHolder = { [SERVER]?: { host: string; port: number } };

// The page cache (lib/cache/page-serve.ts) fills itself by asking this same server for the page; Next does
// not tell the proxy where it listens, so the first server that receives a request records it.
function recordServerAddress(server: http.Server): void {
  const holder = globalThis as AddressHolder;
  if (holder[SERVER]) return;
  const a = server.address();
  if (!a || typeof a === "string") return;
  const any = a.address === "::" || a.address === "0.0.0.0" || a.address === "";
  const host = any ? "127.0.0.1" : a.address;
  holder[SERVER] = { host, port: a.port };
}

/** Where this process's HTTP server listens, once it has received a request; null before. */
export function serverAddress(): { host: string; port: number } | null {
  return (globalThis as AddressHolder)[SERVER] ?? null;
}

/** Deletes expired shares' data (pages answer 410 from the moment of expiry already) and refilled rate buckets. */
export async function runSweep(now = Date.now()): Promise<number> {
  const swept = await sweepExpired(now);
  await pruneRateLimits(now);
  if (swept > 0) console.log(`[parley] expiry sweep deleted ${swept} share(s)`);
  return swept;
}

export function startSweep(): void {
  if (flags().sweep) return;
  const run = () => runSweep().catch((err) => console.error("[parley] expiry sweep failed", err));
  flags().sweep = setInterval(run, getConfig().PARLEY_SWEEP_INTERVAL);
  flags().sweep!.unref();
  void run();
}
