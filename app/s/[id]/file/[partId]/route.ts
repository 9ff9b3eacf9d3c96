// GET /s/:id/file/:partId – a file part's bytes from its data: URL; images inline, anything else downloaded.
import { attachmentResponse } from "@/lib/http/share-content-response";

export async function GET(req: Request, ctx: RouteContext<"/s/[id]/file/[partId]">) {
  const { id, partId } = await ctx.params;
  return attachmentResponse(req, id, partId);
}
