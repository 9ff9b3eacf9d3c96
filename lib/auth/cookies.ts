// Reading and writing the two cookies of SSO mode on plain Node requests and responses.
import type { IncomingMessage, ServerResponse } from "node:http";

export const SESSION_COOKIE = "parley_session";
// One transaction cookie per sign-in, named by the start of its state: a reader who opens two links
// while signed out has two sign-ins in flight, and the second must not overwrite the first.
const LOGIN_PREFIX = "parley_login_";
export function loginCookieName(state: string): string {
  return `${LOGIN_PREFIX}${state.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 16)}`;
}

export function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

export type CookieOptions = { maxAgeMs: number; secure: boolean; path?: string };

export function cookieHeader(name: string, value: string, { maxAgeMs, secure, path = "/" }: CookieOptions): string {
  // Lax, not Strict: a link clicked in a chat app is a cross-site navigation and must carry the session.
  const attrs = [`${name}=${value}`, `Path=${path}`, `Max-Age=${Math.max(0, Math.floor(maxAgeMs / 1000))}`, "HttpOnly", "SameSite=Lax"];
  if (secure) attrs.push("Secure");
  return attrs.join("; ");
}

export function clearCookieHeader(name: string, secure: boolean, path = "/"): string {
  return cookieHeader(name, "", { maxAgeMs: 0, secure, path });
}

export function appendSetCookie(res: ServerResponse, cookie: string): void {
  const existing = res.getHeader("set-cookie");
  const list = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  res.setHeader("set-cookie", [...list, cookie]);
}
