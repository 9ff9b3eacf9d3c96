// GET /s/:id/diff/:file – a changed file's patch as text/plain, or (?fragment) its diff block as HTML
// for the page to show when a collapsed file is opened.
import { diffResponse } from "@/lib/http/share-content-response";

export async function GET(req: Request, ctx: RouteContext<"/s/[id]/diff/[file]">) {
  const { id, file } = await ctx.params;
  return diffResponse(req, id, file);
}
