// Runs before every page and API request (Node runtime). Three jobs:
// 1. Removed shares: /s/<id>, /share/<id> and anything under them answer 410 with a tombstone. The App
//    Router cannot give a rendered page a 410 (notFound() is 404 only), so the answer comes from here.
// 2. Lookups of ids that do not exist count toward the per-client lookup limit. Live ids never count,
//    so link-preview bots fetching a fresh link (page, card, assets) are never blocked.
// 3. Live share pages come from the page cache when an unchanged share was viewed before
//    (lib/cache/page-serve.ts): always after the state check above, so a removed share is never served.
// 4. Headers: a CSP with a per-request nonce (Next puts it on its own scripts when the request carries
//    the CSP header), no-referrer and friends on pages; noindex and no-store on everything under /s,
//    /share and /api/share.
import { NextResponse, type NextRequest } from "next/server";
import { ApiError, toErrorResponse } from "@/lib/http/api";
import { clientIp } from "@/lib/http/client-ip";
import { enforceRateLimit } from "@/lib/shares/rate-limit";
import { contentSecurityPolicy, NOINDEX, PAGE_HEADERS, SHARE_PAGE_CACHE, SHARE_PATH } from "@/lib/http/security-headers";
import { isPageFill, servePage, stripPageFill } from "@/lib/cache/page-serve";
import { getShareState } from "@/lib/shares/shares";
import { tombstoneResponse } from "@/lib/http/tombstone";

const VIEWER = /^\/(?:s|share)\/([^/]+)(\/.+)?$/;
const API = /^\/api\/share\/([^/]+)(?:\/.*)?$/;

export async function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  const viewer = VIEWER.exec(pathname);
  const api = viewer ? null : API.exec(pathname);
  const id = viewer?.[1] ?? api?.[1];

  let state: Awaited<ReturnType<typeof getShareState>> | null = null;
  if (id) {
    const decoded = safeDecode(id);
    // A malformed escape cannot name any share: treat it as a lookup of an id that does not exist.
    state = decoded === null ? ({ status: "missing" } as const) : await getShareState(decoded).catch(() => null);
    if (state?.status === "missing") {
      try {
        await enforceRateLimit("lookup", clientIp(req.headers));
      } catch (err) {
        return withNoindex(toErrorResponse(err));
      }
    }
    if (decoded === null) return withNoindex(toErrorResponse(new ApiError("not_found", "No share with this id")));
    if (viewer && state?.status === "gone") {
      const sub = viewer[2];
      if (!sub || sub === "/") return tombstoneResponse(state.since, state.reason);
      // The preview card answers for itself with a "removed" card; every other sub-resource is JSON.
      if (sub !== "/card.png") return withNoindex(toErrorResponse(new ApiError("gone", "This share is no longer available")));
    }
  }

  // JSON handlers and sub-resources (raw output, files, the card) set their own headers: a stricter
  // sandbox CSP, their own caching. They only must never be indexed.
  if (api || viewer?.[2]) {
    const res = NextResponse.next();
    res.headers.set("X-Robots-Tag", NOINDEX);
    return res;
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = pageHeaders(nonce, pathname);
  const requestHeaders = new Headers(req.headers);
  // A live share's page: from the page cache (lib/cache/page-serve.ts), or rendered by Next and kept. The
  // cache's own inner request passes through to Next like any other.
  if (viewer && state?.status === "live") {
    if (isPageFill(req.headers)) stripPageFill(requestHeaders);
    else {
      const served = await servePage(req, state.share, nonce, headers);
      if (served) return served;
    }
  }
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers.get("Content-Security-Policy")!);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  headers.forEach((v, k) => res.headers.set(k, v));
  return res;
}

function pageHeaders(nonce: string, pathname: string): Headers {
  const headers = new Headers({ "Content-Security-Policy": contentSecurityPolicy(nonce), ...PAGE_HEADERS });
  if (SHARE_PATH.test(pathname)) {
    headers.set("X-Robots-Tag", NOINDEX);
    headers.set("Cache-Control", SHARE_PAGE_CACHE);
  }
  return headers;
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function withNoindex(res: Response): Response {
  res.headers.set("X-Robots-Tag", NOINDEX);
  return res;
}

export const config = {
  // Not the sync route: a proxy buffers the request body, and a 64 MiB body (or a lying
  // Content-Length) must be refused by the handler as it streams, not held here first.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/share/[^/]+/sync$).*)"],
};
