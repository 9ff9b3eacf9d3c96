// Redaction measured over a labelled corpus (corpus.ts): recall on fake credentials of every kind the
// issue names, false positives on ordinary code and prose, and the shapes of items after redaction.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeCorpus } from "./corpus";
import { isBase64DataUrl, redactItems, redactString } from "./index";

const { positives, negatives } = makeCorpus();

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
    console.log(`redaction recall ${(recall * 100).toFixed(2)}% over ${positives.length} credentials;`, Object.fromEntries([...byKind].map(([k, v]) => [k, `${v.hit}/${v.n}`])));
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
    expect(negatives.length).toBeGreaterThan(1000);
    expect(rate).toBeLessThanOrEqual(0.01);
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

  it("leaves base64 data URLs alone", async () => {
    const url = "data:image/png;base64," + Buffer.from("AKIAABCDEFGHIJKLMNOP ".repeat(1000)).toString("base64");
    expect(isBase64DataUrl(url)).toBe(true);
    expect((await redactString(url)).text).toBe(url);
    expect(isBase64DataUrl("data:text/plain,password=Hunter2Hunter2")).toBe(false);
  });
});

describe("redactItems", () => {
  it("redacts every string of every item, counts them and drops model headers and options", async () => {
    const key = "ghp_" + "aB3".repeat(12);
    const items = [
      { type: "session", data: { id: "ses_1", title: `deploy with ${key}`, time: { created: 1 } } },
      { type: "part", data: { id: "prt_1", sessionID: "ses_1", messageID: "msg_1", type: "tool", callID: "c", tool: "bash",
        state: { status: "completed", input: { command: `export GH=${key}` }, output: `token ${key}`, metadata: { env: { GH: key } } } } },
      { type: "part", data: { id: "prt_2", sessionID: "ses_1", messageID: "msg_1", type: "file", mime: "text/plain", url: "file:///x", filename: "x", source: { text: { value: key } } } },
      { type: "model", data: [{ id: "m", providerID: "p", headers: { Authorization: "Bearer abc", "X-Team": "core" }, options: { apiKey: "k", baseURL: "https://x" } }] },
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
      const data = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "e2e", "fixtures", scenario, "share-data.json"), "utf8"));
      const started = performance.now();
      const { items, redactions } = await redactItems(data);
      const ms = performance.now() - started;
      const mb = Buffer.byteLength(JSON.stringify(data)) / 1e6;
      console.log(`redaction throughput ${scenario}: ${mb.toFixed(2)} MB in ${ms.toFixed(0)} ms = ${(mb / (ms / 1000)).toFixed(1)} MB/s`);
      expect(redactions, scenario).toBe(0);
      expect(items, scenario).toEqual(data);
    }
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
