// GET /s/<id>/fragments?turns=<id>,<id>: the HTML of changed turns for a page that follows the share
// live (components/client/live-follow.ts), rendered by the page's own code from the same render cache,
// for the share's current version. Without `turns`, every turn (a page that fell behind catches up).
// JSON: {version, order: [turn ids in page order], turns: [{id, html}], files: html | null, header:
// html | null}: the files-changed section and the page header when asked for ("files", "header").
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createElement } from "react";
import { planConversation } from "@/components/conversation/conversation";
import { ShareHeader } from "@/components/conversation/share-header";
import { renderFilesChanged, renderTurns } from "@/components/conversation/turn-runs";
import { API_HEADERS, ApiError, json, toErrorResponse } from "../http/api";
import { sendResponse } from "../http/node-response";
import { loadConversation } from "../shares/view";
import type { StoredShare } from "../store/types";
import { renderToHtml } from "../render/html";
import { FILES, HEADER } from "./digests";

// More ids than a page has turns is a probe, not a page: refuse it before any work.
const MAX_IDS = 2000;

export async function serveFragments(req: IncomingMessage, res: ServerResponse, share: StoredShare): Promise<void> {
  if (req.method !== "GET") return sendResponse(req, res, toErrorResponse(new ApiError("method_not_allowed", "Only GET is served here", {}, { Allow: "GET" })));
  const param = new URL(req.url ?? "/", "http://x").searchParams.get("turns");
  const ids = param === null ? null : new Set(param.split(",").filter(Boolean));
  if (ids && ids.size > MAX_IDS) return sendResponse(req, res, toErrorResponse(new ApiError("bad_request", `At most ${MAX_IDS} turns at a time`)));
  const plan = planConversation(await loadConversation(share.id, share.version), share.id);
  const turns = await renderTurns(plan.chunks, ids, plan.ctx);
  const files = !ids || ids.has(FILES) ? await renderFilesChanged(plan.files, share.id) : null;
  const header = !ids || ids.has(HEADER) ? await renderToHtml(createElement(ShareHeader, { title: plan.title, stats: plan.stats, shareId: share.id })) : null;
  const order = plan.chunks.flat().map((t) => t.id);
  // Share content: never stored anywhere (API_HEADERS: no-store, noindex).
  await sendResponse(req, res, json({ version: share.version, order, turns, files, header }, 200, API_HEADERS));
}
