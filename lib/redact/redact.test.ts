// Redaction measured over a labelled corpus (corpus.ts): recall on fake credentials of every kind the
// issue names, false positives on ordinary code and prose, and the shapes of items after redaction.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeCorpus } from "./corpus";
import { redactItems, redactString, TEXT_ATTACHMENT_MAX_BYTES } from "./index";

const { positives, negatives, code } = makeCorpus();
const FIXTURES = path.join(__dirname, "..", "..", "e2e", "fixtures");

describe("redaction corpus", () => {
  it("finds at least 99% of fake credentials, for every kind", async () => {
    const missed: string[] = [];
    const byKind = new Map<string, { n: number; hit: number }>();
    for (const p of positives) {
      const { text, count } = await redactString(p.text);
      const hit = count > 0 && !text.includes(p.secret);
      const k = byKind.get(p.kind) ?? { n: 0, hit: 0 };
      k.n++;
      if (hit) k.hit++;
      else missed.push(`${p.kind}: ${p.text} -> ${text}`);
      byKind.set(p.kind, k);
    }
    const recall = 1 - missed.length / positives.length;
    console.log(
      `redaction recall ${(recall * 100).toFixed(2)}% over ${positives.length} credentials;`,
      Object.fromEntries([...byKind].map(([k, v]) => [k, `${v.hit}/${v.n}`])),
    );
    if (missed.length) console.log("missed:\n" + missed.join("\n"));
    expect(byKind.size).toBeGreaterThanOrEqual(13); // every kind the issue names
    expect(recall).toBeGreaterThanOrEqual(0.99);
    for (const [kind, v] of byKind) expect(v.hit / v.n, kind).toBeGreaterThanOrEqual(0.95);
  });

  it("changes at most 1% of ordinary strings (recorded sessions, ids, hashes, data URLs, minified code)", async () => {
    const flagged: string[] = [];
    for (const s of negatives) {
      const { text, count } = await redactString(s);
      if (count > 0 || text !== s) flagged.push(`${s.slice(0, 200)} -> ${text.slice(0, 200)}`);
    }
    const rate = flagged.length / negatives.length;
    console.log(`redaction false positives ${(rate * 100).toFixed(2)}% (${flagged.length}/${negatives.length} strings)`);
    if (flagged.length) console.log("flagged:\n" + flagged.join("\n"));
    expect(negatives.length).toBeGreaterThan(2000);
    expect(rate).toBeLessThanOrEqual(0.01);
  });

  it("changes at most 1% of ordinary code next to secret-ish names (types, identifiers, env lookups, placeholders)", async () => {
    const flagged: string[] = [];
    for (const s of code) {
      const { text, count } = await redactString(s);
      if (count > 0 || text !== s) flagged.push(`${s.slice(0, 200)} -> ${text.slice(0, 200)}`);
    }
    const rate = flagged.length / code.length;
    console.log(`redaction false positives on code ${(rate * 100).toFixed(2)}% (${flagged.length}/${code.length} strings)`);
    if (flagged.length) console.log("flagged:\n" + flagged.join("\n"));
    expect(code.length).toBeGreaterThan(700);
    expect(rate).toBeLessThanOrEqual(0.01);
  });
});

describe("code is not a credential", () => {
  it.each([
    "auth: AuthConfig",
    "password: PasswordHash",
    "secret: SecretValue",
    "credentials: CredentialProvider",
    "auth: Authorization",
    "auth=OAuth2Provider",
    "  private_key: PrivateKeyPem;",
    "const apiKey: ApiKey = config.apiKey;",
    "token = getToken()",
    'password: "${DB_PASSWORD}"',
    "api_key: <your-token-here>",
    "secret: process.env.APP_SECRET",
    "TOKEN=$(gh auth token)",
    "pub api_key: SecretString,",
    "token: /var/run/secrets/kubernetes.io/serviceaccount/token",
  ])("leaves %s unchanged", async (s) => {
    expect(await redactString(s)).toEqual({ text: s, count: 0 });
  });

  it.each([
    ["password: Xk9#mQ2vLp7w", "Xk9#mQ2vLp7w"],
    ["secret = 'q8ZtR2mW4nB7yK1c'", "q8ZtR2mW4nB7yK1c"],
    ['auth_token := "9f86d081884c7d659a2feaa0c55ad015"', "9f86d081884c7d659a2feaa0c55ad015"],
    ["DB_PASSWORD=hU7rQ_pz3kw9", "hU7rQ_pz3kw9"],
    ["secret: MyS3cretValu3x", "MyS3cretValu3x"],
  ])("still redacts %s", async (s, secret) => {
    const { text, count } = await redactString(s);
    expect(count).toBe(1);
    expect(text).not.toContain(secret);
    expect(text).toContain("[REDACTED:secret-assignment]");
  });
});

describe("redactString", () => {
  it("keeps the URL readable and replaces only the password", async () => {
    expect((await redactString("postgres://app:s3cr3tPassw0rd@db:5432/x")).text).toBe("postgres://app:[REDACTED:url-password]@db:5432/x");
  });

  it("replaces a whole PEM block, even a truncated one", async () => {
    const body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7".repeat(3);
    const { text, count } = await redactString(`key:\n-----BEGIN PRIVATE KEY-----\n${body}\n(output truncated)`);
    expect(count).toBe(1);
    expect(text).toBe("key:\n[REDACTED:private-key]");
  });

  it("leaves binary data URLs alone, even when their bytes spell a credential", async () => {
    for (const mime of ["image/png", "image/jpeg", "application/pdf", "application/zip", "font/woff2", "audio/mpeg"]) {
      const url = `data:${mime};base64,` + Buffer.from("AKIAABCDEFGHIJKLMNOP ".repeat(1000)).toString("base64");
      expect(await redactString(url), mime).toEqual({ text: url, count: 0 });
    }
  });
});

describe("text attachments (data: URLs)", () => {
  const gh = "ghp_" + "Qw7".repeat(12);
  const aws = "AKIAQWERTYUIOP123456";
  const env = `# .env\nGITHUB_TOKEN=${gh}\nAWS_ACCESS_KEY_ID=${aws}\nLOG_LEVEL=debug\n`;
  const decoded = (url: string) => {
    const comma = url.indexOf(",");
    return /;base64$/i.test(url.slice(0, comma)) ? Buffer.from(url.slice(comma + 1), "base64").toString("utf8") : decodeURIComponent(url.slice(comma + 1));
  };

  it.each([
    "text/plain",
    "text/x-shellscript",
    "application/json",
    "application/x-yaml",
    "application/xml",
    "application/javascript",
    "application/x-sh",
    "application/toml",
    "application/ld+json",
    "image/svg+xml",
    "application/octet-stream",
    "",
  ])("decodes, redacts and re-encodes a base64 %s payload", async (mime) => {
    const url = `data:${mime};base64,${Buffer.from(env).toString("base64")}`;
    const { text, count } = await redactString(url);
    expect(count).toBe(2);
    expect(text.startsWith(`data:${mime};base64,`)).toBe(true);
    const body = decoded(text);
    expect(body).not.toContain(gh);
    expect(body).not.toContain(aws);
    expect(body).toBe(env.replace(gh, "[REDACTED:github-token]").replace(aws, "[REDACTED:aws-access-key-id]"));
  });

  it("keeps the parameters of the media type (charset, name) as sent", async () => {
    const url = `data:text/plain;charset=utf-8;name=.env;base64,${Buffer.from(env).toString("base64")}`;
    const { text, count } = await redactString(url);
    expect(count).toBe(2);
    expect(text.startsWith("data:text/plain;charset=utf-8;name=.env;base64,")).toBe(true);
    expect(decoded(text)).toContain("[REDACTED:github-token]");
  });

  it("decodes percent-encoded payloads, where a credential has no word boundary before it", async () => {
    const url = `data:text/plain,${encodeURIComponent(`token=${gh}&key=${aws}`)}`;
    expect(url).toContain(`%3D${gh}`);
    const { text, count } = await redactString(url);
    expect(count).toBe(2);
    expect(text).not.toContain(gh);
    expect(decoded(text)).toBe("token=[REDACTED:github-token]&key=[REDACTED:aws-access-key-id]");
    const plain = "data:,password%3DhU7rQ_pz3kw9";
    expect(decoded((await redactString(plain)).text)).toBe("password=[REDACTED:secret-assignment]");
  });

  it("leaves a clean text attachment byte for byte as sent", async () => {
    const url = `data:text/plain;base64,${Buffer.from("# Notes\n\n- ship it\n").toString("base64")}`;
    expect(await redactString(url)).toEqual({ text: url, count: 0 });
  });

  it("does not scan an octet-stream payload that is not text, nor a text payload over the 4 MiB cap", async () => {
    const binary = Buffer.concat([Buffer.from([0, 1, 2, 255, 254]), Buffer.from(env)]);
    const bin = `data:application/octet-stream;base64,${binary.toString("base64")}`;
    expect(await redactString(bin)).toEqual({ text: bin, count: 0 });
    const huge = `data:text/plain;base64,${Buffer.from(env + "x".repeat(TEXT_ATTACHMENT_MAX_BYTES)).toString("base64")}`;
    expect(await redactString(huge)).toEqual({ text: huge, count: 0 });
  });

  it("redacts an .env attached next to the real attachment fixture's text file, and counts it", async () => {
    const data = JSON.parse(fs.readFileSync(path.join(FIXTURES, "attachment", "share-data.json"), "utf8")) as Array<{
      type: string;
      data: { type?: string; mime?: string; url?: string };
    }>;
    const textPart = data.find((i) => i.type === "part" && i.data.type === "file" && i.data.mime === "text/plain")!;
    expect(textPart.data.url!.startsWith("data:text/plain;base64,")).toBe(true);
    const withEnv = { ...textPart, data: { ...textPart.data, filename: ".env", url: `data:text/plain;base64,${Buffer.from(env).toString("base64")}` } };
    const { items, redactions } = await redactItems([...data, withEnv]);
    expect(redactions).toBe(2);
    const out = items.at(-1) as typeof withEnv;
    expect(decoded(out.data.url)).toContain("GITHUB_TOKEN=[REDACTED:github-token]");
    expect(JSON.stringify(items)).not.toContain(Buffer.from(gh).toString("base64").slice(0, 16));
    expect(items.slice(0, -1)).toEqual(data);
  });
});

describe("redactItems", () => {
  it("redacts every string of every item, counts them and drops model headers and options", async () => {
    const key = "ghp_" + "aB3".repeat(12);
    const items = [
      { type: "session", data: { id: "ses_1", title: `deploy with ${key}`, time: { created: 1 } } },
      {
        type: "part",
        data: {
          id: "prt_1",
          sessionID: "ses_1",
          messageID: "msg_1",
          type: "tool",
          callID: "c",
          tool: "bash",
          state: { status: "completed", input: { command: `export GH=${key}` }, output: `token ${key}`, metadata: { env: { GH: key } } },
        },
      },
      {
        type: "part",
        data: {
          id: "prt_2",
          sessionID: "ses_1",
          messageID: "msg_1",
          type: "file",
          mime: "text/plain",
          url: "file:///x",
          filename: "x",
          source: { text: { value: key } },
        },
      },
      {
        type: "model",
        data: [{ id: "m", providerID: "p", headers: { Authorization: "Bearer abc", "X-Team": "core" }, options: { apiKey: "k", baseURL: "https://x" } }],
      },
    ];
    const before = JSON.stringify(items);
    const { items: out, redactions } = await redactItems(items);
    expect(JSON.stringify(items)).toBe(before); // the input is not modified
    expect(JSON.stringify(out)).not.toContain(key);
    expect(redactions).toBe(5 + 4);
    expect((out[3] as { data: Array<{ headers: object; options: object }> }).data[0]).toMatchObject({
      headers: { Authorization: "[REDACTED:model-header]", "X-Team": "[REDACTED:model-header]" },
      options: { apiKey: "[REDACTED:model-option]", baseURL: "[REDACTED:model-option]" },
    });
  });

  it("changes nothing in the recorded sessions", async () => {
    for (const scenario of ["tour", "attachment", "aborted"]) {
      const data = JSON.parse(fs.readFileSync(path.join(FIXTURES, scenario, "share-data.json"), "utf8"));
      const started = performance.now();
      const { items, redactions } = await redactItems(data);
      const ms = performance.now() - started;
      const mb = Buffer.byteLength(JSON.stringify(data)) / 1e6;
      console.log(`redaction throughput ${scenario}: ${mb.toFixed(2)} MB in ${ms.toFixed(0)} ms = ${(mb / (ms / 1000)).toFixed(1)} MB/s`);
      expect(redactions, scenario).toBe(0);
      expect(items, scenario).toEqual(data);
    }
  });

  it("changes nothing in any recorded sync request, the text attachments included", async () => {
    let batches = 0;
    for (const scenario of ["basic", "tour", "attachment", "aborted"]) {
      const lines = fs
        .readFileSync(path.join(FIXTURES, scenario, "share-requests.jsonl"), "utf8")
        .split("\n")
        .filter(Boolean);
      for (const line of lines) {
        const req = JSON.parse(line) as { url: string; body: unknown };
        const body = (typeof req.body === "string" ? JSON.parse(req.body) : req.body) as { data?: unknown[] } | null;
        if (!req.url.endsWith("/sync") || !Array.isArray(body?.data)) continue;
        batches++;
        const { items, redactions } = await redactItems(body.data);
        expect(redactions, `${scenario} ${req.url}`).toBe(0);
        expect(items).toEqual(body.data);
      }
    }
    expect(batches).toBeGreaterThan(30);
  });
});

describe("batched secretlint", () => {
  it("redacts a whole batch exactly as it redacts each string alone, neighbours and all", async () => {
    // Every corpus string, in one batch, credentials next to prose and code, plus neighbours built to
    // tempt a pattern across the join: a PEM header in one string and its footer in the next, a key
    // name at the end of one string and a value at the start of the next.
    const pemBody = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7".repeat(3);
    const strings = [
      ...positives.map((p) => p.text),
      ...negatives,
      ...code,
      "notes before -----BEGIN RSA PRIVATE KEY-----",
      `${pemBody}\n-----END RSA PRIVATE KEY----- after`,
      "the config says aws_secret_access_key",
      "= wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEX and then some",
    ];
    const alone = await Promise.all(strings.map((s) => redactString(s)));
    const { items, redactions } = await redactItems([{ type: "part", data: { id: "prt_all", lines: strings } }]);
    expect((items[0] as { data: { lines: string[] } }).data.lines).toEqual(alone.map((r) => r.text));
    expect(redactions).toBe(alone.reduce((n, r) => n + r.count, 0));
  });
});

describe("secretlint profiler", () => {
  it("keeps no performance record of past runs (the preset's profiler would otherwise grow forever)", async () => {
    const { secretLintProfiler } = await import("@secretlint/profiler");
    for (let i = 0; i < 200; i++) await redactString(`plain text number ${i} with nothing secret in it`);
    await new Promise((r) => setTimeout(r, 50)); // let the profiler's observer deliver its entries
    await redactString("one more plain string");
    const p = secretLintProfiler as unknown as { entries: unknown[]; measures: unknown[] };
    expect(p.entries.length + p.measures.length).toBe(0);
    expect(performance.getEntriesByType("mark").filter((e) => e.name.startsWith("@core>")).length).toBe(0);
  });
});
