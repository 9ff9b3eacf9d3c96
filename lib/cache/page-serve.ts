// The proxy's side of the page cache (lib/cache/page-cache.ts). A hit answers the stored page with a fresh
// nonce. The first view of a page version renders as if there were no cache. The second asks this
// same server for the page once more, with a per-process token that makes the proxy let that inner
// request through to Next as usual, streams the answer on to the client as it arrives and keeps a
// copy: Next gives the proxy no other way to see a page's response.
import http from "node:http";
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { NextRequest } from "next/server";
import { isBot } from "next/dist/shared/lib/router/utils/is-bot";
import { HTML_LIMITED_BOTS } from "../http/bots";
import { serverAddress } from "../shares/lifecycle";
import { cutAtNonce, getPageCache, headersWithNonce, pageKey, withNonce } from "./page-cache";
import { processSingleton } from "./process-cache";
import { publicUrlFrom } from "../http/public-url";
import { RENDER_FAILED_ATTR } from "../render/html";
import { getShareState } from "../shares/shares";

const FILL_HEADER = "x-parley-page-fill";
const RENDER_FAILED_MARK = ` ${RENDER_FAILED_ATTR}=""`;
export const CACHE_STATUS_HEADER = "x-parley-cache";

// Never leaves the process: an outside request cannot carry it, so cannot skip the cache's checks.
const fillToken = () => processSingleton("pageFillToken", () => randomBytes(24).toString("base64url"));

/** True for the proxy's own inner request that fills the cache. */
export function isPageFill(headers: Headers): boolean {
  const value = headers.get(FILL_HEADER);
  if (!value) return false;
  const a = Buffer.from(value);
  const b = Buffer.from(fillToken());
  return a.length === b.length && timingSafeEqual(a, b);
}

export function stripPageFill(headers: Headers): void {
  headers.delete(FILL_HEADER);
}

// Client-side navigations and server actions get flight data, not the HTML page; bots may get a
// different metadata placement (next.config.ts htmlLimitedBots) and are rare: they always render.
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action"];

function cacheable(req: NextRequest): boolean {
  if (req.method !== "GET") return false;
  if (ROUTER_HEADERS.some((h) => req.headers.has(h))) return false;
  if (req.nextUrl.searchParams.has("_rsc")) return false;
  const ua = req.headers.get("user-agent") ?? "";
  return !isBot(ua) && !HTML_LIMITED_BOTS.test(ua);
}

// Not copied from the stored or inner response: hop-by-hop, per-response, and the CSP (its nonce is
// set per request by the proxy).
const DROP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "date", "set-cookie", "content-encoding"]);

/**
 * Serves a live share's viewer page from the cache or fills it; null when the request is not one the
 * cache handles (the caller then lets Next render it as usual). `pageHeaders` are the headers every
 * page response gets (CSP with this nonce, security headers, no-store).
 */
export async function servePage(
  req: NextRequest,
  share: { id: string; version: number },
  nonce: string,
  pageHeaders: Headers,
): Promise<Response | null> {
  if (!cacheable(req)) return null;
  const server = serverAddress();
  if (!server) return null;
  const cache = getPageCache();
  if (cache.maxBytes === 0) return null;
  const form = req.nextUrl.pathname.startsWith("/share/") ? "/share" : "/s";
  const key = pageKey({ shareId: share.id, version: share.version, form, search: req.nextUrl.search, publicUrl: publicUrlFrom(req.headers) });

  const hit = cache.get(key);
  if (hit) {
    const headers = headersWithNonce(hit, nonce);
    pageHeaders.forEach((v, k) => headers.set(k, v));
    headers.set(CACHE_STATUS_HEADER, "hit");
    return new Response(new Uint8Array(withNonce(hit, nonce)), { status: 200, headers });
  }
  if (!cache.noteView(key)) return null;
  return fill(req, server, share, key);
}

function fill(req: NextRequest, server: { host: string; port: number }, share: { id: string; version: number }, key: string): Promise<Response | null> {
  const cache = getPageCache();
  const generation = cache.generation(share.id);
  const headers: Record<string, string> = {};
  req.headers.forEach((v, k) => {
    if (!DROP.has(k) && k !== "accept-encoding" && k !== "expect" && k !== "upgrade") headers[k] = v;
  });
  headers["accept-encoding"] = "identity";
  headers[FILL_HEADER] = fillToken();
  const path = req.nextUrl.pathname + req.nextUrl.search;

  return new Promise((resolve) => {
    const inner = http.request({ host: server.host, port: server.port, path, method: "GET", headers, agent: false }, (res) => {
      const status = res.statusCode ?? 502;
      const out = new Headers();
      for (const [k, v] of Object.entries(res.headers)) {
        if (v === undefined || DROP.has(k)) continue;
        for (const one of Array.isArray(v) ? v : [v]) out.append(k, one);
      }
      out.set(CACHE_STATUS_HEADER, "miss");
      const renderNonce = /'nonce-([^']+)'/.exec(String(res.headers["content-security-policy"] ?? ""))?.[1];
      const keep = status === 200 && !!renderNonce && /^text\/html/.test(String(res.headers["content-type"]));
      const limit = cache.maxBytes / 4;
      let chunks: Buffer[] | null = keep ? [] : null;
      let size = 0;

      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          res.on("data", (chunk: Buffer) => {
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            if (!chunks) return;
            size += chunk.length;
            if (size > limit) {
              chunks = null;
              cache.markTooBig(key);
            }
            else chunks.push(chunk);
          });
          res.on("end", () => {
            controller.close();
            if (chunks) void store(chunks, size, renderNonce!, out);
          });
          res.on("error", (err) => controller.error(err));
        },
        cancel() {
          chunks = null;
          res.destroy();
        },
      });
      resolve(new Response(status === 204 || status === 304 ? null : body, { status, headers: out }));
    });
    // Before any answer: let Next render the page the ordinary way.
    inner.on("error", () => resolve(null));
    inner.end();
  });

  async function store(chunks: Buffer[], size: number, renderNonce: string, out: Headers) {
    // Kept only if the share is still at the version the page was rendered from: a sync or unshare
    // during the render must not leave a stale page behind.
    const state = await getShareState(share.id).catch(() => null);
    if (state?.status !== "live" || state.share.version !== share.version) return;
    // A part that failed to render (components/conversation/turn-runs.tsx) may render next time: not kept. Text
    // from a share cannot fake the marker, as React escapes its quotes.
    const page = Buffer.concat(chunks, size);
    if (page.includes(RENDER_FAILED_MARK)) return;
    const stored: [string, string[]][] = [];
    out.forEach((v, k) => {
      if (k !== "content-security-policy" && k !== CACHE_STATUS_HEADER) stored.push([k, v.split(renderNonce)]);
    });
    cache.set(key, { shareId: share.id, version: share.version, segments: cutAtNonce(page, renderNonce), headers: stored, bytes: size }, generation);
  }
}
