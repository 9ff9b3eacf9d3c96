// GET /s/:id/code/:partId – the whole body of a read, write or edit tool part: the file's text or the
// edit's patch as text/plain, or (?fragment) the page's HTML for it, which the page fetches when a
// reader opens a long file or diff it showed only the start of.
import { partBodyResponse } from "@/lib/http/share-content-response";

export async function GET(req: Request, ctx: RouteContext<"/s/[id]/code/[partId]">) {
  const { id, partId } = await ctx.params;
  return partBodyResponse(req, id, partId);
}
