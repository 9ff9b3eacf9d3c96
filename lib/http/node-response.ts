// Parley's server answers some requests itself (tombstones, JSON errors before Next, share pages);
// the answers are built as Web Responses by the same helpers the route handlers use, and written out
// to Node's response here.
import type { IncomingMessage, ServerResponse } from "node:http";

export async function sendResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) headers[name] = value;
  headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

/** A Node request's headers as Web Headers (for the helpers shared with Next's handlers). */
export function webHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}
