// Parley's server answers some requests itself (tombstones, JSON errors before Next, share pages);
// the answers are built as Web Responses by the same helpers the route handlers use, and written out
// to Node's response here.
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { API_HEADERS, ERROR_STATUS } from "./api";

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

/**
 * What Node's HTTP parser answers itself (a malformed request, headers over its limit), in the error
 * model: by default it writes a bare "400 Bad Request" with no body. The socket is closed after it.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
  const tooLarge = err.code === "HPE_HEADER_OVERFLOW";
  const status = tooLarge ? ERROR_STATUS.headers_too_large : ERROR_STATUS.bad_request;
  const body = JSON.stringify({
    error: tooLarge
      ? { code: "headers_too_large", message: "The request's headers are over this server's limit" }
      : { code: "bad_request", message: "The request is not valid HTTP" },
  });
  const head = [`HTTP/1.1 ${status} ${STATUS_CODES[status]}`, "Content-Type: application/json; charset=utf-8", `Content-Length: ${Buffer.byteLength(body)}`];
  head.push(...Object.entries(API_HEADERS).map(([k, v]) => `${k}: ${v}`), "Connection: close");
  socket.end(`${head.join("\r\n")}\r\n\r\n${body}`);
}
