// Response headers for pages. The share URL is the credential and the content is untrusted, so: no
// script but the server's own (a nonce on Next's pages, a hash on share pages), no remote images (they
// track readers and can carry data out in their URLs), no plugins, no <base>, no framing, no
// referrer, nothing indexed or cached.

/** Pages Next renders (home, not found): its scripts carry this request's nonce. */
export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  return policy(`'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`);
}

/** Share pages (lib/page/): one inline script, allowed by its hash; nothing else runs. */
export function pageCsp(scriptHash: string): string {
  return policy(`'${scriptHash}'`);
}

/** `'unsafe-inline'` styles stay because highlighted code carries style attributes, which nonces cannot cover. */
function policy(scriptSrc: string): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const NOINDEX = "noindex, nofollow";

/** Everything under /s, /share and /api/share: never indexed. */
export const SHARE_PATH = /^\/(?:s|share|api\/share)(?:\/|$)/;

export const PAGE_HEADERS: Record<string, string> = {
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
};

// no-store, not no-cache: after an unshare no copy may exist anywhere (browser, back/forward cache,
// a shared proxy) to be shown again; a viewer page is cheap to render per request.
export const SHARE_PAGE_CACHE = "private, no-store, max-age=0";
