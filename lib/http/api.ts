// The one error model of the HTTP API, and the helpers every route handler shares:
// read a bounded JSON body, map ApiError to {"error": {code, message}}, set the headers every
// /api/share response carries.
import type { z } from "zod";
import type { ShareGoneError, ShareTooLargeError, StoreUnavailableError } from "../store/types";
import { NOINDEX } from "./security-headers";
import { formatBytes } from "../view/format";

export const ERROR_STATUS = {
  bad_request: 400,
  bad_path: 400,
  bad_json: 400,
  secret_missing: 401,
  secret_wrong: 403,
  sharing_disabled: 403,
  not_found: 404,
  method_not_allowed: 405,
  gone: 410,
  too_large: 413,
  unsupported_media_type: 415,
  invalid: 422,
  rate_limited: 429,
  too_many_streams: 429,
  headers_too_large: 431,
  internal: 500,
  unavailable: 503,
  streams_full: 503,
  storage_full: 507,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Headers on every response under /api/share: never indexed, never cached. */
export const API_HEADERS: Record<string, string> = {
  "X-Robots-Tag": NOINDEX,
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...API_HEADERS, ...headers },
  });
}

// By name, not instanceof: the store's error classes may come from another chunk of the build.
const isNamed = <T extends Error>(err: unknown, name: string): err is T => err instanceof Error && err.name === name;

export function toErrorResponse(err: unknown): Response {
  if (isNamed<ShareGoneError>(err, "ShareGoneError")) err = new ApiError("gone", "This share was unshared or has expired");
  if (isNamed<ShareTooLargeError>(err, "ShareTooLargeError"))
    err = new ApiError(
      "too_large",
      `This sync would make the share ${formatBytes(err.bytes)}, over this server's ${formatBytes(err.limit)} limit per share; nothing of it was stored`,
      { bytes: err.bytes, limit: err.limit },
    );
  if (isNamed<StoreUnavailableError>(err, "StoreUnavailableError")) err = unavailableError(err);
  if (err instanceof ApiError) {
    return json({ error: { code: err.code, message: err.message, ...err.details } }, err.status, err.headers);
  }
  console.error("[parley] unexpected error", err);
  return json({ error: { code: "internal", message: "Internal server error" } }, 500);
}

// The request was fine and nothing of it was stored: the client may send it again. Logged once per
// request, without the stack: an outage answers many requests and is not a bug.
function unavailableError(err: StoreUnavailableError): ApiError {
  console.error(`[parley] ${err.message}`);
  if (err.reason === "full") {
    return new ApiError("storage_full", "The server's storage is full; nothing of this request was stored, try again later", undefined, {
      "Retry-After": "30",
    });
  }
  const message = err.reason === "busy" ? "The database is busy" : "The database is unavailable";
  return new ApiError("unavailable", `${message}; nothing of this request was stored, try again shortly`, undefined, { "Retry-After": "1" });
}

/**
 * The handler for every method a route does not serve. Without it Next answers 405 with an empty
 * body, outside the error model.
 */
export function methodNotAllowed(...allow: string[]): () => Response {
  const message = `This endpoint answers ${allow.join(", ")} only`;
  return () => json({ error: { code: "method_not_allowed", message } }, 405, { Allow: [...allow, "OPTIONS"].join(", ") });
}

/**
 * Reads a request body of at most `limit` bytes. A declared Content-Length over the limit is refused
 * before reading; an undeclared or lying body is cut off as soon as it passes the limit.
 */
export async function readBody(req: Request, limit: number): Promise<string> {
  const tooLarge = () => new ApiError("too_large", `Request body is over this server's ${formatBytes(limit)} limit; nothing was stored`, { limit });
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    // A client that goes away mid-body (or lied in Content-Length and hung up) is not a server error.
    const { done, value } = await reader.read().catch(() => {
      throw new ApiError("bad_json", "The request body ended before its declared length");
    });
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses a bounded JSON body, then checks its request-level shape. An empty body parses as `{}` when allowed. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, options: { limit: number; allowEmpty?: boolean }): Promise<z.infer<S>> {
  const text = await readBody(req, options.limit);
  let value: unknown;
  if (text.trim() === "" && options.allowEmpty) value = {};
  else {
    try {
      value = JSON.parse(text);
    } catch {
      throw new ApiError("bad_json", "Request body is not valid JSON");
    }
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ApiError("invalid", result.error.issues.map((i) => i.message).join("; "), {
      issues: result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  return result.data;
}

export function bearerToken(req: Request): string | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.get("authorization") ?? "");
  return m?.[1].trim();
}
