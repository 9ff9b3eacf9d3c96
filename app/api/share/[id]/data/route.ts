// GET /api/share/:id/data – the merged Data[] sorted by key, as `opencode import` reads it.
import { json, toErrorResponse, methodNotAllowed } from "@/lib/http/api";
import { getShareData } from "@/lib/shares/shares";

export async function GET(_req: Request, ctx: RouteContext<"/api/share/[id]/data">) {
  try {
    const { id } = await ctx.params;
    return json(await getShareData(id));
  } catch (err) {
    return toErrorResponse(err);
  }
}

const notAllowed = methodNotAllowed("GET", "HEAD");
export { notAllowed as POST, notAllowed as PUT, notAllowed as DELETE, notAllowed as PATCH };
