// GET /s/:id/raw/:partId – the full text of a tool output as text/plain (the page shows only its start).
import { toolOutputResponse } from "@/lib/http/share-content-response";

export async function GET(req: Request, ctx: RouteContext<"/s/[id]/raw/[partId]">) {
  const { id, partId } = await ctx.params;
  return toolOutputResponse(req, id, partId);
}
