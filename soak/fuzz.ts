// Bad input: fast-check requests against a running server, checked one by one: no 5xx, every API
// 4xx in the error model, no request left without an answer unless it never finished sending, no
// rejected request changing stored data, and the process still alive at the end.
import zlib from "node:zlib";
import { sendRaw, type RawRequest, type RawResponse } from "./raw-http";
import { sampleRequests, type BodyShape, type FuzzRequest, type SecretChoice } from "./fuzz-requests";

export type FuzzFigures = {
  requests: number;
  /** Requests whose path has a malformed percent-escape ("%", "%ZZ") after the share id. */
  malformedPaths: { requests: number; fiveHundreds: number };
  byStatus: Record<string, number>;
  noAnswer: number;
  failures: string[];
  /** Requests whose rejected mutation changed the share (must be 0). */
  changedByRejected: number;
  /** Node's own HTTP parser answered (malformed framing), before any Parley code ran. */
  parserAnswers: number;
  seconds: number;
};

type Owned = { id: string; secret: string };
type Worker = { own: Owned; snapshot: string };

const NATURAL: Record<string, string> = {
  "/api/share": "POST",
  "/api/share/{id}": "DELETE",
  "/api/share/{id}/sync": "POST",
  "/api/share/{id}/expiry": "PUT",
};
const MUTATING = /^\/api\/share(\/|$)/;

export type FuzzOptions = {
  baseURL: string;
  seed: number;
  requests: number;
  concurrency?: number;
  chunk?: number;
  onProgress?: (done: number, figures: FuzzFigures) => void;
};

export async function runFuzz(options: FuzzOptions): Promise<FuzzFigures> {
  const port = Number(new URL(options.baseURL).port);
  const started = Date.now();
  const figures: FuzzFigures = {
    requests: 0,
    malformedPaths: { requests: 0, fiveHundreds: 0 },
    byStatus: {},
    noAnswer: 0,
    failures: [],
    changedByRejected: 0,
    parserAnswers: 0,
    seconds: 0,
  };
  const victim = await createShare(options.baseURL);
  await syncOk(options.baseURL, victim);
  const victimData = await snapshot(options.baseURL, victim.id);
  const chunk = options.chunk ?? 500;
  const concurrency = options.concurrency ?? 6;
  const workers: Worker[] = [];
  for (let i = 0; i < concurrency; i++) workers.push(await newWorker(options.baseURL));

  for (let offset = 0; offset < options.requests; offset += chunk) {
    const batch = sampleRequests(options.seed + offset, Math.min(chunk, options.requests - offset));
    let next = 0;
    await Promise.all(
      workers.map(async (worker) => {
        while (next < batch.length) {
          const index = offset + next;
          const req = batch[next++];
          await runOne(options.baseURL, port, worker, victim, req, index, figures);
        }
      }),
    );
    const victimNow = await snapshot(options.baseURL, victim.id);
    if (victimNow !== victimData) figures.failures.push(`the victim share changed by request ${offset}..${offset + batch.length} (seed ${options.seed})`);
    options.onProgress?.(offset + batch.length, figures);
  }
  figures.seconds = Math.round((Date.now() - started) / 1000);
  return figures;
}

async function runOne(baseURL: string, port: number, worker: Worker, victim: Owned, req: FuzzRequest, index: number, figures: FuzzFigures) {
  const raw = resolve(req, worker.own, victim);
  const res = await sendRaw(port, raw);
  figures.requests++;
  const where = `#${index} ${raw.method} ${raw.path.slice(0, 120)} (${req.body.kind}, ${req.framing.kind})`;
  if (res.kind === "none") {
    figures.noAnswer++;
    const unfinished = req.framing.kind === "hangup" || req.framing.kind === "none" || req.framing.kind === "long";
    if (!unfinished) figures.failures.push(`${where}: no answer (${res.reason})`);
  } else {
    figures.byStatus[res.status] = (figures.byStatus[res.status] ?? 0) + 1;
    const problem = checkResponse(raw, req, res);
    const malformed = hasMalformedEscape(raw.path);
    if (malformed) figures.malformedPaths.requests++;
    // Next itself fails to decode such a segment (500 before any handler runs); counted apart, for
    // the server in front of Next to refuse them (see the report of issue 13).
    if (malformed && res.status >= 500) figures.malformedPaths.fiveHundreds++;
    else if (problem === "parser") figures.parserAnswers++;
    else if (problem) figures.failures.push(`${where}: ${problem}`);
  }
  // Did a rejected request change what is stored? Accepted ones move the snapshot on.
  if (raw.method !== "GET" && MUTATING.test(raw.path)) {
    const now = await snapshot(baseURL, worker.own.id);
    // After a bare parser 400 for bytes past the body, the request before them may have been served.
    const pipelined = (req.framing.kind === "none" || req.framing.kind === "short") && res.kind === "response" && checkResponse(raw, req, res) === "parser";
    const accepted = pipelined || (res.kind === "response" && res.status < 300);
    // An expiry an earlier accepted request set may pass at any moment: that is time, not this request.
    const expired = now.startsWith("410") && now.includes("expired");
    if (!accepted && !expired && now !== worker.snapshot) {
      figures.changedByRejected++;
      figures.failures.push(`${where}: rejected (${res.kind === "response" ? res.status : res.reason}) but the share's data changed`);
    }
    worker.snapshot = now;
    // The worker's share was unshared or expired by an accepted request: carry on with a new one.
    if (now.startsWith("410")) Object.assign(worker, await newWorker(baseURL));
  }
}

function checkResponse(raw: RawRequest, req: FuzzRequest, res: Extract<RawResponse, { kind: "response" }>): string | "parser" | null {
  // Node's own HTTP parser answers malformed framing (bytes after the declared body, a body that ends
  // early) and oversized headers with a bare 400/431 and only "Connection: close", before Parley runs.
  if ((res.status === 400 || res.status === 431) && Object.keys(res.headers).join() === "connection" && (req.framing.kind !== "exact" || res.status === 431))
    return "parser";
  if (res.status >= 500) return `status ${res.status}: ${res.body.toString("utf8").slice(0, 200)}`;
  // Dot segments are resolved before routing ("/api/.." is the home page): judge by where it lands.
  if (res.status < 400 || !new URL(raw.path, "http://x").pathname.startsWith("/api/")) return null;
  if (raw.method === "HEAD") return null;
  let body: unknown;
  let text = "";
  try {
    text = decode(res.body, res.headers["content-encoding"]).toString("utf8");
    body = JSON.parse(text);
  } catch {
    return `status ${res.status} is not JSON (${res.headers["content-type"]}, ${res.headers["content-encoding"] ?? "identity"}): ${text.slice(0, 120)}`;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } })?.error;
  if (typeof error?.code !== "string" || typeof error.message !== "string") return `status ${res.status} outside the error model: ${text.slice(0, 160)}`;
  if (!res.headers["content-type"]?.startsWith("application/json")) return `status ${res.status} JSON without a JSON content type`;
  return null;
}

function secretValue(choice: SecretChoice | null, own: Owned, victim: Owned): unknown {
  if (!choice) return undefined;
  switch (choice.kind) {
    case "own":
      return own.secret;
    case "victim":
      return victim.secret;
    case "wrong":
      return own.secret.slice(0, -2) + (own.secret.endsWith("aa") ? "bb" : "aa");
    case "empty":
      return "";
    case "value":
      return choice.value;
  }
}

function bodyBytes(body: BodyShape, own: Owned, victim: Owned): Buffer {
  const json = (v: unknown) => Buffer.from(JSON.stringify(v) ?? "", "utf8");
  switch (body.kind) {
    case "none":
      return Buffer.alloc(0);
    case "json":
    case "create":
      return json(body.value);
    case "sync":
      return json({ ...body.extra, secret: secretValue(body.secret, own, victim), data: body.items });
    case "expiry":
      return json({ ...body.value, secret: secretValue(body.secret, own, victim) });
    case "secretOnly":
      return json({ secret: secretValue(body.secret, own, victim) });
    case "deep": {
      const nested = "[".repeat(body.depth) + "]".repeat(body.depth);
      const text = body.inSync ? `{"secret":${JSON.stringify(own.secret)},"data":[{"type":"x","data":${nested}}]}` : nested;
      return Buffer.from(text);
    }
    case "bytes":
      return Buffer.from(body.value);
    case "truncated": {
      const full = json({ secret: own.secret, data: [body.value] });
      return full.subarray(0, body.cut % Math.max(1, full.length));
    }
    case "huge":
      return Buffer.from(`{"secret":${JSON.stringify(own.secret)},"data":[{"type":"blob","data":"${"x".repeat(body.bytes)}"}]}`);
  }
}

function resolve(req: FuzzRequest, own: Owned, realVictim: Owned): RawRequest {
  // The victim's own secret may be tried on the worker's share, never on the victim itself: the
  // victim must stay unchanged, so nothing sent to it may be authorised.
  const victim = req.id.kind === "victim" ? { id: realVictim.id, secret: `${own.secret}-not-the-victims` } : realVictim;
  const method = req.natural ? (NATURAL[req.route] ?? "GET") : req.method;
  const id =
    req.id.kind === "own"
      ? own.id
      : req.id.kind === "victim"
        ? realVictim.id
        : req.id.kind === "unknown"
          ? "UnknownShare0000"
          : segment((req.id as { value: string }).value);
  const path =
    req.route
      .replace("{id}", id)
      .replace("{part}", segment(req.part))
      .replace("{n}", String(req.part.length % 3)) + req.query;
  const headers: [string, string][] = [...req.headers];
  if (!headers.some(([k]) => k === "Content-Type") && req.body.kind !== "none") headers.push(["Content-Type", "application/json"]);
  if (req.auth) {
    const value = req.auth.kind === "raw" ? req.auth.value : String(secretValue(req.auth, own, victim));
    headers.push(["Authorization", `Bearer ${value}`.replace(/[\r\n]/g, "").replace(/[^\x20-\xff]/g, "?")]);
  }
  const body = bodyBytes(req.body, own, victim);
  const f = req.framing;
  return {
    method,
    path,
    headers,
    body: f.kind === "short" ? Buffer.concat([body, Buffer.from("x".repeat(f.by))]) : body,
    contentLength: f.kind === "none" ? null : f.kind === "long" ? body.length + f.by : body.length,
    truncateAt: f.kind === "hangup" ? Math.min(f.at, body.length) : undefined,
  };
}

// Printable ASCII goes raw (so "%ZZ", "%00" and ".." reach the server as such); anything else as
// percent-encoded UTF-8 (a lone surrogate becomes U+FFFD, as in any real client).
function segment(value: string): string {
  if (/^[!-~]*$/.test(value) && !/[/?#]/.test(value)) return value;
  return [...Buffer.from(value, "utf8")]
    .map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, "0").toUpperCase()}`))
    .join("");
}

/** A segment after "/api" or "/s" that does not percent-decode ("%", "%ZZ", "%E2" alone); Next decodes those. */
export function hasMalformedEscape(path: string): boolean {
  return path
    .split("?")[0]
    .split("/")
    .slice(2)
    .some((seg) => {
      try {
        decodeURIComponent(seg);
        return false;
      } catch {
        return true;
      }
    });
}

/** The body as sent before Content-Encoding (the fuzzer's Accept-Encoding may ask for gzip or br). */
function decode(body: Buffer, encoding: string | undefined): Buffer {
  if (encoding === "gzip") return zlib.gunzipSync(body);
  if (encoding === "br") return zlib.brotliDecompressSync(body);
  if (encoding === "deflate") return zlib.inflateSync(body);
  return body;
}

async function createShare(baseURL: string): Promise<Owned> {
  const res = await fetch(`${baseURL}/api/share`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sessionID: "ses_fuzz" }),
  });
  if (res.status !== 201) throw new Error(`fuzz: create share answered ${res.status}`);
  return (await res.json()) as Owned;
}

async function syncOk(baseURL: string, share: Owned) {
  const data = [
    { type: "session", data: { id: "ses_fuzz", title: "fuzz", time: { created: 1 } } },
    { type: "message", data: { id: "msg_1", sessionID: "ses_fuzz", role: "user", time: { created: 1 } } },
    { type: "part", data: { id: "prt_1", sessionID: "ses_fuzz", messageID: "msg_1", type: "text", text: "hello" } },
  ];
  const res = await fetch(`${baseURL}/api/share/${share.id}/sync`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ secret: share.secret, data }),
  });
  if (res.status !== 200) throw new Error(`fuzz: seed sync answered ${res.status}`);
}

async function snapshot(baseURL: string, id: string): Promise<string> {
  const res = await fetch(`${baseURL}/api/share/${id}/data`);
  return `${res.status} ${await res.text()}`;
}

async function newWorker(baseURL: string): Promise<Worker> {
  const own = await createShare(baseURL);
  await syncOk(baseURL, own);
  return { own, snapshot: await snapshot(baseURL, own.id) };
}
