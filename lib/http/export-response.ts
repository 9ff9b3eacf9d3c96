// Export files as HTTP responses: never indexed, never stored by a browser or proxy (an unshare must
// leave no copy behind), never sniffed or run.
import { toErrorResponse } from "./api";
import { contentDisposition } from "../shares/content";
import { NOINDEX } from "./security-headers";
import type { ExportFile } from "../export/export-share";

export async function exportResponse(make: () => Promise<ExportFile>, type: string, disposition: "inline" | "attachment"): Promise<Response> {
  try {
    const file = await make();
    return new Response(file.body, {
      headers: {
        "Content-Type": type,
        "Content-Disposition": contentDisposition(disposition, file.filename),
        "Cache-Control": "no-store",
        "X-Robots-Tag": NOINDEX,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  } catch (err) {
    return toErrorResponse(err);
  }
}
