// GET /s/:id/card.png – the link-preview card (1200x630 PNG). A live share gets its card; an unshared
// or expired one a "removed" card with status 410 (proxy.ts answers 410 first, this is the backstop);
// an unknown id the generic card, so a mistyped link still unfurls cleanly. In SSO mode
// (PARLEY_AUTH=oidc) every id gets the "Sign in to view" card: bots cannot sign in, and the card must
// not tell anyone the title, model or counts (the gate in front lets this one path through for them).
import { getConfig } from "@/lib/config";
import { getShareCard, getSignInCard } from "@/lib/og/card-cache";

export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: RouteContext<"/s/[id]/card.png">) {
  const { id } = await ctx.params;
  try {
    const card = getConfig().PARLEY_AUTH === "oidc" ? { status: "live" as const, ...(await getSignInCard()) } : await getShareCard(id);
    const headers = new Headers({
      "content-type": "image/png",
      etag: card.etag,
      // No shared cache may keep a card past an unshare; each fetch revalidates (a cheap 304 via the ETag).
      "cache-control": card.status === "live" ? "private, no-cache" : "no-store",
      "x-content-type-options": "nosniff",
    });
    const status = card.status === "gone" ? 410 : 200;
    if (status === 200 && request.headers.get("if-none-match") === card.etag) return new Response(null, { status: 304, headers });
    headers.set("content-length", String(card.png.length));
    return new Response(new Uint8Array(card.png), { status, headers });
  } catch (error) {
    console.error("card route failed:", error instanceof Error ? error.message : error);
    return Response.json({ error: { code: "internal", message: "The preview card could not be rendered" } }, { status: 500 });
  }
}
