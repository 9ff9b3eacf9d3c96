// Turns served share content into HTTP responses; shared by the raw, file, diff and code route handlers.
import { toErrorResponse } from "./api";
import { CONTENT_HEADERS, contentDisposition, getAttachment, getChangedFile, getPartBody, getToolOutput } from "../shares/content";
import { diffBlockHtml } from "../render/diff-html";

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

/**
 * Content a page block shows shortened or collapsed: as text/plain (what a reader without JavaScript
 * opens), or with `?fragment` as the page's HTML for it, which the page script fetches into the block.
 */
async function textOrFragment(req: Request, etag: string, text: string, html: () => Promise<string>): Promise<Response> {
  const fragment = new URL(req.url).searchParams.has("fragment");
  const tag = fragment ? `${etag.slice(0, -1)}-html"` : etag;
  const headers = { ...CONTENT_HEADERS, ETag: tag, "Content-Type": fragment ? "text/html; charset=utf-8" : "text/plain; charset=utf-8" };
  if (notModified(req, tag)) return new Response(null, { status: 304, headers });
  return new Response(fragment ? await html() : text, { headers });
}

/** A changed file's diff: its patch, or with `?fragment` the page's diff block (see textOrFragment). */
export async function diffResponse(req: Request, shareId: string, anchor: string): Promise<Response> {
  try {
    const file = await getChangedFile(shareId, anchor);
    return await textOrFragment(req, file.etag, file.patch, () => diffBlockHtml(file.patch, file.path, shareId));
  } catch (err) {
    return toErrorResponse(err);
  }
}

/** A part's whole body (see getPartBody): its text, or with `?fragment` the page's HTML for it. */
export async function partBodyResponse(req: Request, shareId: string, partId: string): Promise<Response> {
  try {
    const body = await getPartBody(shareId, partId);
    return await textOrFragment(req, body.etag, body.text, body.html);
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
