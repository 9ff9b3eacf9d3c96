// The few HTML pages of SSO mode, self-contained (no scripts, no external resources) like the tombstone,
// so the gate can answer before Next: 403 "not allowed", the bots' preview page, signed out, sign-in failed.
import type { ServerResponse } from "node:http";
import { escapeHtml } from "../render/escape";
import { NOINDEX, PAGE_HEADERS } from "../http/security-headers";
import { signInMetadata } from "../view/share-metadata";
import type { Identity } from "./policy";

const STYLE = `<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:15vh auto;padding:0 1rem;color:#222;background:#fff}
@media (prefers-color-scheme:dark){body{color:#ddd;background:#111}a{color:#9bf}}h1{font-size:1.4rem}p{color:#666}</style>`;

function page(title: string, siteName: string, body: string, head = ""): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="${NOINDEX}"><title>${escapeHtml(title)} · ${escapeHtml(siteName)}</title>${head}
${STYLE}</head>
<body><main>${body}</main></body></html>`;
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    ...PAGE_HEADERS,
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "Cache-Control": "no-store",
    "X-Robots-Tag": NOINDEX,
  });
  res.end(html);
}

export function forbiddenPage(who: Identity, siteName: string, switchUrl: string): string {
  const account = who.email ?? who.name ?? who.sub;
  const unverified = who.email && !who.emailVerified ? " (this email address is not verified)" : "";
  return page(
    "Not allowed",
    siteName,
    `<h1>You can't open this conversation</h1>
<p data-testid="signed-in-as">You are signed in as <strong>${escapeHtml(account)}</strong>${escapeHtml(unverified)}.</p>
<p>Shares on ${escapeHtml(siteName)} are open only to accounts of the organisation that runs it.</p>
<p><a data-testid="switch-account" href="${escapeHtml(switchUrl)}">Sign in with another account</a> · <a href="/auth/signout">Sign out</a></p>`,
  );
}

/** For link-preview bots: the generic tags only, and a link for a person who lands here anyway. */
export function previewPage(id: string, baseUrl: string, siteName: string, signInUrl: string): string {
  const m = signInMetadata({ id, baseUrl, siteName });
  const og = m.openGraph as { title: string; description: string; url: string; images: { url: string; width: number; height: number; alt: string }[] };
  const img = og.images[0];
  const tag = (attr: string, key: string, value: string | number) => `<meta ${attr}="${key}" content="${escapeHtml(String(value))}">`;
  const head = [
    tag("name", "description", og.description),
    tag("property", "og:type", "website"),
    tag("property", "og:site_name", siteName),
    tag("property", "og:title", og.title),
    tag("property", "og:description", og.description),
    tag("property", "og:url", og.url),
    tag("property", "og:image", img.url),
    tag("property", "og:image:width", img.width),
    tag("property", "og:image:height", img.height),
    tag("property", "og:image:alt", img.alt),
    tag("name", "twitter:card", "summary_large_image"),
    tag("name", "twitter:title", og.title),
    tag("name", "twitter:description", og.description),
    tag("name", "twitter:image", img.url),
    `<link rel="canonical" href="${escapeHtml(og.url)}">`,
  ].join("\n");
  return page(
    og.title,
    siteName,
    `<h1>${escapeHtml(og.title)}</h1><p>${escapeHtml(og.description)}</p><p><a href="${escapeHtml(signInUrl)}">Sign in</a></p>`,
    `\n${head}`,
  );
}

export function signedOutPage(siteName: string): string {
  return page("Signed out", siteName, `<h1 data-testid="signed-out">You are signed out</h1><p><a href="/auth/login">Sign in again</a></p>`);
}

export function signInFailedPage(siteName: string, why: string): string {
  return page(
    "Sign-in failed",
    siteName,
    `<h1 data-testid="sign-in-failed">Sign-in did not complete</h1><p>${escapeHtml(why)}</p><p><a href="/auth/login">Try again</a></p>`,
  );
}
