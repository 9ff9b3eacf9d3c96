// Prometheus metrics (prom-client), served by startMetricsServer() on their own listener
// (PARLEY_METRICS_PORT, off by default), never on the public port. prom-client is a server-external
// package (next.config.ts), so the route bundles and server.ts share its one default registry; each
// bundle may evaluate this module again, hence get-or-create by name.
import http from "node:http";
import client from "prom-client";
import { getLogger } from "./logger";

const { register } = client;

function getOrCreate<T>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

const counter = (name: string, help: string, labelNames: string[] = []) => getOrCreate(name, () => new client.Counter({ name, help, labelNames }));
const histogram = (name: string, help: string, buckets: number[], labelNames: string[] = []) =>
  getOrCreate(name, () => new client.Histogram({ name, help, buckets, labelNames }));

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const sharesCreated = counter("parley_shares_created_total", "Shares created");
export const sharesUnshared = counter("parley_shares_unshared_total", "Shares unshared (owner, admin token or admin command)");
export const sharesExpired = counter("parley_shares_expired_total", "Expired shares whose data the sweep deleted");
export const syncs = counter("parley_syncs_total", "Sync requests by outcome (ok, or the error code)", ["outcome"]);
export const syncItems = counter("parley_sync_items_total", "Items stored by syncs");
export const syncBytes = counter("parley_sync_bytes_total", "JSON bytes of the items stored by syncs");
export const syncRejectedItems = counter("parley_sync_rejected_items_total", "Synced items skipped because they failed validation");
export const syncDegradedItems = counter("parley_sync_degraded_items_total", "Attachments replaced by a stub for being over PARLEY_MAX_ATTACHMENT");
export const redactions = counter("parley_redactions_total", "Credentials replaced by [REDACTED:<kind>] before storage");
export const renderSeconds = histogram("parley_render_seconds", "Markdown and code renders on a render-cache miss", SECONDS, ["kind"]);
export const cardSeconds = histogram("parley_card_render_seconds", "Preview card renders (one per share version)", SECONDS);
export const cacheHits = counter("parley_cache_hits_total", "Cache lookups that hit, by cache (render, card, page)", ["cache"]);
export const cacheMisses = counter("parley_cache_misses_total", "Cache lookups that missed, by cache (render, card, page)", ["cache"]);
export const rateLimited = counter("parley_rate_limited_total", "Requests refused with 429, by limit (create, lookup)", ["limit"]);
export const dbErrors = counter("parley_db_errors_total", "Database operations that failed, by operation", ["op"]);
export const eventStreams = getOrCreate(
  "parley_event_streams_open",
  () => new client.Gauge({ name: "parley_event_streams_open", help: "Open live-follow event streams" }),
);
export const httpRequests = counter("parley_http_requests_total", "HTTP requests by route and status", ["route", "status"]);
export const httpSeconds = histogram("parley_http_request_duration_seconds", "HTTP request time to the last byte, by route", SECONDS, ["route"]);
export const httpBytes = counter("parley_http_response_bytes_total", "HTTP response body bytes, by route", ["route"]);

/** Process metrics (CPU, memory, event-loop lag, handles) once per process: the shared registry knows. */
export function collectProcessMetrics(): void {
  if (register.getSingleMetric("parley_process_cpu_seconds_total")) return;
  client.collectDefaultMetrics({ prefix: "parley_" });
}

/** Times `fn` into a histogram, failed runs included. */
export async function timed<T>(h: client.Histogram, labels: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const end = h.startTimer(labels);
  try {
    return await fn();
  } finally {
    end();
  }
}

export function metricsText(): Promise<string> {
  return register.metrics();
}

/**
 * The /metrics listener. Loopback by default: metrics say how busy the server is and which errors it
 * has, which is nobody's business outside the operator's scraper.
 */
export function startMetricsServer(options: { port: number; host?: string }): Promise<http.Server> {
  collectProcessMetrics();
  const server = http.createServer(async (req, res) => {
    if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/metrics") {
      res
        .writeHead(404, { "content-type": "application/json" })
        .end(JSON.stringify({ error: { code: "not_found", message: "Only GET /metrics is served here" } }));
      return;
    }
    try {
      const body = await register.metrics();
      res.writeHead(200, { "content-type": register.contentType, "cache-control": "no-store" }).end(body);
    } catch {
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "internal", message: "metrics failed" } }));
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      getLogger().info({ host: options.host ?? "127.0.0.1", port: (server.address() as { port: number }).port }, "metrics listening");
      resolve(server);
    });
  });
}
