// SSO-only shares (PARLEY_AUTH=oidc) and ingest network limits, for the process entry (server.ts).
// Everything here works on plain Node IncomingMessage/ServerResponse, before Next and its page cache.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getConfig } from "../config";
import { checkShareAccess as decide, needsSession, sendAccessDecision as answer, type AccessDecision } from "./gate";
import { ingestAllowed, isIngestRequest, sendIngestRefused } from "./ingest";
import { OidcClient } from "./oidc-client";
import { handleAuthRoute as route } from "./routes";
import { Sessions } from "./session";
import { settingsFromConfig, type AuthSettings } from "./settings";

export type { AccessDecision } from "./gate";
export { needsSession } from "./gate";

export type Auth = {
  settings: AuthSettings;
  sessions: Sessions;
  oidc: OidcClient;
  handleAuthRoute(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  checkShareAccess(req: IncomingMessage): Promise<AccessDecision>;
  sendAccessDecision(res: ServerResponse, decision: AccessDecision): void;
};

export function createAuth(settings: AuthSettings): Auth {
  const parts = { settings, sessions: new Sessions(settings), oidc: new OidcClient(settings) };
  return {
    ...parts,
    handleAuthRoute: (req, res) => route(req, res, parts),
    checkShareAccess: (req) => decide(req, parts.sessions, settings),
    sendAccessDecision: (res, decision) => answer(res, decision, settings),
  };
}

let auth: Auth | null | undefined;
/** The process's one Auth, or null when PARLEY_AUTH is not set (links stay public). */
export function getAuth(): Auth | null {
  if (auth === undefined) {
    const settings = settingsFromConfig(getConfig());
    auth = settings ? createAuth(settings) : null;
  }
  return auth;
}

/** /auth/* routes; true when answered. Without PARLEY_AUTH there are none. */
export async function handleAuthRoute(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  return (await getAuth()?.handleAuthRoute(req, res)) ?? false;
}

/** Share content without PARLEY_AUTH is public: always allowed then (session null). */
export async function checkShareAccess(req: IncomingMessage): Promise<AccessDecision | { kind: "allow"; session: null }> {
  const a = getAuth();
  return a ? a.checkShareAccess(req) : { kind: "allow", session: null };
}

/**
 * Everything this module guards, in one call for the process entry: the sign-in routes, share content
 * (before the page cache) and ingest ranges. Returns true when it has answered the request.
 */
export async function gateRequest(
  req: IncomingMessage,
  res: ServerResponse,
  clientAddress: string,
  a = getAuth(),
  ingestAllow = getConfig().PARLEY_INGEST_ALLOW,
): Promise<boolean> {
  if (isIngestRequest(req.method, req.url)) {
    if (ingestAllowed(ingestAllow, clientAddress)) return false;
    sendIngestRefused(res);
    return true;
  }
  if (!a) return false;
  if (await a.handleAuthRoute(req, res)) return true;
  if (!needsSession(req.url ?? "/")) return false;
  const decision = await a.checkShareAccess(req);
  if (decision.kind === "allow") return false;
  a.sendAccessDecision(res, decision);
  return true;
}
