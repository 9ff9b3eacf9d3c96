// The card of a share, cached by what it shows. The share state is read on every request, so an
// unshare takes effect on the next fetch; a sync that leaves the card's text as it was (most of a
// session's syncs: parts growing inside one message) keeps the cached card, and a repeat fetch is a
// map lookup. New cards render off the main thread, one at a time (lib/og/card-renderer.ts).
import "server-only";
import { createHash } from "node:crypto";
import { getConfig } from "../config";
import { getSharePreview } from "../shares/preview";
import { clampText, toCardText } from "./card-text";
import { getCardFonts } from "./fonts";
import { CARD_REVISION, cardModel, renderCard } from "./render-card";
import { runtime } from "../runtime";
import { cacheHits, cacheMisses } from "../ops/metrics";

export type CardResult = { status: "live"; version: number; etag: string; png: Buffer } | { status: "gone" | "missing"; etag: string; png: Buffer };

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

const etagOf = (key: string) => `"card-${key}-r${CARD_REVISION}"`;

export async function getShareCard(id: string): Promise<CardResult> {
  const preview = await getSharePreview(id);
  if (preview.status !== "live") {
    if (preview.status === "gone") runtime().cards.delete(id);
    const kind = preview.status === "gone" ? "removed" : "generic";
    return { status: preview.status, etag: `"card-${kind}-r${CARD_REVISION}"`, png: await fixedCard(kind) };
  }
  const model = cardModel(preview.facts, getConfig().PARLEY_SITE_NAME);
  const key = createHash("sha256").update(JSON.stringify(model)).digest("base64url").slice(0, 16);
  const cards = runtime().cards;
  const hit = cards.get(id);
  if (hit?.key === key) {
    cacheHits.inc({ cache: "card" });
    return { status: "live", version: preview.version, etag: etagOf(key), png: hit.png };
  }
  cacheMisses.inc({ cache: "card" });
  // Several unfurlers fetch a freshly posted link at once: each card is rendered once. The answer may
  // be a newer card of the share, if it synced meanwhile.
  const card = await runtime().cardRenderer.render(id, key, model);
  // Only the newest card seen is kept; a slow render of an older one must not replace it.
  if ((cards.get(id)?.version ?? -1) <= preview.version) cards.set(id, { version: preview.version, key: card.key, png: card.png });
  return { status: "live", version: preview.version, etag: etagOf(card.key), png: card.png };
}
