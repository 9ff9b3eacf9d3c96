// One HTTP/1.1 request over a bare socket, so a fuzzer can send what fetch refuses to: a lying
// Content-Length, a truncated body, raw bytes that are not UTF-8, odd methods and header values.
import net from "node:net";

export type RawRequest = {
  method: string;
  path: string;
  headers: [string, string][];
  body: Buffer;
  /** Content-Length to declare; omitted -> the body's length, null -> no header (body ends with the socket). */
  contentLength?: number | null;
  /** Close the sending side after this many body bytes (a client that goes away mid-body). */
  truncateAt?: number;
};

export type RawResponse = { kind: "response"; status: number; headers: Record<string, string>; body: Buffer } | { kind: "none"; reason: string };

export function sendRaw(port: number, req: RawRequest, timeoutMs = 60_000): Promise<RawResponse> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    let settled = false;
    const done = (r: RawResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => done(parse(Buffer.concat(chunks)) ?? { kind: "none", reason: "timeout" }), timeoutMs);
    // A HEAD answer has headers only, whatever its Content-Length says.
    const parse = (buf: Buffer, eof = false) => parseResponse(buf, eof, req.method === "HEAD");
    socket.on("data", (d) => {
      chunks.push(d);
      const parsed = parse(Buffer.concat(chunks));
      if (parsed) done(parsed);
    });
    socket.on("end", () => done(parse(Buffer.concat(chunks), true) ?? { kind: "none", reason: "closed" }));
    socket.on("error", (err) => done(parse(Buffer.concat(chunks), true) ?? { kind: "none", reason: (err as NodeJS.ErrnoException).code ?? err.message }));
    socket.on("connect", () => {
      const declared = req.contentLength === undefined ? req.body.length : req.contentLength;
      const lines = [`${req.method} ${req.path} HTTP/1.1`, "Host: 127.0.0.1", "Connection: close"];
      for (const [k, v] of req.headers) lines.push(`${k}: ${v}`);
      if (declared !== null) lines.push(`Content-Length: ${declared}`);
      const head = Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1");
      const body = req.truncateAt === undefined ? req.body : req.body.subarray(0, req.truncateAt);
      socket.write(Buffer.concat([head, body]));
      // No Content-Length, or a client that stops early: only closing our side tells the server the body ended.
      if (declared === null || req.truncateAt !== undefined || declared > req.body.length) socket.end();
    });
  });
}

/** A complete response in `buf`, or null while more is needed (`eof`: the server closed). */
function parseResponse(buf: Buffer, eof: boolean, head: boolean): RawResponse | null {
  const end = buf.indexOf("\r\n\r\n");
  if (end < 0) return null;
  const [statusLine, ...headerLines] = buf.subarray(0, end).toString("latin1").split("\r\n");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  const rest = buf.subarray(end + 4);
  if (head || status === 204 || status === 304) return { kind: "response", status, headers, body: Buffer.alloc(0) };
  if (headers["transfer-encoding"]?.includes("chunked")) {
    const body = dechunk(rest);
    // Closed before the last chunk: the server gave up on this request (the client hung up mid-body).
    return body ? { kind: "response", status, headers, body } : eof ? { kind: "none", reason: `incomplete ${status} response` } : null;
  }
  if (headers["content-length"] !== undefined) {
    const n = Number(headers["content-length"]);
    if (rest.length >= n) return { kind: "response", status, headers, body: rest.subarray(0, n) };
    return eof ? { kind: "none", reason: `incomplete ${status} response` } : null;
  }
  return eof ? { kind: "response", status, headers, body: rest } : null;
}

function dechunk(buf: Buffer): Buffer | null {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = buf.indexOf("\r\n", at);
    if (eol < 0) return null;
    const size = parseInt(buf.subarray(at, eol).toString("latin1"), 16);
    if (!Number.isFinite(size)) return null;
    if (size === 0) return Buffer.concat(out);
    if (buf.length < eol + 2 + size + 2) return null;
    out.push(buf.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}
