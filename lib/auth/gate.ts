// The access check of SSO mode, for every way into a share's content. It runs before the page cache
// and before Next, on plain Node requests: checkShareAccess() decides, sendAccessDecision() answers.
import type { IncomingMessage, ServerResponse } from "node:http";
import { NOINDEX } from "../http/security-headers";
import { forbiddenPage, previewPage, sendHtml } from "./pages";
import { PREVIEW_BOTS } from "./preview-bots";
import { isAllowed } from "./policy";
import type { Session, Sessions } from "./session";
import type { AuthSettings } from "./settings";

export type AccessDecision =
  | { kind: "allow"; session: Session }
  /** A browser navigation without a session: off to sign in, back here afterwards. */
  | { kind: "sign-in"; location: string }
  /** A link-preview bot on the page itself: generic tags only. */
  | { kind: "preview"; id: string }
  /** No session and no browser (opencode import, curl, fetch): 401 JSON, never a login page. */
  | { kind: "auth-required"; signInUrl: string }
  /** Signed in, but the policy does not allow this account. */
  | { kind: "forbidden"; session: Session; html: boolean; url: string };

// /s/<id> and /share/<id> with everything under them (raw output, files, attachments, exports, live
// follow's fragments), the JSON of a share, and its live event stream. Create, sync, unshare and
// expiry stay open: the OpenCode client sends no credentials (PARLEY_INGEST_ALLOW limits them by
// network instead).
const VIEWER = /^\/(?:s|share)\/([^/?#]+)(\/[^?#]*)?(?:[?#].*)?$/;
const DATA = /^\/api\/share\/[^/?#]+\/(?:data|events)(?:[/?#].*)?$/;
// The card draws only "Sign in to view" in SSO mode (its route checks), and bots must reach it.
const CARD = /^\/s\/[A-Za-z0-9_-]+\/card\.png(?:\?.*)?$/;
// A path Next would normalise before routing ("/./s/<id>", "/x/../s/<id>", "//s/<id>", percent-escapes,
// backslashes) is not matched above: such a path always needs a session instead. No link of ours
// looks like that, so only a probe pays for it.
const NOT_CANONICAL = /%|\\|\/\/|(?:^|\/)\.{1,2}(?:\/|$)/;

export function isCanonicalPath(url: string): boolean {
  return !NOT_CANONICAL.test(url.split(/[?#]/, 1)[0]);
}

/** Whether a request for this URL (path and query, as in req.url) needs an allowed session. */
export function needsSession(url: string): boolean {
  if (!isCanonicalPath(url)) return true;
  if (CARD.test(url)) return false;
  return VIEWER.test(url) || DATA.test(url);
}

/** The page itself, where the generic preview tags are served to bots. */
function viewerPageId(url: string): string | null {
  const m = VIEWER.exec(url);
  return m && (!m[2] || m[2] === "/") && /^[A-Za-z0-9_-]+$/.test(m[1]) ? m[1] : null;
}

// `opencode import` and curl send Accept: */*, so they never get a login page they cannot follow.
export function isNavigation(req: IncomingMessage): boolean {
  return req.headers["sec-fetch-mode"] === "navigate" || /\btext\/html\b/i.test(req.headers.accept ?? "");
}

export function signInLocation(url: string): string {
  return `/auth/login?return_to=${encodeURIComponent(url)}`;
}

export async function checkShareAccess(req: IncomingMessage, sessions: Sessions, settings: AuthSettings): Promise<AccessDecision> {
  const url = req.url ?? "/";
  const session = await sessions.read(req);
  if (session) {
    if (isAllowed(session.identity, settings.policy)) return { kind: "allow", session };
    return { kind: "forbidden", session, html: isNavigation(req), url };
  }
  const pageId = viewerPageId(url);
  if (pageId && PREVIEW_BOTS.test(req.headers["user-agent"] ?? "")) return { kind: "preview", id: pageId };
  if (isNavigation(req)) return { kind: "sign-in", location: signInLocation(url) };
  return { kind: "auth-required", signInUrl: `${settings.publicUrl}${signInLocation(url)}` };
}

function sendJson(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Robots-Tag": NOINDEX,
    "X-Content-Type-Options": "nosniff",
  });
  res.end(JSON.stringify({ error: { code, message } }));
}

/** Answers every decision but "allow". */
export function sendAccessDecision(res: ServerResponse, decision: AccessDecision, settings: AuthSettings): void {
  switch (decision.kind) {
    case "allow":
      throw new Error("an allowed request goes on to the content");
    case "sign-in":
      res.writeHead(302, { Location: decision.location, "Cache-Control": "no-store", "X-Robots-Tag": NOINDEX });
      res.end();
      return;
    case "preview": {
      const html = previewPage(decision.id, settings.publicUrl, settings.siteName, signInLocation(`/s/${decision.id}`));
      sendHtml(res, 200, html);
      return;
    }
    case "auth-required":
      sendJson(
        res,
        401,
        "auth_required",
        `This server's shares are open only to signed-in members of its organisation. Sign in with a browser: ${decision.signInUrl}`,
      );
      return;
    case "forbidden":
      if (decision.html) sendHtml(res, 403, forbiddenPage(decision.session.identity, settings.siteName, `${signInLocation(decision.url)}&prompt=login`));
      else sendJson(res, 403, "not_allowed", "The signed-in account is not allowed to read this server's shares");
      return;
  }
}
