// The card of a share, cached per share version. The share state is read on every request, so a
// sync (new version) or an unshare takes effect on the next fetch; a repeat fetch is a map lookup.
import "server-only";
import { getConfig } from "../config";
import { getSharePreview } from "../shares/preview";
import { clampText, toCardText } from "./card-text";
import { getCardFonts } from "./fonts";
import { CARD_REVISION, cardModel, renderCard } from "./render-card";
import { runtime } from "../runtime";
import { cacheHits, cacheMisses, cardSeconds, timed } from "../ops/metrics";

export type CardResult = { status: "live"; version: number; etag: string; png: Buffer } | { status: "gone" | "missing"; etag: string; png: Buffer };

const inflight = new Map<string, Promise<Buffer>>();
type FixedKind = "generic" | "removed" | "sign-in";
const fixed = new Map<FixedKind, Promise<Buffer>>();

function fixedCard(kind: FixedKind): Promise<Buffer> {
  let png = fixed.get(kind);
  if (!png) {
    png = renderCard({ kind, siteName: clampText(toCardText(getConfig().PARLEY_SITE_NAME, getCardFonts().coverage).text, 40) || "Parley" });
    png.catch(() => fixed.delete(kind));
    fixed.set(kind, png);
  }
  return png;
}

/** SSO mode's card for every share: site name and "Sign in to view", the same bytes for every id. */
export async function getSignInCard(): Promise<{ etag: string; png: Buffer }> {
  return { etag: `"card-sign-in-r${CARD_REVISION}"`, png: await fixedCard("sign-in") };
}

export async function getShareCard(id: string): Promise<CardResult> {
  const preview = await getSharePreview(id);
  if (preview.status !== "live") {
    if (preview.status === "gone") runtime().cards.delete(id);
    const kind = preview.status === "gone" ? "removed" : "generic";
    return { status: preview.status, etag: `"card-${kind}-r${CARD_REVISION}"`, png: await fixedCard(kind) };
  }
  const etag = `"card-${preview.version}-r${CARD_REVISION}"`;
  const cards = runtime().cards;
  const hit = cards.get(id);
  if (hit?.version === preview.version) cacheHits.inc({ cache: "card" });
  else cacheMisses.inc({ cache: "card" });
  if (hit?.version === preview.version) return { status: "live", version: preview.version, etag, png: hit.png };

  // Several unfurlers fetch a freshly posted link at once; render each version once.
  const key = `${id}:${preview.version}`;
  let pending = inflight.get(key);
  if (!pending) {
    pending = timed(cardSeconds, {}, () => renderCard(cardModel(preview.facts, getConfig().PARLEY_SITE_NAME))).finally(() => inflight.delete(key));
    inflight.set(key, pending);
  }
  const png = await pending;
  // Only the newest version seen is kept; a slow render of an older one must not replace it.
  if ((cards.get(id)?.version ?? -1) <= preview.version) cards.set(id, { version: preview.version, png });
  return { status: "live", version: preview.version, etag, png };
}
