// Parley's own credential rules, kept as data. They cover what secretlint's recommended preset
// (run after these, see secretlint.ts) misses or reports too coarsely: Google API keys, Stripe keys,
// current OpenAI key formats, JWTs, passwords in URL userinfo (only the password is replaced, the
// host stays readable) and `password=` / `api_key:` style assignments with high-entropy values.
//
// Every pattern is linear: bounded or possessive-free character classes, no nested quantifiers, so
// a megabyte of base64 cannot make redaction slow.

import { startsWithMarker } from "./markers";

export type Rule = {
  kind: string;
  pattern: RegExp;
  /** Index of the capture group holding the secret; 0 (default) redacts the whole match. */
  group?: number;
  /** Extra check on the captured secret (entropy, placeholders). */
  accept?: (secret: string) => boolean;
};

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

// Values that name a secret instead of being one: env references, templates, placeholders, code.
const PLACEHOLDER =
  /^(?:\$\{?[A-Za-z_(]|%\(?[A-Za-z_]|\{\{|<[^>]*>?$|process\.env|import\.meta|os\.environ|env\.|getenv|config\.|settings\.|self\.|this\.|req\.|args\.|options\.|params\.|undefined$|null$|none$|nil$|true$|false$|string$|number$|str$|bool|redacted|\[redacted|changeme|example|your[_-]|replace[_-]?me|dummy|placeholder|xxx|\*{3,}|\.{3}|…)/i;

// One alphanumeric run splits into words: a capitalised or lowercase word, an ACRONYM (glued to the
// word after it, as in `HTTPServer`), or a number.
const WORD = /[A-Z]*[a-z]+|[A-Z]+|\d+/g;

/**
 * Whether an alphanumeric run reads as an identifier made of words (`AuthConfig`, `OAuth2Provider`,
 * `passwordHash`, `API`, `v2`) rather than random characters (`Xk9mQ2vL`, `9f86d081`): its words are
 * at least two letters long on average, at most one single letter stands alone (and only at either
 * end: `xAxis`, `getX`), and there are few numbers in it.
 */
function wordlike(run: string): boolean {
  if (/^\d{1,8}$/.test(run)) return true; // a port, a year, a version part
  const words = run.match(WORD) ?? [];
  const letters = words.filter((w) => !/^\d/.test(w));
  const numbers = words.length - letters.length;
  if (letters.length === 0 || numbers > 2) return false;
  if (words.filter((w) => /^\d/.test(w)).join("").length > 6) return false;
  const single = letters.map((w, i) => (w.length === 1 ? i : -1)).filter((i) => i >= 0);
  if (single.length > 1 || (single.length === 1 && single[0] !== 0 && single[0] !== letters.length - 1)) return false;
  if (single.length === 1 && letters.length === 1 && run.length > 3) return false; // `a1234`
  // Digits inside a word (`S3cret`, `pa55word`) are how passwords are made; `S3Client` and `OAuth2`
  // are words and numbers side by side.
  if (/[A-Za-z]\d+[a-z]/.test(run)) return false;
  // An identifier does not start with a number; `2fa` and `64bit` do, `3BCrVaqh6` does not read so.
  if (/^\d/.test(run) && (letters.length > 1 || letters[0].length > 3)) return false;
  const avg = letters.reduce((n, w) => n + w.length, 0) / letters.length;
  return letters.length === 1 || avg >= 3;
}

/**
 * Whether a value is made of identifiers: `AuthConfig`, `SECRET_KEY`, `config.apiKey`,
 * `oauth2-proxy`, `/run/secrets/db_password`, `https://auth.example.com/token`. Such a value names
 * something; a credential is random.
 */
export function identifierLike(value: string): boolean {
  // Optional chaining and non-null assertions (`session?.user!.token`), a sentence's full stop.
  const v = value.replace(/[?!]\./g, ".").replace(/\.+$/, "");
  // Separators sit between words; `Summer2024$` and `Falcon99@` end in a symbol to satisfy a password rule.
  if (!/^[A-Za-z0-9_.\-/:~@$]+$/.test(v) || !/[A-Za-z0-9/]$/.test(v)) return false;
  const runs = v.split(/[_.\-/:~@$]+/).filter(Boolean);
  return runs.length > 0 && runs.every(wordlike);
}

/**
 * A value that looks like a real credential: long enough, random (mixed character classes and high
 * entropy), and not a placeholder, an identifier, a type, a path or a piece of code.
 */
export function looksSecret(value: string): boolean {
  if (value.length < 8 || value.length > 512) return false;
  if (PLACEHOLDER.test(value)) return false;
  if (/[(){}[\]]|&&|\|\||=>|\.{3}|…/.test(value)) return false; // code, not a value
  if (identifierLike(value)) return false;
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/|\.{0,2}\/|~\/)/i.test(value) && !/:[^/@]*@/.test(value)) return false; // URLs, paths
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(value)).length;
  if (classes < 2) return value.length >= 20 && entropy(value) >= 3.5;
  // Short random strings repeat a character or two (`O4VLtG9t1t` has 2.65 bits per character).
  return entropy(value) >= Math.min(3, Math.log2(value.length) - 0.2) - 0.4;
}

const SECRET_NAMES =
  "(?:passw(?:or)?d|passwd|pwd|pass|secret|client[_-]?secret|secret[_-]?(?:access[_-]?)?key|api[_-]?key|apikey|access[_-]?key|private[_-]?key|auth[_-]?token|access[_-]?token|refresh[_-]?token|bearer[_-]?token|session[_-]?token|token|auth|credentials?)";

export const RULES: Rule[] = [
  // Blocks first: a PEM key body must go as one piece, whatever else it contains.
  {
    kind: "private-key",
    pattern: /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----[\s\S]{0,20000}?(?:-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----|$)/g,
  },
  { kind: "anthropic-api-key", pattern: /\bsk-ant-(?:api|admin|oat|ort)\d{2}-[A-Za-z0-9_-]{32,200}/g },
  { kind: "openai-api-key", pattern: /\bsk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{32,250}/g },
  { kind: "openai-api-key", pattern: /\bsk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}\b/g },
  { kind: "openai-api-key", pattern: /\bsk-[A-Za-z0-9]{48}\b/g },
  { kind: "github-token", pattern: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g },
  { kind: "github-token", pattern: /\bgithub_pat_[A-Za-z0-9_]{22,255}/g },
  { kind: "gitlab-token", pattern: /\bglpat-[A-Za-z0-9_-]{20,}/g },
  { kind: "aws-access-key-id", pattern: /\b(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\b/g },
  {
    kind: "aws-secret-key",
    pattern: /aws[A-Za-z0-9_ .-]{0,20}?(?:secret|private)[A-Za-z0-9_ .-]{0,20}?["']?\s*[:=]\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
    group: 1,
  },
  { kind: "aws-secret-key", pattern: /"SecretAccessKey"\s*:\s*"([A-Za-z0-9/+=]{40})"/g, group: 1 },
  { kind: "google-api-key", pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { kind: "google-oauth-secret", pattern: /\bGOCSPX-[A-Za-z0-9_-]{28}/g },
  { kind: "google-oauth-token", pattern: /\bya29\.[0-9A-Za-z_-]{20,}/g },
  { kind: "slack-webhook", pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{20,}/g },
  { kind: "slack-token", pattern: /\bxox[abposre]-(?:\d+-)?[A-Za-z0-9-]{10,250}/g },
  { kind: "slack-token", pattern: /\bxapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+/g },
  { kind: "stripe-key", pattern: /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,250}\b/g },
  { kind: "stripe-key", pattern: /\bwhsec_[A-Za-z0-9]{24,}/g },
  { kind: "npm-token", pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: "sendgrid-key", pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/g },
  { kind: "jwt", pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  // scheme://user:password@host: only the password goes, so the reader still sees where it pointed.
  {
    kind: "url-password",
    pattern: /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/?#"'<>]{0,256}:([^\s@/?"'<>]{1,256})@[A-Za-z0-9[]/gi,
    group: 1,
    accept: (v) => !/^\$\{?[A-Za-z_]|^\{\{|^</.test(v) && !startsWithMarker(v),
  },
  // Authorization: Bearer <token> / Basic <base64>.
  {
    kind: "bearer-token",
    pattern: /\b(?:Bearer|Basic|Token)\s+([A-Za-z0-9._~+/=%-]{12,1024})/g,
    group: 1,
    accept: looksSecret,
  },
  // password=…, api_key: "…", "clientSecret": "…", export GITHUB_TOKEN=…
  {
    kind: "secret-assignment",
    pattern: new RegExp(
      `[A-Za-z0-9_.-]{0,40}${SECRET_NAMES}["']?\\s{0,4}(?::=|=>|[:=])\\s{0,4}(?:["'\`]([^"'\`\\s]{1,512})["'\`]|([^\\s"'\`,;)}\\]<>]{1,512}))`,
      "gi",
    ),
    group: -1, // whichever of the quoted / bare groups matched
    accept: looksSecret,
  },
];
