// Synthetic OpenCode sessions for the benchmark: the wire format of opencode 1.18 (session,
// message, part items) with a realistic mix of prose, fenced code in several languages, reasoning,
// tool calls with short and very long outputs, file reads and edit diffs. Deterministic per seed.

export type Item = { type: string; data: Record<string, unknown> };

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  "the share viewer renders each message once and caches the result so that a second view is cheap while a sync only touches changed parts we keep tool output collapsed because build logs can be enormous and the browser should stay responsive when a session has thousands of steps function module config request response server client cache index render stream token model session".split(
    " ",
  );

const CODE: Record<string, string[]> = {
  ts: [
    "export async function loadShare(id: string): Promise<Share | null> {",
    '  const row = await db.selectFrom("shares").where("id", "=", id).executeTakeFirst();',
    "  if (!row) return null;",
    "  return { id: row.id, version: Number(row.version) };",
    "}",
  ],
  python: [
    "def parse_config(env: dict[str, str]) -> Config:",
    '    size = int(env.get("MAX_BODY", 64 * 1024 * 1024))',
    "    if size <= 0:",
    '        raise ValueError(f"bad size {size}")',
    "    return Config(max_body=size)",
  ],
  rust: [
    "pub fn checksum(data: &[u8]) -> u32 {",
    "    let mut h: u32 = 0x811c9dc5;",
    "    for b in data { h ^= *b as u32; h = h.wrapping_mul(0x01000193); }",
    "    h",
    "}",
  ],
  go: [
    "func (s *Server) Handle(w http.ResponseWriter, r *http.Request) {",
    '\tid := r.PathValue("id")',
    '\tif id == "" {',
    '\t\thttp.Error(w, "missing id", http.StatusBadRequest)',
    "\t\treturn",
    "\t}",
    "}",
  ],
  sql: [
    "SELECT s.id, count(i.key) AS items, sum(i.bytes) AS bytes",
    "FROM shares s JOIN share_items i ON i.share_id = s.id",
    "WHERE s.deleted_at IS NULL",
    "GROUP BY s.id ORDER BY bytes DESC LIMIT 20;",
  ],
  bash: ["set -euo pipefail", "for f in src/*.ts; do", '  npx tsc --noEmit "$f" || echo "failed: $f"', "done"],
  json: ["{", '  "name": "parley",', '  "scripts": { "bench": "tsx bench/run.ts" },', '  "engines": { "node": ">=20.9.0" }', "}"],
};
const LANGS = Object.keys(CODE);

export function syntheticSession(messageCount: number, seed = 42, sessionID = "ses_bench"): Item[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const sentence = () => {
    const w = Array.from({ length: int(8, 22) }, () => pick(WORDS)).join(" ");
    return w[0].toUpperCase() + w.slice(1) + ".";
  };
  const paragraph = () => Array.from({ length: int(2, 5) }, sentence).join(" ");
  const codeBlock = (lang: string, repeat: number) => {
    const lines: string[] = [];
    for (let i = 0; i < repeat; i++) lines.push(...CODE[lang]);
    return lines.join("\n");
  };
  const markdown = () => {
    const blocks = [paragraph()];
    if (r() < 0.5) blocks.push(Array.from({ length: int(2, 5) }, () => `- ${sentence()} \`${pick(WORDS)}()\``).join("\n"));
    if (r() < 0.45) {
      const lang = pick(LANGS);
      blocks.push("```" + lang + "\n" + codeBlock(lang, int(1, 8)) + "\n```");
    }
    if (r() < 0.3) blocks.push(`| file | change |\n|---|---|\n| \`src/${pick(WORDS)}.ts\` | ${sentence()} |\n| \`lib/${pick(WORDS)}.ts\` | ${sentence()} |`);
    blocks.push(paragraph());
    return blocks.join("\n\n");
  };
  const logOutput = (lines: number) =>
    Array.from(
      { length: lines },
      (_, i) => `[${String(i).padStart(5, "0")}] ${pick(["info", "info", "warn", "debug"])} ${pick(WORDS)}/${pick(WORDS)}.ts: ${sentence()}`,
    ).join("\n");
  const fileContent = (lang: string, lines: number) =>
    Array.from({ length: lines }, (_, i) => `${String(i + 1).padStart(5, "0")}| ${CODE[lang][i % CODE[lang].length]}`).join("\n");
  const diff = (file: string, hunks: number) => {
    const out = [`Index: ${file}`, "===================================================================", `--- ${file}`, `+++ ${file}`];
    for (let h = 0; h < hunks; h++) {
      out.push(`@@ -${h * 40 + 1},8 +${h * 40 + 1},9 @@`);
      for (let i = 0; i < 3; i++) out.push(` ${CODE.ts[i]}`);
      out.push(`-  const value = ${pick(WORDS)}(${int(1, 99)});`, `+  const value = ${pick(WORDS)}(${int(1, 99)});`, `+  // ${sentence()}`);
      for (let i = 3; i < 5; i++) out.push(` ${CODE.ts[i]}`);
    }
    return out.join("\n");
  };

  const t0 = 1_790_000_000_000;
  const items: Item[] = [
    {
      type: "session",
      data: {
        id: sessionID,
        title: `Benchmark session with ${messageCount} messages`,
        directory: "/home/dev/bench",
        version: "1.18.33",
        time: { created: t0, updated: t0 + messageCount * 1000 },
      },
    },
    { type: "model", data: [{ id: "gpt-bench", providerID: "mock", name: "Bench Model" }] as unknown as Record<string, unknown> },
  ];
  let parentID = "";
  for (let m = 0; m < messageCount; m++) {
    const msgID = `msg_${String(m).padStart(6, "0")}bench`;
    const created = t0 + m * 1000;
    const part = (j: number, data: Record<string, unknown>): Item => ({
      type: "part",
      data: { id: `prt_${String(m).padStart(6, "0")}${String(j).padStart(2, "0")}bench`, sessionID, messageID: msgID, ...data },
    });
    if (m % 5 === 0) {
      items.push({
        type: "message",
        data: { id: msgID, sessionID, role: "user", time: { created }, agent: "build", model: { providerID: "mock", modelID: "gpt-bench" } },
      });
      items.push(part(0, { type: "text", text: r() < 0.3 ? markdown() : paragraph() }));
      parentID = msgID;
      continue;
    }
    items.push({
      type: "message",
      data: {
        id: msgID,
        sessionID,
        role: "assistant",
        parentID,
        time: { created, completed: created + 900 },
        modelID: "gpt-bench",
        providerID: "mock",
        mode: "build",
        agent: "build",
        cost: 0.0012,
        tokens: { input: int(500, 9000), output: int(50, 900), reasoning: 0, cache: { read: 0, write: 0 } },
      },
    });
    items.push(part(0, { type: "step-start" }));
    const roll = r();
    const tool = (j: number, name: string, input: Record<string, unknown>, output: string, metadata: Record<string, unknown> = {}, title = "") =>
      part(j, {
        type: "tool",
        callID: `call_${m}`,
        tool: name,
        state: { status: "completed", input, output, title, metadata, time: { start: created + 10, end: created + 800 } },
      });
    if (roll < 0.35) items.push(part(1, { type: "text", text: markdown() }));
    else if (roll < 0.5) {
      items.push(part(1, { type: "reasoning", text: paragraph(), time: { start: created, end: created + 200 } }));
      items.push(part(2, { type: "text", text: markdown() }));
    } else if (roll < 0.7) {
      // Like opencode 1.18: a long output is cut to about 50 KB (metadata.output to 30 KB) and flagged.
      const full = logOutput(r() < 0.15 ? int(300, 3000) : int(5, 40));
      const truncated = full.length > 51_200;
      const output = truncated
        ? `...output truncated...\n\nFull output saved to: /home/dev/.local/share/opencode/tool-output/${m}.txt\n\n${full.slice(-51_200)}`
        : full;
      items.push(
        tool(
          1,
          "bash",
          { command: "npm run build 2>&1", description: "Build the project" },
          output,
          { output: output.slice(-30_000), exit: r() < 0.1 ? 1 : 0, truncated, description: "Build the project" },
          "Build the project",
        ),
      );
    } else if (roll < 0.8) {
      const lang = pick(LANGS);
      const file = `/home/dev/bench/src/${pick(WORDS)}.${lang}`;
      items.push(tool(1, "read", { filePath: file }, `<file>\n${fileContent(lang, int(40, 400))}\n</file>`, { preview: CODE[lang][0] }, file));
    } else if (roll < 0.9) {
      const file = `/home/dev/bench/src/${pick(WORDS)}.ts`;
      const d = diff(file, int(1, 10));
      items.push(
        tool(
          1,
          "edit",
          { filePath: file, oldString: CODE.ts[1], newString: CODE.ts[2] },
          "Edit applied successfully.",
          { diff: d, filediff: { file, before: CODE.ts.join("\n"), after: CODE.ts.join("\n") + "\n", additions: 2, deletions: 1 } },
          file,
        ),
      );
    } else if (roll < 0.95) {
      const matches = Array.from({ length: int(3, 60) }, () => `/home/dev/bench/src/${pick(WORDS)}.ts:\n  Line ${int(1, 400)}: ${CODE.ts[int(0, 4)]}`).join(
        "\n",
      );
      items.push(tool(1, "grep", { pattern: pick(WORDS), path: "/home/dev/bench" }, matches, { matches: 10 }, pick(WORDS)));
    } else {
      const lang = pick(LANGS);
      const file = `/home/dev/bench/src/${pick(WORDS)}.${lang}`;
      items.push(tool(1, "write", { filePath: file, content: codeBlock(lang, int(5, 40)) }, "Wrote file successfully.", { exists: false }, file));
    }
    items.push(
      part(9, { type: "step-finish", reason: "stop", cost: 0.0012, tokens: { input: 1000, output: 200, reasoning: 0, cache: { read: 0, write: 0 } } }),
    );
  }
  return items;
}

/** A batch of `count` new text parts on a fresh message, for sync ingest measurements. */
export function syncBatch(batch: number, count: number, sessionID = "ses_bench"): Item[] {
  const msgID = `msg_sync${String(batch).padStart(6, "0")}`;
  const items: Item[] = [
    {
      type: "message",
      data: { id: msgID, sessionID, role: "assistant", time: { created: 1_790_000_000_000 + batch }, modelID: "gpt-bench", providerID: "mock" },
    },
  ];
  for (let i = 1; i < count; i++) {
    items.push({
      type: "part",
      data: {
        id: `prt_sync${String(batch).padStart(6, "0")}${String(i).padStart(3, "0")}`,
        sessionID,
        messageID: msgID,
        type: "text",
        text: `Streaming update ${i} of batch ${batch}: ${"the viewer stays fast ".repeat(20)}`,
      },
    });
  }
  return items;
}
