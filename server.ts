// Parley's one process entry: an HTTP server with Next behind it, on Next's documented custom-server
// API (`next()` + `getRequestHandler()`). It is the only code that sees the socket, so it owns what
// needs one: the client address (trusted-proxy rules, handed to every handler in `x-parley-client`)
// and the reader's going away (which stops a long render). Share paths are decided here first
// (lib/http/share-gate.ts: state, tombstones, the page cache and the share page itself); everything
// else is Next's. The request path, step by step, is in docs/architecture.md.
import http from "node:http";
import path from "node:path";
import next from "next";
import { getConfig, type Config } from "./lib/config";
import { runtime } from "./lib/runtime";
import { gateRequest } from "./lib/auth";
import { CLIENT_HEADER, clientAddress } from "./lib/http/client-ip";
import { decodeSegment, handleShareRequest, matchSharePath } from "./lib/http/share-gate";
import { loadPageAssets, type PageAssets } from "./lib/page/assets";
import { PrerenderQueue } from "./lib/page/prerender";
import { publicUrlFrom } from "./lib/http/public-url";
import { clientErrorHandler, discardBody, sendResponse, webHeaders } from "./lib/http/node-response";
import { ApiError, toErrorResponse } from "./lib/http/api";
import { startSweep } from "./lib/shares/sweep";
import { startMetricsServer } from "./lib/ops/metrics";
import { observeRequest } from "./lib/ops/request-log";
import { startLiveFollow, type LiveFollow } from "./lib/live/live-follow";

// dist/server.js after `npm run build`: the project is one level up.
const ROOT = path.resolve(__dirname, "..");
const dev = process.argv.includes("--dev");

type Handle = ReturnType<ReturnType<typeof next>["getRequestHandler"]>;

const SYNC = /^\/api\/share\/([^/]+)\/sync$/;

const clientErrors = clientErrorHandler();

function onRequest(config: Config, assets: PageAssets, prerender: PrerenderQueue, live: LiveFollow, handle: Handle) {
  return async (req: http.IncomingMessage, res: http.ServerResponse) => {
    clientErrors.track(req, res);
    observeRequest(req, res); // one log line and the HTTP metrics (lib/ops/request-log.ts)
    // Overwrites whatever the client sent under that name: only this server may say who the client is.
    const client = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], config.PARLEY_TRUST_PROXY);
    req.headers[CLIENT_HEADER] = client;
    try {
      // No handler reads the body of a GET or HEAD; it is read to its end before the answer (lingering
      // close: see discardBody). Found by the soak's fuzzer: big GET answers lost their tail.
      if ((req.method === "GET" || req.method === "HEAD") && !(await discardBody(req, config.PARLEY_MAX_BODY)))
        return void (await sendResponse(req, res, toErrorResponse(new ApiError("too_large", "A GET or HEAD body is over this server's limit"))));
      // Before the share state and the page cache: with PARLEY_AUTH=oidc the sign-in routes and the
      // session check on share content (lib/auth/); PARLEY_INGEST_ALLOW on create, sync and unshare.
      if (await gateRequest(req, res, client)) return;
      const pathname = (req.url ?? "/").split("?")[0];
      const match = matchSharePath(pathname);
      if (match && (await handleShareRequest(req, res, match, assets, live.hub))) return;
      // Next decodes the path itself and answers a malformed escape with a 500: refuse it here (a
      // malformed share id was answered above, as the 404 of an id that cannot exist).
      if (decodeSegment(pathname) === null)
        return void (await sendResponse(req, res, toErrorResponse(new ApiError("bad_path", "The path has a malformed percent-escape"))));
      // An unshare or an expiry handled by Next: this process's caches (the share page's) go too, and
      // live readers (here and, through NOTIFY, on other instances) are told.
      if (match?.id && !match.viewer && (req.method === "DELETE" || req.method === "PUT")) {
        const id = match.id;
        res.once("finish", () => {
          if (res.statusCode >= 300) return;
          prerender.drop(id);
          runtime().forgetShare(id);
          live.changed(id);
        });
      }
      // An answered sync: live readers hear of the new version, and it is rendered in the background
      // for its first reader.
      const synced = req.method === "POST" ? decodeSegment(SYNC.exec(pathname)?.[1] ?? "") : null;
      if (synced) {
        const publicUrl = publicUrlFrom(webHeaders(req));
        res.once("finish", () => {
          if (res.statusCode !== 200) return;
          live.changed(synced);
          if (config.PARLEY_PRERENDER) prerender.schedule(synced, publicUrl);
        });
      }
      await handle(req, res);
    } catch (error) {
      console.error("[parley] request failed:", error);
      if (res.headersSent) return void res.destroy();
      res.writeHead(500, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
      res.end(JSON.stringify({ error: { code: "internal", message: "Something went wrong on the server" } }));
    }
  };
}

async function main() {
  let config: Config;
  try {
    config = getConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  // Open the database and run its migrations before the first request, so a bad DATABASE_URL or an
  // unwritable data directory stops start-up with its own message.
  await runtime().store();
  const assets = loadPageAssets(ROOT);
  const app = next({ dev, dir: ROOT, hostname: config.HOST, port: config.PORT });
  await app.prepare();
  const stopSweep = startSweep(config.PARLEY_SWEEP_INTERVAL);
  // Prometheus on its own listener, never the public port; off unless PARLEY_METRICS_PORT is set.
  const metrics = config.PARLEY_METRICS_PORT ? await startMetricsServer({ port: config.PARLEY_METRICS_PORT, host: config.PARLEY_METRICS_HOST }) : null;
  const live = startLiveFollow(config);
  const server = http.createServer(onRequest(config, assets, new PrerenderQueue(assets), live, app.getRequestHandler()));
  server.on("clientError", clientErrors.onClientError);
  server.listen(config.PORT, config.HOST, () => {
    console.log(`parley: listening on http://${config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST}:${config.PORT}${dev ? " (development)" : ""}`);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      stopSweep();
      metrics?.close();
      void live.stop(); // event streams would hold close() open
      server.close(() => process.exit(0));
      // Keep-alive connections would hold close() open; a reader mid-page gets its connection cut.
      setTimeout(() => process.exit(0), 5_000).unref();
      server.closeIdleConnections();
    });
  }
}

main().catch((err) => {
  console.error("parley: could not start:", err);
  process.exit(1);
});
