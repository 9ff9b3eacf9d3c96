// GET /s/:id/file/:partId/:n – attachment n of a tool part's completed state (e.g. the image `read` loaded).
import { attachmentResponse } from "@/lib/http/share-content-response";

export async function GET(req: Request, ctx: RouteContext<"/s/[id]/file/[partId]/[n]">) {
  const { id, partId, n } = await ctx.params;
  return attachmentResponse(req, id, partId, n);
}
