// GET /s/:id/export.md – the share as Markdown for a pull request or an issue (404/410 JSON when not live).
// Disposition inline: a browser that can show text/markdown shows it; others save it under the title.
import { exportMarkdown } from "@/lib/export/export-share";
import { exportResponse } from "@/lib/http/export-response";
import { publicUrlFrom } from "@/lib/http/public-url";

export async function GET(req: Request, ctx: RouteContext<"/s/[id]/export.md">) {
  const { id } = await ctx.params;
  return exportResponse(() => exportMarkdown(id, publicUrlFrom(req.headers)), "text/markdown; charset=utf-8", "inline");
}
