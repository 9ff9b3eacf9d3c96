// PUT /api/share/:id/expiry – set or clear a share's expiry (requires the share secret or the admin
// token). Body: {secret, expiresAt: ISO time | epoch ms | null} or {secret, ttl: "30d"}.
import { ApiError, bearerToken, json, readJson, toErrorResponse, methodNotAllowed } from "@/lib/http/api";
import { parseDuration } from "@/lib/config";
import { expiryRequestSchema } from "@/lib/schema";
import { setShareExpiry } from "@/lib/shares/shares";

export async function PUT(req: Request, ctx: RouteContext<"/api/share/[id]/expiry">) {
  try {
    const { id } = await ctx.params;
    const body = await readJson(req, expiryRequestSchema, { limit: 64 * 1024 });
    let expiresAt: number | null;
    if (body.ttl !== undefined) {
      const ms = parseDuration(body.ttl);
      if (ms === null || ms <= 0) throw new ApiError("invalid", `"${body.ttl}" is not a duration (examples: 30d, 12h, 90m)`);
      expiresAt = Date.now() + ms;
    } else expiresAt = body.expiresAt === null || body.expiresAt === undefined ? null : new Date(body.expiresAt).getTime();
    return json(await setShareExpiry(id, body.secret ?? bearerToken(req), expiresAt));
  } catch (err) {
    return toErrorResponse(err);
  }
}

const notAllowed = methodNotAllowed("PUT");
export { notAllowed as GET, notAllowed as POST, notAllowed as DELETE, notAllowed as PATCH };
