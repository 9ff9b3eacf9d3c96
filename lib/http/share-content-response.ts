// Turns served share content into HTTP responses; shared by the raw and file route handlers.
import { toErrorResponse } from "./api";
import { CONTENT_HEADERS, contentDisposition, getAttachment, getToolOutput } from "../shares/content";

const notModified = (req: Request, etag: string) => req.headers.get("if-none-match") === etag;

export async function toolOutputResponse(req: Request, shareId: string, partId: string): Promise<Response> {
  try {
    const { text, etag } = await getToolOutput(shareId, partId);
    const headers = { ...CONTENT_HEADERS, ETag: etag, "Content-Type": "text/plain; charset=utf-8" };
    if (notModified(req, etag)) return new Response(null, { status: 304, headers });
    return new Response(text, { headers });
  } catch (err) {
    return toErrorResponse(err);
  }
}

export async function attachmentResponse(req: Request, shareId: string, partId: string, index?: string): Promise<Response> {
  try {
    // Only plain decimal indexes: "01", "1e0" or "-0" would alias another attachment.
    const n = index === undefined ? undefined : /^(0|[1-9]\d{0,5})$/.test(index) ? Number(index) : -1;
    const file = await getAttachment(shareId, partId, n);
    const headers = {
      ...CONTENT_HEADERS,
      ETag: file.etag,
      "Content-Type": file.mime,
      "Content-Disposition": contentDisposition(file.inline ? "inline" : "attachment", file.filename),
    };
    if (notModified(req, file.etag)) return new Response(null, { status: 304, headers });
    return new Response(new Uint8Array(file.bytes), { headers: { ...headers, "Content-Length": String(file.bytes.length) } });
  } catch (err) {
    return toErrorResponse(err);
  }
}
