// A labelled corpus for measuring redaction: fake credentials of every kind the issue names, in the
// contexts they show up in a coding session (prose, code, shell, JSON, .env, logs), and ordinary
// text that must survive untouched (the recorded sessions, ids, hashes, data URLs, minified code).
// Everything is generated from a fixed seed: no real credential is in this repository.
import fs from "node:fs";
import path from "node:path";
import { codeNegatives } from "./corpus-code";

export type Positive = { kind: string; secret: string; text: string };

function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const DIGITS = "0123456789";
const ALNUM = UPPER + LOWER + DIGITS;
const B64 = ALNUM + "+/";
const B64URL = ALNUM + "-_";
const HEX = "0123456789abcdef";

export function makeCorpus(seed = 42) {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const chars = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const b64url = (s: string) => Buffer.from(s).toString("base64url");

  const generators: Record<string, () => string> = {
    "aws-access-key-id": () => pick(["AKIA", "ASIA"]) + chars(UPPER + DIGITS, 16),
    "github-token": () =>
      pick([() => pick(["ghp_", "gho_", "ghs_", "ghu_"]) + chars(ALNUM, 36), () => "github_pat_" + chars(ALNUM, 22) + "_" + chars(ALNUM, 59)])(),
    "openai-api-key": () =>
      pick([
        () => "sk-proj-" + chars(B64URL, int(40, 60)) + "T3BlbkFJ" + chars(B64URL, int(40, 60)),
        () => "sk-" + chars(ALNUM, 20) + "T3BlbkFJ" + chars(ALNUM, 20),
        () => "sk-svcacct-" + chars(B64URL, 100),
        () => "sk-" + chars(ALNUM, 48),
      ])(),
    "anthropic-api-key": () => "sk-ant-api03-" + chars(B64URL, 93) + "AA",
    "google-api-key": () => "AIza" + chars(B64URL, 35),
    "slack-token": () => pick(["xoxb-", "xoxp-", "xoxa-"]) + chars(DIGITS, int(10, 13)) + "-" + chars(DIGITS, int(10, 13)) + "-" + chars(ALNUM, 24),
    "slack-webhook": () => `https://hooks.slack.com/services/T${chars(UPPER + DIGITS, 10)}/B${chars(UPPER + DIGITS, 10)}/${chars(ALNUM, 24)}`,
    "stripe-key": () => pick(["sk_live_", "sk_test_", "rk_live_"]) + chars(ALNUM, int(24, 99)),
    "private-key": () => {
      const label = pick(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY"]);
      const lines = Array.from({ length: int(4, 25) }, () => chars(B64, 64));
      return `-----BEGIN ${label}-----\n${lines.join("\n")}\n${chars(B64, 20)}==\n-----END ${label}-----`;
    },
    jwt: () =>
      [
        b64url(JSON.stringify({ alg: pick(["HS256", "RS256", "ES256"]), typ: "JWT" })),
        b64url(JSON.stringify({ sub: chars(DIGITS, 10), name: "Jane Doe", iat: int(1.6e9, 1.8e9), scope: "repo read" })),
        chars(B64URL, 43),
      ].join("."),
  };
  const password = () => chars(ALNUM, int(6, 10)) + pick(["!", "#", "%", "_", "-", "", "9"]) + chars(DIGITS + LOWER, int(3, 8));

  const contexts: Array<(s: string, kind: string) => string> = [
    (s) => `Here is the key you asked for: ${s} - please rotate it after the demo.`,
    (s) => `const client = new Client({ key: "${s}" });`,
    (s) => `curl -s https://api.example.com/v1/things -H "X-Key: ${s}" | jq .`,
    (s) => JSON.stringify({ provider: "x", credential: s, region: "eu-west-1" }, null, 2),
    (s, kind) => `${kind.toUpperCase().replace(/-/g, "_")}=${s}\nLOG_LEVEL=debug`,
    (s) => `2026-01-01T10:00:00Z INFO using credential ${s} for upload`,
    (s) => `> ${s}`,
  ];

  const positives: Positive[] = [];
  for (const [kind, gen] of Object.entries(generators)) {
    for (let i = 0; i < 40; i++) {
      const secret = gen();
      positives.push({ kind, secret, text: pick(contexts)(secret, kind) });
    }
  }
  // AWS secret keys have no prefix: they are recognisable only next to their name.
  for (let i = 0; i < 40; i++) {
    const secret = chars(ALNUM + "/+", 40);
    const text = pick([
      `aws_secret_access_key = ${secret}`,
      `export AWS_SECRET_ACCESS_KEY=${secret}`,
      `{"Credentials": {"AccessKeyId": "ASIA${chars(UPPER + DIGITS, 16)}", "SecretAccessKey": "${secret}", "Expiration": "2026-01-01"}}`,
      `[default]\naws_access_key_id = AKIA${chars(UPPER + DIGITS, 16)}\naws_secret_access_key=${secret}`,
    ]);
    positives.push({ kind: "aws-secret-key", secret, text });
  }
  for (let i = 0; i < 40; i++) {
    const secret = password();
    const user = pick(["admin", "app", "postgres", "deploy", "jane.doe"]);
    const text = pick([
      `DATABASE_URL=postgres://${user}:${secret}@db.internal:5432/app`,
      `git clone https://${user}:${secret}@git.example.com/team/repo.git`,
      `redis://${user}:${secret}@cache.example.com:6379/0`,
      `mongodb+srv://${user}:${secret}@cluster0.abcde.mongodb.net/test?retryWrites=true`,
      `Connecting to amqp://${user}:${secret}@rabbit:5672 failed: ECONNREFUSED`,
    ]);
    positives.push({ kind: "url-password", secret, text });
  }
  // What people pick when they must: a word, a year or a few digits, a symbol.
  const human = () => pick(["Summer", "Winter", "Dragon", "Monkey", "Sunshine", "Falcon"]) + int(10, 2030) + pick(["!", "#", "$", "@", "*"]);
  for (let i = 0; i < 100; i++) {
    const secret = pick([password, human, () => chars(ALNUM, int(20, 40)), () => chars(HEX, 32), () => chars(B64, 24) + "=="])();
    // A bearer token is token68 (RFC 6750): letters, digits and -._~+/ only, so no human password.
    const bearer = /^[A-Za-z0-9._~+/-]+=*$/.test(secret) ? [`-H "Authorization: Bearer ${secret}"`] : [];
    const text = pick([
      ...bearer,
      `password=${secret}`,
      `DB_PASSWORD="${secret}"`,
      `api_key: "${secret}"`,
      `  "client_secret": "${secret}",`,
      `token: ${secret}`,
      `export API_KEY='${secret}'`,
      `self.secret_key = "${secret}"`,
      `auth_token := "${secret}"`,
      `passwd = ${secret}`,
      `const apiKey = "${secret}";`,
      `  password: ${secret}`,
      `  "apiKey": "${secret}",`,
      `client_secret: ${secret}`,
      `SECRET_KEY = '${secret}'`,
      `--password=${secret}`,
    ]);
    positives.push({ kind: "secret-assignment", secret, text });
  }

  const negatives: string[] = [];
  // The recorded sessions: real prose, code, tool output and ids (attachment payloads included).
  const fixtures = path.join(__dirname, "..", "..", "e2e", "fixtures");
  const collect = (v: unknown): void => {
    if (typeof v === "string") {
      if (v.length >= 8) negatives.push(v);
    } else if (v && typeof v === "object") Object.values(v).forEach(collect);
  };
  for (const scenario of ["tour", "aborted", "attachment"]) collect(JSON.parse(fs.readFileSync(path.join(fixtures, scenario, "share-data.json"), "utf8")));
  collect(JSON.parse(fs.readFileSync(path.join(fixtures, "basic", "share-data-GET-api-share-id-data.json"), "utf8")));

  const id = (prefix: string) => prefix + chars(HEX, 12) + chars(ALNUM, 14);
  for (let i = 0; i < 40; i++) {
    negatives.push(
      `data:image/png;base64,${Buffer.from(chars(ALNUM, int(300, 3000))).toString("base64")}`,
      `commit ${chars(HEX, 40)}\nAuthor: Jane <jane@example.com>\n\n    Fix the flaky test (${chars(HEX, 7)})`,
      `${chars(HEX, 8)}-${chars(HEX, 4)}-4${chars(HEX, 3)}-a${chars(HEX, 3)}-${chars(HEX, 12)}`,
      `${id("ses_")} ${id("msg_")} ${id("prt_")} ${id("call_")}`,
      `sha256:${chars(HEX, 64)}`,
      `"integrity": "sha512-${chars(B64, 86)}=="`,
      `0x${chars(HEX, 64)}`,
      `!function(e,t){"use strict";var n=e.token=t.key||null,r=function(o){return o&&o.secret?o.secret(n):void 0};e.auth=r}(window,{key:"a${chars(DIGITS, 3)}"});`,
      `bundle.${chars(HEX, 8)}.js  ${int(10, 900)} kB  /_next/static/chunks/${chars(B64URL, 16)}.js`,
      `toolu_01${chars(ALNUM, 22)}`,
    );
  }
  negatives.push(
    "const token = await getToken(user);",
    "password: z.string().min(8, 'too short'),",
    "if (!token) throw new Error('missing token');",
    "headers: { Authorization: `Bearer ${token}` },",
    "export PASSWORD=$DB_PASSWORD",
    'api_key = os.environ["OPENAI_API_KEY"]',
    "token: string;",
    "secret: process.env.PARLEY_SECRET,",
    "The password must be at least 12 characters and is stored only as a bcrypt hash.",
    "passwordHash = bcrypt.hashSync(password, 10)",
    '{"tokens": {"input": 1234, "output": 567, "reasoning": 0, "cache": {"read": 9000, "write": 0}}}',
    "Basic authentication sends the credentials on every request; Bearer tokens are better.",
    'key: "part/msg_01JABCDEF/prt_01JABCDEF"',
    "pip install scikit-learn  # sk-learn is the import name in some tutorials",
    "Set STRIPE_SECRET_KEY in .env (see .env.example); never commit it.",
    "DATABASE_URL=postgres://localhost:5432/app",
    "git clone git@github.com:anomalyco/opencode.git",
    "https://user@example.com/path?token=",
    "const secretKey = config.secretKey ?? defaults.secretKey;",
    "token = token.trim()",
    "auth: { type: 'oauth', refresh: true }",
    "maxTokens: 4096, temperature: 0.2",
    "password=changeme",
    "api_key=<your-api-key>",
    "token: ${{ secrets.GITHUB_TOKEN }}",
    "The JWT has three parts: header.payload.signature, each base64url encoded.",
    "Run `aws configure` and paste your access key when it asks.",
    "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUU\n-----END CERTIFICATE-----",
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl jane@laptop",
  );
  // Ordinary code next to secret-ish names (corpus-code.ts): also measured on its own.
  const code = codeNegatives({ pick, chars, int });
  negatives.push(...code);
  return { positives, negatives, code };
}
