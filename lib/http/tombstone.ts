// The page a removed share answers with: HTTP 410, no title, no content, only when and why.
// Self-contained HTML (no scripts, no external resources) so it can be sent straight from proxy.ts.
import { getConfig } from "../config";
import { escapeHtml } from "../render/escape";
import { NOINDEX, PAGE_HEADERS } from "./security-headers";

export function tombstoneHtml(since: Date, reason: "unshared" | "expired"): string {
  const iso = since.toISOString();
  const when = `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  const site = getConfig().PARLEY_SITE_NAME;
  const what = reason === "expired" ? "Its share link expired" : "Its owner stopped sharing it";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="${NOINDEX}"><title>No longer shared · ${escapeHtml(site)}</title>
<meta property="og:type" content="website"><meta property="og:site_name" content="${escapeHtml(site)}">
<meta property="og:title" content="This share was removed">
<meta property="og:description" content="The conversation shared at this link is no longer available.">
<meta name="twitter:card" content="summary"><meta name="twitter:title" content="This share was removed">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:15vh auto;padding:0 1rem;color:#222;background:#fff}
@media (prefers-color-scheme:dark){body{color:#ddd;background:#111}}h1{font-size:1.4rem}p{color:#666}</style></head>
<body><main data-testid="tombstone"><h1>This conversation is no longer shared</h1>
<p>${escapeHtml(what)} on <time datetime="${iso}">${escapeHtml(when)}</time>.</p>
<p>This server deleted everything it stored for this link: messages, files and preview. Nothing of it can be shown again.</p>
</main></body></html>`;
}

export function tombstoneResponse(since: number, reason: "unshared" | "expired"): Response {
  return new Response(tombstoneHtml(new Date(since), reason), {
    status: 410,
    headers: {
      ...PAGE_HEADERS,
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      "Cache-Control": "no-store",
      "X-Robots-Tag": NOINDEX,
    },
  });
}
