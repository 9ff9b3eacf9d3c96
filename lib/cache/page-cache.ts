// Whole viewer pages, per share version, compressed once: a warm view of an unchanged share costs one
// store read (its state and version, done by lib/http/share-gate.ts before it looks here) and a write
// of bytes that were brotli- and gzip-compressed when the page was first rendered. The body is the
// same for every reader (the page's one script is allowed by its hash, not by a per-request nonce),
// which is what makes compressing it once possible. A sync (new version, new key) renders afresh;
// unshare and expiry drop the entries through runtime().forgetShare().
import { promisify } from "node:util";
import zlib from "node:zlib";
import { ShareLru } from "./share-lru";

export type Encoding = "br" | "gzip" | "identity";
export type CachedPage = Record<Encoding, Buffer>;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The page of a share version as seen from one public origin (its links and preview tags carry it). */
export function pageKey(shareId: string, version: number, publicUrl: string): string {
  return JSON.stringify([shareId, version, publicUrl]);
}

/** Compresses a page the way it is stored: both encodings at a high level, in zlib's thread pool. */
export async function compressPage(identity: Buffer): Promise<CachedPage> {
  const [br, gz] = await Promise.all([
    brotli(identity, {
      params: {
        // Quality 6: measured on Parley pages of 83 KB to 730 KB, 9 costs ~80-90 ms of CPU (a fixed
        // cost, even for a small page: its larger hash tables) and ~30 MB of memory per page for 1% fewer
        // bytes; 6 costs 3-5 ms. This runs once per share version, so a share syncing every second
        // paid that each second on the cores its readers and syncs use.
        [zlib.constants.BROTLI_PARAM_QUALITY]: 6,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
    gzip(identity, { level: 9 }),
  ]);
  return { identity, br, gzip: gz };
}

export const pageBytes = (page: CachedPage) => page.identity.length + page.br.length + page.gzip.length;

/** The encodings a client accepts, from its Accept-Encoding header (identity always). */
export function acceptedEncodings(acceptEncoding: string | undefined): Set<Encoding> {
  const q = new Map<string, number>();
  for (const entry of (acceptEncoding ?? "").toLowerCase().split(",")) {
    const [name, ...params] = entry.trim().split(";");
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (name) q.set(name.trim(), weight === undefined ? 1 : Number(weight));
  }
  const ok = (name: string) => (q.get(name) ?? q.get("*") ?? 0) > 0;
  return new Set<Encoding>(["identity", ...(["br", "gzip"] as const).filter(ok)]);
}

/** The smallest encoding the client accepts: brotli, then gzip. */
export function pickEncoding(accepted: Set<Encoding>): Encoding {
  return accepted.has("br") ? "br" : accepted.has("gzip") ? "gzip" : "identity";
}

export class PageCache {
  private readonly lru: ShareLru<{ version: number; publicUrl: string; page: CachedPage }>;
  // Pages being rendered now: a reader of that version, or of an older one, waits for these bytes
  // instead of rendering again (undefined: the render did not complete, render it yourself).
  private readonly inFlight = new Map<string, { shareId: string; publicUrl: string; version: number; page: Promise<CachedPage | undefined> }>();

  constructor(readonly maxBytes: number) {
    this.lru = new ShareLru(maxBytes);
  }

  get(key: string): CachedPage | undefined {
    return this.lru.get(key)?.page;
  }

  /** The newest kept page of a share at `version` or later (a reader may be sent a newer page than it asked for). */
  newest(shareId: string, publicUrl: string, version: number): CachedPage | undefined {
    let best: { version: number; key: string } | undefined;
    for (const key of this.lru.keysOf(shareId)) {
      const entry = this.lru.peek(key);
      if (entry && entry.publicUrl === publicUrl && entry.version >= version && (!best || entry.version > best.version)) best = { version: entry.version, key };
    }
    return best && this.get(best.key);
  }

  /** Taken before rendering; set() refuses the page if the share was dropped in between. */
  generation(shareId: string): number {
    return this.lru.generation(shareId);
  }

  /**
   * Keeps a rendered page and forgets the share's older versions (no reader can be sent them again).
   * False when the share was dropped since `generation`, or the page is over a quarter of the bound:
   * one huge share must not push every other page out.
   */
  set(key: string, shareId: string, version: number, page: CachedPage, generation: number, publicUrl = ""): boolean {
    const bytes = pageBytes(page);
    if (bytes > this.maxBytes / 4) return false;
    for (const old of this.lru.keysOf(shareId)) if ((this.lru.peek(old)?.version ?? version) < version) this.lru.delete(old);
    return this.lru.set(key, shareId, { version, publicUrl, page }, bytes, generation);
  }

  /** The newest render in progress of a share at `version` or later, if any. */
  rendering(shareId: string, publicUrl: string, version: number): Promise<CachedPage | undefined> | undefined {
    let best: { version: number; page: Promise<CachedPage | undefined> } | undefined;
    for (const r of this.inFlight.values())
      if (r.shareId === shareId && r.publicUrl === publicUrl && r.version >= version && (!best || r.version > best.version)) best = r;
    return best?.page;
  }

  /** Records that a share version is being rendered until `page` settles. */
  renderingNow(shareId: string, publicUrl: string, version: number, page: Promise<CachedPage | undefined>): void {
    const key = pageKey(shareId, version, publicUrl);
    const entry = { shareId, publicUrl, version, page };
    this.inFlight.set(key, entry);
    void page.finally(() => {
      if (this.inFlight.get(key) === entry) this.inFlight.delete(key);
    });
  }

  dropShare(shareId: string): number {
    return this.lru.dropShare(shareId);
  }

  get size(): number {
    return this.lru.size;
  }
}
