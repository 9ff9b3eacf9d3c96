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

/**
 * A public share page without Cross-Origin-Opener-Policy. COOP makes Chromium open the page in a new
 * browser process (a new browsing context group), which cost 90–175 ms of every first view, in a new
 * tab from a link on another site or in the same tab (Debian's Chromium, headless). What
 * it guards, a cross-origin window that opened the page learning about it, matters when the page is
 * behind sign-in (whether this reader may see it), so a share page keeps COOP when SSO is on.
 */
export const PUBLIC_SHARE_PAGE_HEADERS: Record<string, string> = Object.fromEntries(
  Object.entries(PAGE_HEADERS).filter(([name]) => name !== "Cross-Origin-Opener-Policy"),
);

// no-store, not no-cache: after an unshare no copy may exist anywhere (browser, back/forward cache,
// a shared proxy) to be shown again; a viewer page is cheap to render per request.
export const SHARE_PAGE_CACHE = "private, no-store, max-age=0";
