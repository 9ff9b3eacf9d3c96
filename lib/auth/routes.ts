// GET /auth/login, GET /auth/callback, GET|POST /auth/signout and GET /auth/signed-out: the sign-in
// round trip with the identity provider, on plain Node requests and responses.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { NOINDEX } from "../http/security-headers";
import { appendSetCookie, clearCookieHeader, cookieHeader, loginCookieName, SESSION_COOKIE } from "./cookies";
import type { OidcClient } from "./oidc-client";
import { sendHtml, signedOutPage, signInFailedPage } from "./pages";
import { LOGIN_TTL_MS, type Sessions } from "./session";
import type { AuthSettings } from "./settings";

// Only a path on this server: "//evil.example", "/\\evil.example", "https://…" and control characters
// are open redirects in some browser or other, so they fall back to the home page.
export function safeReturnTo(value: string | null | undefined): string {
  if (!value?.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(value)) return "/";
  const base = "http://parley.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return "/";
  }
  if (url.origin !== base || url.pathname.startsWith("/auth/")) return "/";
  return `${url.pathname}${url.search}`;
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location, "Cache-Control": "no-store", "X-Robots-Tag": NOINDEX });
  res.end();
}

export type AuthParts = { settings: AuthSettings; sessions: Sessions; oidc: OidcClient };

/** Answers a request under /auth/ and returns true; false for any other path. */
export async function handleAuthRoute(req: IncomingMessage, res: ServerResponse, { settings, sessions, oidc }: AuthParts): Promise<boolean> {
  const url = new URL(req.url ?? "/", "http://parley.invalid");
  if (!url.pathname.startsWith("/auth/")) return false;
  const { secure, siteName } = settings;
  const method = req.method ?? "GET";
  const route = `${method === "HEAD" ? "GET" : method} ${url.pathname}`;

  switch (route) {
    case "GET /auth/login": {
      const returnTo = safeReturnTo(url.searchParams.get("return_to"));
      // "Sign in with another account": make the provider ask again instead of reusing its session.
      const prompt = url.searchParams.get("prompt") === "login" ? "login" : undefined;
      try {
        const { url: target, tx } = await oidc.start(returnTo, prompt);
        const cookie = cookieHeader(loginCookieName(tx.state), await sessions.sealLogin(tx), { maxAgeMs: LOGIN_TTL_MS, secure, path: "/auth" });
        appendSetCookie(res, cookie);
        redirect(res, target.href);
      } catch (error) {
        console.error("sign-in: the identity provider is unreachable:", error instanceof Error ? error.message : error);
        sendHtml(res, 502, signInFailedPage(siteName, "The identity provider could not be reached. Try again in a moment."));
      }
      return true;
    }
    case "GET /auth/callback": {
      const state = url.searchParams.get("state") ?? "";
      if (state) appendSetCookie(res, clearCookieHeader(loginCookieName(state), secure, "/auth"));
      const providerError = url.searchParams.get("error");
      if (providerError) {
        // The reader cancelled, or the provider refused (e.g. the client is not allowed for this user).
        sendHtml(res, 403, signInFailedPage(siteName, `The identity provider answered: ${providerError.slice(0, 100)}.`));
        return true;
      }
      const tx = state ? await sessions.takeLogin(req, state) : null;
      if (!tx) {
        sendHtml(res, 400, signInFailedPage(siteName, "This sign-in was already used, has expired, or was started in another browser. Open the link again."));
        return true;
      }
      try {
        // The URL the provider redirected to, rebuilt on the configured origin (never the Host header).
        const identity = await oidc.finish(new URL(`${oidc.redirectUri}${url.search}`), tx);
        appendSetCookie(res, cookieHeader(SESSION_COOKIE, await sessions.create(identity), { maxAgeMs: settings.sessionTtlMs, secure }));
        redirect(res, tx.returnTo);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        console.warn("sign-in refused:", why);
        sendHtml(res, 400, signInFailedPage(siteName, "The answer from the identity provider could not be verified."));
      }
      return true;
    }
    case "GET /auth/signout":
    case "POST /auth/signout": {
      const session = await sessions.read(req);
      if (session) sessions.revoke(session);
      appendSetCookie(res, clearCookieHeader(SESSION_COOKIE, secure));
      // Also end the provider's session when it offers RP-initiated logout: otherwise the next sign-in
      // on this browser would silently reuse it.
      const atProvider = session ? await oidc.endSessionUrl(`${settings.publicUrl}/auth/signed-out`) : null;
      redirect(res, atProvider?.href ?? "/auth/signed-out");
      return true;
    }
    case "GET /auth/signed-out":
      sendHtml(res, 200, signedOutPage(siteName));
      return true;
    default:
      res.writeHead(404, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Robots-Tag": NOINDEX });
      res.end(JSON.stringify({ error: { code: "not_found", message: "No such sign-in route" } }));
      return true;
  }
}
