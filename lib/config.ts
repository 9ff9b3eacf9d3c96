// The environment, parsed once with zod. Nothing else in Parley reads process.env.
import "server-only";
import path from "node:path";
import { z } from "zod";
import { parseCidrList } from "./auth/cidr";

const SIZE_UNITS: Record<string, number> = {
  "": 1,
  b: 1,
  kb: 1024,
  k: 1024,
  kib: 1024,
  mb: 1024 ** 2,
  m: 1024 ** 2,
  mib: 1024 ** 2,
  gb: 1024 ** 3,
  g: 1024 ** 3,
  gib: 1024 ** 3,
};
const DURATION_UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** "64MiB", "16 mb", "1048576" -> bytes. */
export function parseSize(value: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = m ? SIZE_UNITS[m[2].toLowerCase()] : undefined;
  return m && unit ? Math.floor(Number(m[1]) * unit) : null;
}

/** "30d", "12h", "90m", "45s", "2w" -> milliseconds. */
export function parseDuration(value: string): number | null {
  const m = /^\s*(\d+)\s*([smhdw])\s*$/i.exec(value);
  return m ? Number(m[1]) * DURATION_UNITS[m[2].toLowerCase()] : null;
}

const size = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v, ctx) => {
      const bytes = parseSize(v);
      if (bytes === null || bytes <= 0) {
        ctx.addIssue({ code: "custom", message: `"${v}" is not a size (examples: 64MiB, 16MB, 1048576)` });
        return z.NEVER;
      }
      return bytes;
    });

const emptyAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const flag = (fallback: boolean) =>
  z
    .preprocess(emptyAsUndefined, z.enum(["1", "0", "true", "false", "on", "off", "yes", "no"]).optional())
    .transform((v) => (v === undefined ? fallback : ["1", "true", "on", "yes"].includes(v)));

const duration = z.string().transform((v, ctx) => {
  const ms = parseDuration(v);
  if (ms === null || ms <= 0) {
    ctx.addIssue({ code: "custom", message: `"${v}" is not a duration (examples: 30d, 12h, 90m, 45s, 2w)` });
    return z.NEVER;
  }
  return ms;
});

export type RateLimit = { limit: number; windowMs: number } | null;

/** "30/h", "60/m", "1000/1d", "off" -> N per window (a token bucket, lib/shares/rate-limit.ts), or null for none. */
export function parseRateLimit(value: string): RateLimit | undefined {
  if (/^\s*(off|0|none)\s*$/i.test(value)) return null;
  const m = /^\s*(\d+)\s*\/\s*(\d*)\s*([smhdw])\s*$/i.exec(value);
  if (!m || Number(m[1]) <= 0) return undefined;
  return { limit: Number(m[1]), windowMs: parseDuration(`${m[2] || "1"}${m[3]}`)! };
}

const rateLimit = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v, ctx) => {
      const parsed = parseRateLimit(v);
      if (parsed === undefined) {
        ctx.addIssue({ code: "custom", message: `"${v}" is not a rate limit (examples: 30/h, 60/m, 500/1d, off)` });
        return z.NEVER;
      }
      return parsed;
    });

const list = z.preprocess(emptyAsUndefined, z.string().optional()).transform((v) =>
  v === undefined
    ? []
    : v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export const configSchema = z
  .object({
    PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
    HOST: z.preprocess(emptyAsUndefined, z.string().default("0.0.0.0")),
    PARLEY_PUBLIC_URL: z.preprocess(
      emptyAsUndefined,
      z
        .url({ protocol: /^https?$/, error: "must be an absolute http(s) URL such as https://parley.example.com" })
        .transform((u) => u.replace(/\/+$/, ""))
        .optional(),
    ),
    PARLEY_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default("./data")).transform((p) => path.resolve(p)),
    DATABASE_URL: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection string")
        .optional(),
    ),
    PARLEY_SITE_NAME: z.preprocess(emptyAsUndefined, z.string().max(60).default("Parley")),
    PARLEY_MAX_BODY: z.preprocess(emptyAsUndefined, size("64MiB")),
    PARLEY_MAX_ATTACHMENT: z.preprocess(emptyAsUndefined, size("16MiB")),
    PARLEY_MAX_SHARE: z.preprocess(emptyAsUndefined, size("512MiB")),
    PARLEY_RENDER_CACHE: z.preprocess(emptyAsUndefined, size("64MiB")),
    // 0 when "off": every view renders.
    PARLEY_PAGE_CACHE: z.preprocess(emptyAsUndefined, z.union([z.literal("off").transform(() => 0), size("64MiB")])),
    PARLEY_PRERENDER: z.preprocess(emptyAsUndefined, flag(true)),
    // Privacy and operations (issue 4).
    PARLEY_SHARING: z.preprocess(emptyAsUndefined, z.enum(["enabled", "disabled"]).default("enabled")),
    PARLEY_REDACT: z.preprocess(emptyAsUndefined, flag(true)),
    PARLEY_DEFAULT_TTL: z
      .preprocess(emptyAsUndefined, z.union([z.literal("off"), duration]).optional())
      .transform((v) => (v === undefined || v === "off" ? null : v)),
    PARLEY_SWEEP_INTERVAL: z.preprocess(emptyAsUndefined, z.string().default("60s").pipe(duration)),
    PARLEY_ADMIN_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional()),
    // A whole office often reaches Parley from one NAT address, and `share: "auto"` shares every session:
    // the default stops a runaway script without getting in a busy team's way.
    PARLEY_RATE_CREATE: z.preprocess(emptyAsUndefined, rateLimit("600/h")),
    PARLEY_RATE_LOOKUP: z.preprocess(emptyAsUndefined, rateLimit("60/m")),
    PARLEY_TRUST_PROXY: z
      .preprocess(emptyAsUndefined, z.union([z.enum(["off", "on", "false", "true", "0", "1"]), z.coerce.number().int().min(1).max(10)]).default("off"))
      .transform((v) => (typeof v === "number" ? v : ["on", "true", "1"].includes(v) ? 1 : 0)),
    // SSO-only shares (issue 12); checked as a whole in refineAuth below.
    PARLEY_AUTH: z.preprocess(emptyAsUndefined, z.enum(["oidc", "off"]).optional()).transform((v) => (v === "oidc" ? "oidc" : null)),
    PARLEY_OIDC_ISSUER: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/, error: "must be the issuer's absolute URL" }).optional()),
    PARLEY_OIDC_CLIENT_ID: optionalString,
    PARLEY_OIDC_CLIENT_SECRET: optionalString,
    PARLEY_AUTH_EMAIL_DOMAINS: list.transform((domains) => domains.map((d) => d.toLowerCase().replace(/^@/, ""))),
    PARLEY_AUTH_CLAIM: optionalString,
    PARLEY_AUTH_CLAIM_VALUES: list,
    PARLEY_SESSION_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional()),
    PARLEY_SESSION_TTL: z.preprocess(emptyAsUndefined, z.string().default("12h").pipe(duration)),
    PARLEY_INGEST_ALLOW: list.transform((v, ctx) => {
      try {
        return v.length ? parseCidrList(v) : null;
      } catch (err) {
        ctx.addIssue({ code: "custom", message: `${(err as Error).message} (example: 10.0.0.0/8,192.168.1.0/24,fd00::/8)` });
        return z.NEVER;
      }
    }),
    // Operations (issue 15).
    PARLEY_LOG_LEVEL: z.preprocess(
      (v) => (typeof v === "string" ? emptyAsUndefined(v.toLowerCase()) : v),
      z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    ),
    // Unset: no metrics listener at all.
    PARLEY_METRICS_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).optional()),
    PARLEY_METRICS_HOST: z.preprocess(emptyAsUndefined, z.string().default("127.0.0.1")),
    PARLEY_DEMO: z.preprocess(emptyAsUndefined, flag(true)),
    // Live follow (issue 14): open event streams, all told, per share and per client address.
    PARLEY_EVENTS_MAX: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(1000)),
    PARLEY_EVENTS_PER_SHARE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(200)),
    PARLEY_EVENTS_PER_CLIENT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(20)),
    // A comment line this often keeps proxies and browsers from closing a quiet stream; each beat also
    // re-reads the watched shares' state (a missed notification or an expiry shows within one beat).
    PARLEY_EVENTS_HEARTBEAT: z.preprocess(emptyAsUndefined, z.string().default("15s").pipe(duration)),
    // How long the page's "live" indicator stays after the last sync.
    PARLEY_EVENTS_IDLE: z.preprocess(emptyAsUndefined, z.string().default("20s").pipe(duration)),
  })
  .superRefine(refineAuth);

// PARLEY_AUTH=oidc with a piece missing would either fail at the first sign-in or, worse, let
// everybody at the identity provider in: refuse to start instead.
function refineAuth(c: Record<string, unknown>, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (c.PARLEY_AUTH !== "oidc") return;
  for (const name of ["PARLEY_OIDC_ISSUER", "PARLEY_OIDC_CLIENT_ID", "PARLEY_OIDC_CLIENT_SECRET", "PARLEY_SESSION_SECRET"]) {
    if (!c[name]) issue(name, "is required when PARLEY_AUTH=oidc");
  }
  if (!c.PARLEY_PUBLIC_URL) issue("PARLEY_PUBLIC_URL", "is required when PARLEY_AUTH=oidc (the callback is <PARLEY_PUBLIC_URL>/auth/callback)");
  const issuer = typeof c.PARLEY_OIDC_ISSUER === "string" ? new URL(c.PARLEY_OIDC_ISSUER) : null;
  if (issuer && issuer.protocol !== "https:" && !LOOPBACK.has(issuer.hostname))
    issue("PARLEY_OIDC_ISSUER", "must be https:// (plain http only on loopback, for tests)");
  const hasClaim = Boolean(c.PARLEY_AUTH_CLAIM);
  const hasValues = (c.PARLEY_AUTH_CLAIM_VALUES as string[]).length > 0;
  if (hasClaim !== hasValues) issue(hasClaim ? "PARLEY_AUTH_CLAIM_VALUES" : "PARLEY_AUTH_CLAIM", "PARLEY_AUTH_CLAIM and PARLEY_AUTH_CLAIM_VALUES go together");
  if ((c.PARLEY_AUTH_EMAIL_DOMAINS as string[]).length === 0 && !hasClaim) {
    issue(
      "PARLEY_AUTH_EMAIL_DOMAINS",
      "set PARLEY_AUTH_EMAIL_DOMAINS and/or PARLEY_AUTH_CLAIM with PARLEY_AUTH_CLAIM_VALUES: without a policy every account at the provider could read shares",
    );
  }
}

export type Config = z.infer<typeof configSchema>;

/** Parses an environment; throws an Error whose message lists every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new Error(`Parley cannot start: bad configuration\n${lines.join("\n")}`);
}

let cached: Config | undefined;
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
