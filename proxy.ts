// Headers for the pages Next renders (the home page, "not found", a share id that does not exist): a
// CSP with a per-request nonce (Next puts it on its own scripts when the request carries the CSP
// header), no-referrer and friends. Share pages and everything about a share's state are decided
// before Next, in Parley's server (server.ts, lib/http/share-gate.ts).
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, NOINDEX, PAGE_HEADERS, SHARE_PAGE_CACHE, SHARE_PATH } from "@/lib/http/security-headers";

export function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  // Share sub-resources (raw output, files, the card) set their own headers: a stricter sandbox CSP,
  // their own caching. next.config.ts marks them noindex.
  if (/^\/(?:s|share)\/[^/]+\/./.test(pathname)) return NextResponse.next();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(PAGE_HEADERS)) res.headers.set(k, v);
  if (SHARE_PATH.test(pathname)) {
    res.headers.set("X-Robots-Tag", NOINDEX);
    res.headers.set("Cache-Control", SHARE_PAGE_CACHE);
  }
  return res;
}

export const config = {
  // Not the API: its handlers set their own headers, and a proxy buffers the request body, so a
  // 64 MiB sync (or a lying Content-Length) would be held here instead of refused as it streams.
  matcher: ["/((?!api/|_next/static|_next/image|icon.svg).*)"],
};
