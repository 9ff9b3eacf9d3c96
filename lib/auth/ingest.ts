// PARLEY_INGEST_ALLOW: create, sync, unshare and expiry changes only from the listed networks. The
// OpenCode client sends no credentials, so the network is what an operator can restrict them to.
import type { ServerResponse } from "node:http";
import { NOINDEX } from "../http/security-headers";
import type { CidrList } from "./cidr";
import { isCanonicalPath } from "./gate";

const WRITE = /^\/api\/share(?:\/[^?#]*)?(?:[?#].*)?$/;

/** A write to the share API; also any write to a path Next would normalise ("/./api/share"). */
export function isIngestRequest(method: string | undefined, url: string | undefined): boolean {
  if (["GET", "HEAD", "OPTIONS"].includes(method ?? "GET")) return false;
  return WRITE.test(url ?? "/") || !isCanonicalPath(url ?? "/");
}

/** clientAddress is the trusted client address (server.ts: socket, or X-Forwarded-For under PARLEY_TRUST_PROXY). */
export function ingestAllowed(allow: CidrList | null, clientAddress: string): boolean {
  return allow === null || allow.contains(clientAddress);
}

export function sendIngestRefused(res: ServerResponse): void {
  res.writeHead(403, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Robots-Tag": NOINDEX });
  res.end(
    JSON.stringify({ error: { code: "ingest_not_allowed", message: "This server accepts shares only from its operator's networks (PARLEY_INGEST_ALLOW)" } }),
  );
}
