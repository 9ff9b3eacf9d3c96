// What the fuzzer sends: fast-check arbitraries for every endpoint, method, id, secret, header and
// body shape of the API (and the viewer's routes), kept symbolic ("the worker's own secret") until a
// worker resolves them against the shares it holds.
import fc from "fast-check";

export type IdChoice = { kind: "own" | "victim" | "unknown" } | { kind: "raw"; value: string };
export type SecretChoice = { kind: "own" | "victim" | "wrong" | "empty" } | { kind: "value"; value: unknown };
export type BodyShape =
  | { kind: "none" }
  | { kind: "json"; value: unknown }
  | { kind: "sync"; secret: SecretChoice | null; items: unknown[]; extra: Record<string, unknown> }
  | { kind: "create"; value: unknown }
  | { kind: "expiry"; secret: SecretChoice | null; value: Record<string, unknown> }
  | { kind: "secretOnly"; secret: SecretChoice | null }
  | { kind: "deep"; depth: number; inSync: boolean }
  | { kind: "bytes"; value: Uint8Array }
  | { kind: "truncated"; value: unknown; cut: number }
  | { kind: "huge"; bytes: number };
export type Framing = { kind: "exact" } | { kind: "short"; by: number } | { kind: "long"; by: number } | { kind: "none" } | { kind: "hangup"; at: number };

export type FuzzRequest = {
  method: string;
  /** Use the route's own method instead of `method` (most requests should reach a handler). */
  natural: boolean;
  route: string;
  id: IdChoice;
  part: string;
  query: string;
  headers: [string, string][];
  auth: SecretChoice | { kind: "raw"; value: string } | null;
  body: BodyShape;
  framing: Framing;
};

// Routes by template; {id} and {part} are filled in by the worker.
export const ROUTES = [
  "/api/share",
  "/api/share/{id}",
  "/api/share/{id}/sync",
  "/api/share/{id}/data",
  "/api/share/{id}/expiry",
  "/api/share/{id}/{part}",
  "/api/health",
  "/api/{part}",
  "/s/{id}",
  "/share/{id}",
  "/s/{id}/raw/{part}",
  "/s/{id}/file/{part}",
  "/s/{id}/file/{part}/{n}",
  "/s/{id}/card.png",
] as const;

// Header values must stay valid HTTP (no CR/LF), otherwise Node's parser answers before Parley does.
const headerValue = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."abcXYZ019 -_./;=,:*\"'%!~\t"), maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c === 0x7f ? 0x20 : c)), maxLength: 60 }),
  fc.constant(""),
  fc.constant("x".repeat(4000)),
);

const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=latin1",
  "text/plain",
  "text/plain;charset=UTF-16",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=xyz",
  "application/octet-stream",
  "application/*",
  "",
  ";;;",
);

const extraHeader: fc.Arbitrary<[string, string]> = fc.oneof(
  contentType.map((v): [string, string] => ["Content-Type", v]),
  fc.constantFrom("gzip", "br", "deflate", "identity", "zstd", "gzip, br", "x-unknown").map((v): [string, string] => ["Content-Encoding", v]),
  headerValue.map((v): [string, string] => ["X-Forwarded-For", v]),
  headerValue.map((v): [string, string] => ["X-Forwarded-Host", v]),
  headerValue.map((v): [string, string] => ["X-Forwarded-Proto", v]),
  headerValue.map((v): [string, string] => ["User-Agent", v]),
  fc.constantFrom("Slackbot-LinkExpanding 1.0", "Twitterbot/1.0", "facebookexternalhit/1.1", "Mozilla/5.0").map((v): [string, string] => ["User-Agent", v]),
  headerValue.map((v): [string, string] => ["Accept", v]),
  headerValue.map((v): [string, string] => ["Accept-Encoding", v]),
  headerValue.map((v): [string, string] => ["If-None-Match", v]),
  headerValue.map((v): [string, string] => ["Range", v]),
  headerValue.map((v): [string, string] => ["Cookie", v]),
  headerValue.map((v): [string, string] => ["RSC", v]),
  headerValue.map((v): [string, string] => ["Next-Router-State-Tree", v]),
  headerValue.map((v): [string, string] => ["x-parley-client", v]),
  headerValue.map((v): [string, string] => ["Origin", v]),
  fc.tuple(fc.stringMatching(/^X-[A-Za-z0-9-]{1,20}$/), headerValue),
);

const weirdString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom("", " ", "\u0000", "\ud800", "a/b", "..", "../..", "%", "%ZZ", "%00", "%2F", "\u202e", "null", "__proto__", "constructor"),
);

export const idChoice: fc.Arbitrary<IdChoice> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ kind: "own" as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: "victim" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "unknown" as const }) },
  {
    weight: 2,
    arbitrary: fc.oneof(weirdString, fc.constant("x".repeat(3000)), fc.stringMatching(/^[A-Za-z0-9]{0,40}$/)).map((value) => ({ kind: "raw" as const, value })),
  },
);

export const secretChoice: fc.Arbitrary<SecretChoice> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: "own" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "victim" as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: "wrong" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "empty" as const }) },
  {
    weight: 2,
    arbitrary: fc.oneof(fc.jsonValue({ maxDepth: 2 }), weirdString, fc.constant("s".repeat(100_000))).map((value) => ({ kind: "value" as const, value })),
  },
);

const id = fc.oneof(fc.stringMatching(/^(ses|msg|prt)_[A-Za-z0-9]{1,12}$/), weirdString);
const num = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2));
const loose = fc.dictionary(
  fc.oneof(weirdString, fc.constantFrom("id", "type", "time", "text", "state", "url", "mime", "filename", "messageID", "sessionID")),
  fc.jsonValue({ maxDepth: 3 }),
  { maxKeys: 5 },
);

// Items near the real shapes (so they pass or fail validation deep inside), and anything at all.
const itemArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ type: fc.constant("session"), data: fc.record({ id, title: fc.option(weirdString), time: fc.record({ created: num }) }) }),
  fc.record({
    type: fc.constant("message"),
    data: fc.record({ id, sessionID: id, role: fc.constantFrom("user", "assistant", "", "system"), time: fc.record({ created: num }) }),
  }),
  fc.record({
    type: fc.constant("part"),
    data: fc.record(
      {
        id,
        sessionID: id,
        messageID: id,
        type: fc.constantFrom("text", "reasoning", "file", "tool", "step-start", "step-finish", "patch", "agent", "retry", "subtask", "future-part", ""),
        text: fc.option(weirdString),
        mime: fc.option(fc.oneof(weirdString, fc.constantFrom("image/png", "text/plain", "image/svg+xml", "text/html\r\nX: y"))),
        url: fc.option(
          fc.oneof(
            weirdString,
            fc.constantFrom(
              "data:image/png;base64,iVBORw0KGgo=",
              "data:text/plain,hello%20world",
              "data:;base64,@@@",
              "data:",
              "file:///etc/passwd",
              "javascript:alert(1)",
            ),
          ),
        ),
        filename: fc.option(weirdString),
        tool: fc.option(fc.constantFrom("bash", "read", "edit", "write", "task", "todowrite", "webfetch", "", "unknown_tool")),
        callID: fc.option(weirdString),
        state: fc.option(
          fc.record({
            status: fc.constantFrom("pending", "running", "completed", "error", "weird"),
            input: fc.option(loose),
            output: fc.option(weirdString),
            error: fc.option(weirdString),
            attachments: fc.option(fc.array(fc.record({ mime: weirdString, url: weirdString }), { maxLength: 2 })),
          }),
        ),
        files: fc.option(fc.array(weirdString, { maxLength: 3 })),
        time: fc.option(fc.record({ start: num, end: fc.option(num) })),
      },
      { requiredKeys: ["id", "sessionID", "messageID", "type"] },
    ),
  }),
  fc.record({
    type: fc.constant("session_diff"),
    data: fc.array(fc.record({ file: weirdString, before: weirdString, after: weirdString, additions: num }), { maxLength: 3 }),
  }),
  fc.record({
    type: fc.constant("model"),
    data: fc.array(fc.record({ id: weirdString, providerID: weirdString, name: fc.option(weirdString), headers: fc.option(loose) }), { maxLength: 2 }),
  }),
  fc.record({ type: weirdString, data: fc.oneof(loose, fc.jsonValue({ maxDepth: 2 })) }),
  fc.jsonValue({ maxDepth: 3 }),
);

const bodyShape: fc.Arbitrary<BodyShape> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: "none" as const }) },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => ({ kind: "json" as const, value })) },
  {
    weight: 12,
    arbitrary: fc
      .record({ secret: fc.option(secretChoice, { freq: 8 }), items: fc.array(itemArb, { maxLength: 6 }), extra: loose })
      .map((b) => ({ kind: "sync" as const, ...b })),
  },
  {
    weight: 2,
    arbitrary: fc
      .oneof(fc.record({ sessionID: fc.oneof(id, fc.jsonValue({ maxDepth: 1 })) }), fc.record({ sessionId: id }), loose)
      .map((value) => ({ kind: "create" as const, value })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        secret: fc.option(secretChoice, { freq: 6 }),
        value: fc.oneof(
          fc.record({
            expiresAt: fc.oneof(
              num,
              fc.constant(null),
              weirdString,
              fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
            ),
          }),
          fc.record({ ttl: fc.oneof(weirdString, fc.constantFrom("30d", "1s", "0s", "99999999w", "1h")) }),
          loose,
        ),
      })
      .map((b) => ({ kind: "expiry" as const, ...b })),
  },
  { weight: 2, arbitrary: fc.option(secretChoice, { freq: 4 }).map((secret) => ({ kind: "secretOnly" as const, secret })) },
  {
    weight: 1,
    arbitrary: fc.record({ depth: fc.constantFrom(100, 2_000, 20_000, 200_000), inSync: fc.boolean() }).map((b) => ({ kind: "deep" as const, ...b })),
  },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 200 }).map((value) => ({ kind: "bytes" as const, value })) },
  { weight: 2, arbitrary: fc.record({ value: fc.jsonValue({ maxDepth: 3 }), cut: fc.nat() }).map((b) => ({ kind: "truncated" as const, ...b })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }).map((n) => ({ kind: "huge" as const, bytes: n * 200 * 1024 })) },
);

const framing: fc.Arbitrary<Framing> = fc.oneof(
  { weight: 20, arbitrary: fc.constant({ kind: "exact" as const }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 50 }).map((by) => ({ kind: "short" as const, by })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5000 }).map((by) => ({ kind: "long" as const, by })) },
  { weight: 1, arbitrary: fc.constant({ kind: "none" as const }) },
  { weight: 1, arbitrary: fc.nat({ max: 100 }).map((at) => ({ kind: "hangup" as const, at })) },
);

export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.record({
  method: fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom("GET", "POST", "PUT", "DELETE") },
    { weight: 1, arbitrary: fc.constantFrom("PATCH", "HEAD", "OPTIONS") },
  ),
  natural: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  route: fc.constantFrom(...ROUTES),
  id: idChoice,
  part: fc.oneof(id, fc.constantFrom("sync", "data", "expiry", "x", "prt_1", "..")),
  query: fc.oneof(
    { weight: 5, arbitrary: fc.constant("") },
    { weight: 1, arbitrary: fc.constantFrom("?all", "?v=1", "?v=abc", "?_rsc=1", "?a=%ZZ", "?" + "q".repeat(2000)) },
  ),
  headers: fc.array(extraHeader, { maxLength: 4 }),
  auth: fc.option(
    fc.oneof(
      secretChoice,
      headerValue.map((value) => ({ kind: "raw" as const, value })),
    ),
    { freq: 4 },
  ),
  body: bodyShape,
  framing,
});

/** `n` requests from `seed`, the same ones on every run with that seed. */
export function sampleRequests(seed: number, n: number): FuzzRequest[] {
  return fc.sample(fuzzRequest, { seed, numRuns: n });
}
