// The reader's session and the sign-in transaction, both sealed cookies (seal.ts). What a cookie alone
// cannot do is kept in this process: a signed-out session's id stays refused until its own expiry
// (so a copy of the cookie taken before sign-out is useless), and a callback's state is taken once.
import "server-only";
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { loginCookieName, readCookie, SESSION_COOKIE } from "./cookies";
import type { Identity } from "./policy";
import { seal, unseal } from "./seal";
import type { AuthSettings } from "./settings";

export type Session = { id: string; identity: Identity; expiresAt: number };
export type LoginTransaction = { state: string; nonce: string; verifier: string; returnTo: string };

/** Ten minutes to get through the provider's sign-in pages. */
export const LOGIN_TTL_MS = 10 * 60_000;
// Bounds the memory a flood of sign-outs or sign-in starts can take; the oldest entries go first.
const MAX_REMEMBERED = 100_000;

/** ids with their expiry (epoch ms), pruned as they expire. */
class ExpiringSet {
  private readonly entries = new Map<string, number>();
  has(key: string, now = Date.now()): boolean {
    const until = this.entries.get(key);
    return until !== undefined && until > now;
  }
  add(key: string, until: number, now = Date.now()): void {
    for (const [k, t] of this.entries) {
      if (t > now && this.entries.size < MAX_REMEMBERED) break;
      this.entries.delete(k);
    }
    this.entries.set(key, until);
  }
}

export class Sessions {
  private readonly revoked = new ExpiringSet();
  private readonly usedStates = new ExpiringSet();
  constructor(private readonly settings: AuthSettings) {}

  async create(identity: Identity, now = Date.now()): Promise<string> {
    const { sessionTtlMs, sessionSecret } = this.settings;
    return seal({ jti: randomUUID(), who: identity }, "session", sessionTtlMs, sessionSecret, now);
  }

  async read(req: IncomingMessage, now = Date.now()): Promise<Session | null> {
    const cookie = readCookie(req, SESSION_COOKIE);
    if (!cookie) return null;
    const payload = await unseal<{ jti?: string; who?: Identity; exp?: number }>(cookie, "session", this.settings.sessionSecret, now);
    if (!payload?.jti || !payload.who || !payload.exp || this.revoked.has(payload.jti, now)) return null;
    return { id: payload.jti, identity: payload.who, expiresAt: payload.exp * 1000 };
  }

  revoke(session: Session): void {
    this.revoked.add(session.id, session.expiresAt);
  }

  async sealLogin(tx: LoginTransaction): Promise<string> {
    return seal({ tx }, "login", LOGIN_TTL_MS, this.settings.sessionSecret);
  }

  /** The transaction, once: a second callback with the same state (a replayed or shared URL) gets null. */
  async takeLogin(req: IncomingMessage, state: string, now = Date.now()): Promise<LoginTransaction | null> {
    const cookie = readCookie(req, loginCookieName(state));
    if (!cookie) return null;
    const payload = await unseal<{ tx?: LoginTransaction; exp?: number }>(cookie, "login", this.settings.sessionSecret, now);
    if (!payload?.tx || !payload.exp || this.usedStates.has(payload.tx.state, now)) return null;
    this.usedStates.add(payload.tx.state, payload.exp * 1000, now);
    return payload.tx;
  }
}
