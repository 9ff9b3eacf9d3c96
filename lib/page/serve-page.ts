// Sends a live share's page. A cached version is written as stored, in the encoding the reader accepts
// (brotli, gzip, or identity), with no render and no other work. Otherwise the page is rendered,
// streamed to the reader piece by piece (gzip-compressed on the fly when accepted, flushed after each
// piece), and, when it completed whole and the share is still at that version, compressed once and
// kept (lib/cache/page-cache.ts).
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import zlib from "node:zlib";
import { getConfig } from "../config";
import { acceptedEncodings, compressPage, pageKey, pickEncoding, type CachedPage, type Encoding } from "../cache/page-cache";
import { RENDER_FAILED_ATTR } from "../render/html";
import { getShareFacts } from "../shares/preview";
import { getShareState } from "../shares/shares";
import { loadConversation } from "../shares/view";
import type { StoredShare } from "../store/types";
import { NOINDEX, PAGE_HEADERS, PUBLIC_SHARE_PAGE_HEADERS, SHARE_PAGE_CACHE, pageCsp } from "../http/security-headers";
import type { PageAssets } from "./assets";
import { ReaderGoneError, renderSharePage } from "./render-page";
import { getLogger, shortId } from "../ops/logger";
import { runtime } from "../runtime";

export type PageContext = { share: StoredShare; publicUrl: string; assets: PageAssets };

// X-Parley-Cache: "hit", stored bytes; "miss", rendered for this reader; "shared", stored bytes of
// another reader's render that was in progress when this reader came.
function pageHeaders(assets: PageAssets, cache: "hit" | "miss" | "shared"): Record<string, string> {
  return {
    ...(getConfig().PARLEY_AUTH ? PAGE_HEADERS : PUBLIC_SHARE_PAGE_HEADERS),
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": pageCsp(assets.scriptHash),
    "X-Robots-Tag": NOINDEX,
    "Cache-Control": SHARE_PAGE_CACHE,
    Vary: "Accept-Encoding",
    "X-Parley-Cache": cache,
  };
}

export async function servePage(req: IncomingMessage, res: ServerResponse, { share, publicUrl, assets }: PageContext): Promise<void> {
  const cache = runtime().pageCache;
  const accepted = acceptedEncodings(req.headers["accept-encoding"]);
  const send = (page: CachedPage, how: "hit" | "shared" = "hit") => sendCached(req, res, page, pickEncoding(accepted), assets, how);
  const hit = cache.get(pageKey(share.id, share.version, publicUrl));
  if (hit) return send(hit);

  const headers = pageHeaders(assets, "miss");
  if (req.method === "HEAD") return void res.writeHead(200, headers).end();
  const reader = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) reader.abort();
  });
  // A share syncing every second, with readers opening it: one render at a time serves them all. A
  // reader is sent a kept page of its version or newer, or waits for such a render in progress; only
  // when there is neither does it take a render slot, and it renders the share's newest version then
  // (it may have waited for the slot while the share moved on).
  const tried = new Set<Promise<CachedPage | undefined>>();
  for (;;) {
    const kept = cache.newest(share.id, publicUrl, share.version);
    if (kept) return send(kept);
    const pending = cache.rendering(share.id, publicUrl, share.version);
    if (pending && !tried.has(pending)) {
      tried.add(pending);
      const page = await pending;
      if (page) return send(page, "shared");
      continue; // that render did not complete (its reader left): look again
    }
    let release: () => void;
    try {
      release = await runtime().pageRenders.acquire("reader", reader.signal);
    } catch {
      return; // the reader went away while waiting for a render slot
    }
    if (cache.newest(share.id, publicUrl, share.version) || cache.rendering(share.id, publicUrl, share.version)) {
      release();
      continue;
    }
    const now = await getShareState(share.id).catch(() => null);
    const newest = now?.status === "live" && now.share.version > share.version ? now.share : share;
    if (cache.rendering(share.id, publicUrl, newest.version)) {
      release();
      continue;
    }
    let settle: (page: CachedPage | undefined) => void = () => {};
    cache.renderingNow(newest.id, publicUrl, newest.version, new Promise((resolve) => (settle = resolve)));
    try {
      settle(await streamPage(res, { share: newest, publicUrl, assets }, headers, accepted, reader));
    } finally {
      settle(undefined);
      release();
    }
    return;
  }
}

/** Renders the page to the reader as it goes; the bytes, compressed and kept, once it completed whole. */
async function streamPage(
  res: ServerResponse,
  { share, publicUrl, assets }: PageContext,
  headers: Record<string, string>,
  accepted: Set<Encoding>,
  reader: AbortController,
): Promise<CachedPage | undefined> {
  const generation = runtime().pageCache.generation(share.id);
  const pieces = await renderPieces(share, publicUrl, assets, reader.signal);

  const gzip = accepted.has("gzip") ? zlib.createGzip({ level: 6 }) : null;
  if (gzip) {
    headers["Content-Encoding"] = "gzip";
    gzip.pipe(res);
  }
  res.writeHead(200, headers);
  const out = gzip ?? res;
  const body: Buffer[] = [];
  try {
    for await (const html of pieces) {
      const bytes = Buffer.from(html, "utf8");
      body.push(bytes);
      // No wait for "drain": the whole page is held in `body` anyway, and a slow reader must not keep
      // a render slot (lib/page/render-slots.ts) from the readers behind it.
      out.write(bytes);
      gzip?.flush();
    }
  } catch (error) {
    if (reader.signal.aborted) {
      const where = error instanceof ReaderGoneError ? ` after turn ${error.afterTurn}` : "";
      getLogger().info({ share: shortId(share.id) }, `stopped rendering share ${shortId(share.id)}${where}: the reader went away`);
      return undefined;
    }
    // Headers are sent: all that is left is to end the response short, which the reader sees as an error.
    getLogger().error({ share: shortId(share.id), err: error }, "rendering a share page failed");
    res.destroy(error as Error);
    return undefined;
  }
  out.end();
  return keepPage(share, publicUrl, Buffer.concat(body), generation);
}

/** The page of a share version as HTML pieces, in document order. */
async function renderPieces(share: StoredShare, publicUrl: string, assets: PageAssets, signal?: AbortSignal): Promise<AsyncGenerator<string>> {
  const conversation = await loadConversation(share.id, share.version);
  const facts = await getShareFacts(share.id, share.version);
  return renderSharePage({
    id: share.id,
    version: share.version,
    conversation,
    facts,
    baseUrl: publicUrl,
    siteName: getConfig().PARLEY_SITE_NAME,
    assets,
    signal,
  });
}

/** Compresses a whole rendered page and keeps it, unless it shows a part that failed to render. */
async function keepPage(share: StoredShare, publicUrl: string, identity: Buffer, generation: number): Promise<CachedPage | undefined> {
  // A failure may pass, and must not be served to every later reader.
  if (identity.includes(RENDER_FAILED_ATTR)) return undefined;
  const page = await compressPage(identity);
  // Not kept (unshared meanwhile, or too large to keep): readers already waiting still get these bytes.
  return runtime().pageCache.set(pageKey(share.id, share.version, publicUrl), share.id, share.version, page, generation, publicUrl) ? page : undefined;
}

/**
 * Renders a share version into the page cache with no reader waiting (render at ingest,
 * lib/page/prerender.ts); nothing when that version is kept or a reader is rendering it already.
 * Readers do not wait for this render: it sends no bytes until it is whole, and a reader who comes
 * meanwhile is streamed its own render from the first byte (a 2,000-message page takes seconds).
 */
export async function prerenderPage(share: StoredShare, publicUrl: string, assets: PageAssets): Promise<boolean> {
  const cache = runtime().pageCache;
  const done = () => cache.newest(share.id, publicUrl, share.version) || cache.rendering(share.id, publicUrl, share.version);
  if (done()) return false;
  // After every waiting reader: this is for a reader who has not come yet.
  const release = await runtime().pageRenders.acquire("background");
  try {
    if (done()) return false;
    const generation = cache.generation(share.id);
    let html = "";
    for await (const piece of await renderPieces(share, publicUrl, assets)) html += piece;
    await keepPage(share, publicUrl, Buffer.from(html, "utf8"), generation);
    return true;
  } finally {
    release();
  }
}

function sendCached(req: IncomingMessage, res: ServerResponse, page: CachedPage, encoding: keyof CachedPage, assets: PageAssets, how: "hit" | "shared"): void {
  const body = page[encoding];
  const headers = pageHeaders(assets, how);
  if (encoding !== "identity") headers["Content-Encoding"] = encoding;
  headers["Content-Length"] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}
