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
 *
 * Bytes that fail to parse can follow a complete request on the same connection (a body longer than
 * its Content-Length, pipelining). That request is still being answered when the parser gives up, so
 * the 400 waits for its answer: a client reads each request's own answer, in order, and never a 400
 * for a request that was carried out.
 */
export function clientErrorHandler(): {
  track: (req: IncomingMessage, res: ServerResponse) => void;
  onClientError: (err: NodeJS.ErrnoException, socket: Duplex) => void;
} {
  const answering = new WeakMap<Duplex, { req: IncomingMessage; res: ServerResponse }>();
  return {
    track(req, res) {
      answering.set(req.socket, { req, res });
      res.once("close", () => answering.get(req.socket)?.res === res && answering.delete(req.socket));
    },
    onClientError(err, socket) {
      const current = answering.get(socket);
      // A request whose own body broke off will never be answered: its 400 is the answer, now.
      if (current?.req.complete && !current.res.writableFinished) current.res.once("close", () => answerClientError(err, socket));
      else answerClientError(err, socket);
    },
  };
}

function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
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

/**
 * Reads and drops the body of a request no handler reads (a GET or a HEAD with one). Answering first
 * and then closing would close the socket with the body unread: the kernel then resets the connection
 * (TCP RST), and the client can lose the tail of the answer it was sent. False when the body is over
 * `limit` (the caller answers 413; its tail may be lost, as for any body that size).
 */
export async function discardBody(req: IncomingMessage, limit: number): Promise<boolean> {
  if (req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined) return true;
  let bytes = 0;
  try {
    for await (const chunk of req) {
      bytes += (chunk as Buffer).length;
      if (bytes > limit) return false;
    }
  } catch {
    // The client went away mid-body: nothing is left to answer.
  }
  return true;
}
