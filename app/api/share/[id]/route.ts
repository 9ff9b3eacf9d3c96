// DELETE /api/share/:id – unshare: every stored item is deleted, a tombstone remains.
// The secret comes in a JSON body (as the OpenCode client sends it) or as a Bearer token; the
// operator's PARLEY_ADMIN_TOKEN, sent either way, unshares any share.
import { bearerToken, json, readJson, toErrorResponse, methodNotAllowed } from "@/lib/http/api";
import { unshareRequestSchema } from "@/lib/schema";
import { unshare } from "@/lib/shares/shares";

export async function DELETE(req: Request, ctx: RouteContext<"/api/share/[id]">) {
  try {
    const { id } = await ctx.params;
    // A Bearer token is enough on its own: a client sending one need not send a well-formed body too.
    const secret = bearerToken(req) ?? (await readJson(req, unshareRequestSchema, { limit: 64 * 1024, allowEmpty: true })).secret;
    return json(await unshare(id, secret));
  } catch (err) {
    return toErrorResponse(err);
  }
}

const notAllowed = methodNotAllowed("DELETE");
export { notAllowed as GET, notAllowed as POST, notAllowed as PUT, notAllowed as PATCH };
