// POST /api/share/:id/sync – upsert items by key (requires the share secret). Invalid items are
// reported by index and skipped; the valid items of the same batch are stored.
import { json, readJson, toErrorResponse, methodNotAllowed } from "@/lib/http/api";
import { getConfig } from "@/lib/config";
import { syncRequestSchema } from "@/lib/schema";
import { syncShare } from "@/lib/shares/shares";

export async function POST(req: Request, ctx: RouteContext<"/api/share/[id]/sync">) {
  try {
    const { id } = await ctx.params;
    const body = await readJson(req, syncRequestSchema, { limit: getConfig().PARLEY_MAX_BODY });
    return json(await syncShare(id, body.secret, body.data));
  } catch (err) {
    return toErrorResponse(err);
  }
}

const notAllowed = methodNotAllowed("POST");
export { notAllowed as GET, notAllowed as PUT, notAllowed as DELETE, notAllowed as PATCH };
