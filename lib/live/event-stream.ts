// GET /api/share/<id>/events: a live share's server-sent events (live follow). The share gate has
// already checked the session (SSO mode) and read the share's state; here the caps are applied and
// the stream is handed to the hub, which owns it until the socket closes.
//   event: hello    {version, idleMs}         once, the version the gate read
//   event: version  {version, turns: [ids]}   a new version and the turns (and "files") it changed
//   event: gone     {reason}                  unshared or expired; the stream ends
//   ": heartbeat"                             a comment line, every PARLEY_EVENTS_HEARTBEAT
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, toErrorResponse } from "../http/api";
import { clientIp } from "../http/client-ip";
import { sendResponse, webHeaders } from "../http/node-response";
import { NOINDEX } from "../http/security-headers";
import type { StoredShare } from "../store/types";
import type { LiveHub } from "./hub";

export const EVENT_STREAM_HEADERS: Record<string, string> = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // The share URL is the credential: no copy anywhere, and no proxy holding events back.
  "Cache-Control": "no-store",
  "X-Accel-Buffering": "no",
  "X-Robots-Tag": NOINDEX,
  "X-Content-Type-Options": "nosniff",
};

// How long a browser waits before reconnecting a dropped stream.
const RETRY_MS = 3000;

export async function serveEvents(req: IncomingMessage, res: ServerResponse, share: StoredShare, hub: LiveHub): Promise<void> {
  const refuse = (error: ApiError) => sendResponse(req, res, toErrorResponse(error));
  if (req.method !== "GET") return refuse(new ApiError("method_not_allowed", "Only GET is served here", {}, { Allow: "GET" }));
  // Gone while the gate read the state: its `close` has fired already, and would never remove the stream.
  if (req.socket.destroyed) return;
  const client = clientIp(webHeaders(req));
  try {
    hub.admit(share.id, client);
  } catch (error) {
    return sendResponse(req, res, toErrorResponse(error));
  }
  req.socket.setNoDelay(true);
  req.socket.setKeepAlive(true);
  res.writeHead(200, EVENT_STREAM_HEADERS);
  res.write(`retry: ${RETRY_MS}\n\n`);
  hub.add(share.id, share.version, res, client);
}
