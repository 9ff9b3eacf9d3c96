// DELETE /api/share/:id – unshare: every stored item is deleted, a tombstone remains.
// The secret comes in a JSON body (as the OpenCode client sends it) or as a Bearer token; the
// operator's PARLEY_ADMIN_TOKEN, sent either way, unshares any share.
import { bearerToken, json, readJson, toErrorResponse } from "@/lib/api";
import { unshareRequestSchema } from "@/lib/schema";
import { unshare } from "@/lib/shares";

export async function DELETE(req: Request, ctx: RouteContext<"/api/share/[id]">) {
  try {
    const { id } = await ctx.params;
    const body = await readJson(req, unshareRequestSchema, { limit: 64 * 1024, allowEmpty: true });
    return json(await unshare(id, body.secret ?? bearerToken(req)));
  } catch (err) {
    return toErrorResponse(err);
  }
}
