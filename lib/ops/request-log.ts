// One log line and the HTTP metrics per request, from Parley's own server (server.ts): id, route,
// status, duration and bytes. The route is the pattern (/s/:id), never the path: a share id in a log
// is a key to the conversation, so only its first characters are written (shortId). No query string,
// no headers, no body.
import { randomBytes } from "node:crypto";
import type http from "node:http";
import { getLogger, shortId } from "./logger";
import { cacheHits, cacheMisses, httpBytes, httpRequests, httpSeconds } from "./metrics";

const ROUTES: [RegExp, string][] = [
  [/^\/(s|share)\/([^/]+)\/?$/, "/$1/:id"],
  [/^\/(s|share)\/([^/]+)\/card\.png$/, "/$1/:id/card.png"],
  [/^\/(s|share)\/([^/]+)\/(raw|file|code)\/[^/]+(\/\d+)?$/, "/$1/:id/$3/:part"],
  [/^\/(s|share)\/([^/]+)\/diff\/[^/]+$/, "/$1/:id/diff/:file"],
  [/^\/(s|share)\/([^/]+)\/fragments$/, "/$1/:id/fragments"],
  [/^\/(s|share)\/([^/]+)\/.*$/, "/$1/:id/*"],
  [/^\/api\/share\/([^/]+)\/(sync|data|expiry|events)$/, "/api/share/:id/$2"],
  [/^\/api\/share\/([^/]+)$/, "/api/share/:id"],
  [/^\/api\/(share|health|ready)$/, "/api/$1"],
  [/^\/_next\/.*$/, "/_next/*"],
  [/^\/(|robots\.txt|icon\.svg|favicon\.ico)$/, "/$1"],
];

// A malformed escape is logged as sent: the log line is written after the answer (a 400), where a
// throw would be an uncaught exception.
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** "/s/AbCdEf123/card.png?v=2" -> { route: "/s/:id/card.png", share: "AbCdEf…" }. Unknown paths are "other". */
export function routeOf(url: string): { route: string; share?: string } {
  const path = url.split("?")[0];
  for (const [pattern, template] of ROUTES) {
    const m = pattern.exec(path);
    if (!m) continue;
    const route = path.replace(pattern, template);
    const id = path.startsWith("/api/share/") ? m[1] : /^\/(s|share)\//.test(path) ? m[2] : undefined;
    return id ? { route, share: shortId(decoded(id)) } : { route };
  }
  return { route: "other" };
}

/** Call first thing for every request; logs and counts when the response is finished or aborted. */
export function observeRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
  const started = process.hrtime.bigint();
  const id = randomBytes(6).toString("base64url");
  res.setHeader("x-request-id", id);
  let bytes = 0;
  // Body bytes as written (streamed pages have no Content-Length).
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
  const count = (chunk: unknown, encoding?: unknown) => {
    if (typeof chunk === "string") bytes += Buffer.byteLength(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
    else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    count(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (chunk !== undefined && typeof chunk !== "function") count(chunk, rest[0]);
    return end(chunk, ...rest);
  }) as typeof res.end;

  let logged = false;
  const done = () => {
    if (logged) return;
    logged = true;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const { route, share } = routeOf(req.url ?? "/");
    const status = res.writableFinished ? res.statusCode : 499; // 499: the client went away first
    httpRequests.inc({ route, status: String(status) });
    httpSeconds.observe({ route }, ms / 1000);
    httpBytes.inc({ route }, bytes);
    const cache = res.getHeader("x-parley-cache");
    if ((route === "/s/:id" || route === "/share/:id") && status === 200) (cache === "hit" ? cacheHits : cacheMisses).inc({ cache: "page" });
    const level = status >= 500 ? "error" : "info";
    getLogger()[level](
      { id, method: req.method, route, ...(share ? { share } : {}), status, ms: Math.round(ms * 10) / 10, bytes, ...(cache ? { cache } : {}) },
      "request",
    );
  };
  res.once("finish", done);
  res.once("close", done);
}
