// Everything under /s/<id>, /share/<id> and /api/share/<id>: the share's state, read from the store on
// every request, decides before Next sees the request (server.ts calls this first).
//   missing -> counts toward the client's lookup limit (429 past it), then Next answers 404
//   gone    -> the page and every path under it answer 410 (a tombstone page, or JSON); the card
//              answers for itself with a "removed" card; the API's handlers answer their own 410
//   live    -> the page itself is served here (lib/page/serve-page.ts), and so are live follow's event
//              stream (/api/share/<id>/events) and fragments (/s/<id>/fragments): they need the socket
//              and the server's hub; other sub-resources and the API go on to Next's route handlers
// The App Router cannot give a rendered page a 410, and a page answered here never waits for Next.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getShareState, type ShareState } from "../shares/shares";
import { enforceRateLimit } from "../shares/rate-limit";
import type { PageAssets } from "../page/assets";
import { servePage } from "../page/serve-page";
import { serveEvents } from "../live/event-stream";
import { serveFragments } from "../live/fragments";
import type { LiveHub } from "../live/hub";
import { ApiError, toErrorResponse } from "./api";
import { clientIp } from "./client-ip";
import { sendResponse, webHeaders } from "./node-response";
import { publicUrlFrom } from "./public-url";
import { NOINDEX } from "./security-headers";
import { tombstoneResponse } from "./tombstone";

const VIEWER = /^\/(?:s|share)\/([^/]+)(\/.*)?$/;
// Not the sync route: its handler reads the state itself, and a sync should pay for one read, not two.
const API = /^\/api\/share\/([^/]+)(?!\/sync$)(\/.*)?$/;

export type ShareRequest = { id: string | null; viewer: boolean; sub: string };

/** Which share a path names, if any; `id` is null for a malformed escape (it can name no share). */
export function matchSharePath(pathname: string): ShareRequest | null {
  const viewer = VIEWER.exec(pathname);
  const m = viewer ?? API.exec(pathname);
  if (!m) return null;
  return { id: decodeSegment(m[1]), viewer: Boolean(viewer), sub: m[2] ?? "" };
}

/** A path segment decoded; null for a malformed escape. */
export function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Answers the request when the share's state decides it; false when Next should handle it. */
export async function handleShareRequest(req: IncomingMessage, res: ServerResponse, match: ShareRequest, assets: PageAssets, hub: LiveHub): Promise<boolean> {
  const headers = webHeaders(req);
  const answer = async (response: Response) => {
    response.headers.set("X-Robots-Tag", NOINDEX);
    await sendResponse(req, res, response);
    return true;
  };
  let state: ShareState;
  try {
    state = match.id === null ? { status: "missing" } : await getShareState(match.id);
  } catch (error) {
    // A database that cannot answer now is a 503 (lib/store/errors.ts); anything else is a bug, a 500.
    return answer(toErrorResponse(error));
  }
  if (state.status === "missing") {
    try {
      await enforceRateLimit("lookup", clientIp(headers));
    } catch (error) {
      return answer(toErrorResponse(error));
    }
    if (match.id === null) return answer(toErrorResponse(new ApiError("not_found", "No share with this id")));
    return false;
  }
  const page = match.viewer && (match.sub === "" || match.sub === "/");
  const events = !match.viewer && match.sub === "/events";
  if (state.status === "gone") {
    if (page) return answer(tombstoneResponse(state.since, state.reason));
    if (events) return answer(toErrorResponse(new ApiError("gone", "This share is no longer available")));
    if (match.viewer && match.sub !== "/card.png") return answer(toErrorResponse(new ApiError("gone", "This share is no longer available")));
    return false;
  }
  if (page && (req.method === "GET" || req.method === "HEAD")) {
    await servePage(req, res, { share: state.share, publicUrl: publicUrlFrom(headers), assets });
    return true;
  }
  if (events) return serveEvents(req, res, state.share, hub).then(() => true);
  if (match.viewer && match.sub === "/fragments") return serveFragments(req, res, state.share).then(() => true);
  return false;
}
