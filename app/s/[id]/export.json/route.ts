// GET /s/:id/export.json – the share in `opencode export` form, for `opencode import <file>` (404/410 JSON when not live).
import { exportJson } from "@/lib/export/export-share";
import { exportResponse } from "@/lib/http/export-response";

export async function GET(_req: Request, ctx: RouteContext<"/s/[id]/export.json">) {
  const { id } = await ctx.params;
  return exportResponse(() => exportJson(id), "application/json; charset=utf-8", "attachment");
}
