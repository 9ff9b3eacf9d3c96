// Render once, with the real component tree: the recorded tour and attachment sessions rendered to
// HTML by react-dom, twice, counting the render cache's work (no timings).
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { buildConversation } from "@/lib/view/conversation";
import type { DataItem } from "@/lib/schema";
import { runtime } from "@/lib/runtime";
import { highlightCode, highlightLines, MAX_HIGHLIGHT_BYTES, MAX_HIGHLIGHT_LINES } from "@/lib/render/highlight";
import { limitOutput, OUTPUT_LIMIT_BYTES, OUTPUT_PREVIEW_BYTES } from "@/lib/view/output-limit";
import { pageAssets } from "@/lib/page/assets";
import { renderSharePage } from "@/lib/page/render-page";
import { computeShareFacts } from "@/lib/view/share-facts";
import { splitTurns } from "./conversation";
import { RenderFailed, renderTurns, renderUnit } from "./turn-runs";
import { HIGHLIGHT_LATER_ATTR } from "@/components/client/late-highlight";
import { planConversation } from "./conversation";
import { withoutTokenColours } from "@/lib/render/token-colors";
import { LARGE_IMAGE_BYTES } from "../parts/file-part";

type Item = { type: string; data: { id: string; type?: string; [k: string]: unknown } };
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "e2e", "fixtures", name, "share-data.json"), "utf8")) as Item[];

const assets = pageAssets("body{}", "void 0");

/** The whole share page, as the server streams it. */
async function render(data: Item[], shareId: string): Promise<string> {
  const conversation = buildConversation(data as DataItem[]);
  const page = renderSharePage({
    id: shareId,
    version: 1,
    conversation,
    facts: computeShareFacts(conversation),
    baseUrl: "http://parley.test",
    siteName: "Parley",
    assets,
  });
  let html = "";
  for await (const piece of page) html += piece;
  return html;
}

const cache = runtime().renderCache;
beforeEach(() => {
  cache.clear();
  cache.resetStats();
});

describe("render once", () => {
  it("a second view of an unchanged share renders nothing: each turn and the files changed come whole from the cache", async () => {
    const tour = fixture("tour");
    const first = await render(tour, "shr_tour1");
    const cold = cache.stats();
    // Markdown of every assistant text and reasoning part, every code block and diff, and each turn's HTML, rendered once.
    expect(cold.renders).toBeGreaterThan(10);
    expect(cold.entries).toBeGreaterThan(10);
    const turns = (first.match(/<section class="turn[ "]/g) ?? []).length;
    expect(turns).toBeGreaterThan(1);
    cache.resetStats();
    const second = await render(tour, "shr_tour1");
    const warm = cache.stats();
    expect(warm.renders).toBe(0);
    // Each turn and the files changed: nothing below a turn is even looked up.
    expect(warm.hits).toBe(turns + 1);
    expect(second).toBe(first);
  });

  it("a sync re-renders only the part it changed", async () => {
    const tour = fixture("tour");
    await render(tour, "shr_tour2");
    const changed = tour.map((item) =>
      item.type === "part" && item.data.id === "prt_212924fec001MJRm2CvJqLZtFT"
        ? { ...item, data: { ...item.data, text: "Let me look around the **whole** repository first." } }
        : item,
    );
    cache.resetStats();
    const html = await render(changed, "shr_tour2");
    // The part's markdown and the one turn that holds it; every other turn comes whole from the cache.
    expect(cache.stats().renders).toBe(2);
    expect(html).toContain("<strong>whole</strong>");
  });

  it("unshare (dropShare) forgets every rendering of the share and only of that share", async () => {
    const tour = fixture("tour");
    await render(tour, "shr_tour3");
    const perShare = cache.stats().entries;
    await render(tour, "shr_tour4");
    expect(cache.stats().entries).toBe(2 * perShare);
    expect(cache.dropShare("shr_tour3")).toBe(perShare);
    cache.resetStats();
    await render(tour, "shr_tour4");
    expect(cache.stats().renders).toBe(0);
    await render(tour, "shr_tour3");
    expect(cache.stats().renders).toBe(perShare);
  });

  it("stays within PARLEY_RENDER_CACHE by evicting the least recently used renderings", async () => {
    const { RenderCache } = await import("@/lib/render/cache");
    const small = new RenderCache(4096);
    for (let i = 0; i < 50; i++) small.getOrRenderSync("s", `k${i}`, "h", () => "x".repeat(500));
    expect(small.stats().bytes).toBeLessThanOrEqual(4096);
    expect(small.stats().evictions).toBeGreaterThan(0);
  });
});

describe("code colours of the turns below the first screen", () => {
  it("the page carries them uncoloured and marked; the fragments route sends each one whole", async () => {
    // The tour, and a third turn whose answer has a code block (the tour's second turn has none).
    const tour = fixture("tour");
    const session = "ses_ded6dca33ffeN2jPTxM7U6r6ef";
    const created = 1795607924000;
    tour.push(
      { type: "message", data: { id: "msg_3u", sessionID: session, role: "user", time: { created } } },
      { type: "message", data: { id: "msg_3a", sessionID: session, role: "assistant", parentID: "msg_3u", time: { created: created + 1 } } },
      { type: "part", data: { id: "prt_3t", sessionID: session, messageID: "msg_3a", type: "text", text: "```ts\nexport const answer: number = 42;\n```" } },
    );
    const page = await render(tour, "shr_tour_hl");
    const sections = [...page.matchAll(/<section class="turn[^>]*>[\s\S]*?<\/section>/g)].map((m) => m[0]);
    const token = /<span class="(t\d+|l\d+ d\d+)">/;
    // The first turn keeps its colours (it is on the first screen); the tour has code after it.
    expect(sections[0]).not.toContain(HIGHLIGHT_LATER_ATTR);
    const marked = sections.filter((s) => s.includes(`${HIGHLIGHT_LATER_ATTR}=""`));
    expect(marked.length).toBeGreaterThan(0);
    for (const s of sections.slice(1)) expect(s).not.toMatch(token);
    // A later turn is marked exactly when its whole HTML has colours, and differs from it only by them.
    const plan = planConversation(buildConversation(tour as DataItem[]), "shr_tour_hl");
    const whole = await renderTurns(plan.chunks, null, plan.ctx);
    expect(whole).toHaveLength(sections.length);
    whole.forEach((turn, i) => {
      expect(sections[i]).toContain(`id="turn-${turn.id}"`);
      if (i === 0) return expect(sections[i]).toBe(turn.html);
      const coloured = token.test(turn.html);
      expect(sections[i].includes(HIGHLIGHT_LATER_ATTR)).toBe(coloured);
      expect(sections[i].replace(` ${HIGHLIGHT_LATER_ATTR}=""`, "")).toBe(withoutTokenColours(turn.html));
    });
  });
});

describe("degradation in the rendered page", () => {
  it("the tour's 5,000-line bash output shows its first lines and links the rest", async () => {
    const html = await render(fixture("tour"), "shr_tour5");
    expect(html).toContain('href="/s/shr_tour5/raw/prt_2129272c7001LRQLZgYV1O72gY"');
    expect(html).toMatch(/show all \(<!-- -->[\d,]+ lines<!-- -->, <!-- -->50\.\d KB<!-- -->\)/);
    // OpenCode kept lines 2305-3219 of the 5,000; the page keeps the first of those.
    expect(html).toContain("line 02305: the quick brown fox");
    expect(html).not.toContain("line 03000: the quick brown fox");
    expect(html.length).toBeLessThan(400_000);
  });

  it("the attachment session links its files instead of inlining base64", async () => {
    const data = fixture("attachment");
    const html = await render(data, "shr_att");
    expect(html).not.toContain("base64,");
    expect(html.length).toBeLessThan(200_000);
    const files = data
      .filter((i) => i.type === "part" && i.data.type === "file")
      .map((i) => i.data as unknown as { id: string; filename?: string; mime: string; url: string });
    const small = files.find((f) => f.filename === "gradient-64.png")!;
    expect(html).toContain(`<img class="attachment-image" src="/s/shr_att/file/${small.id}" alt="gradient-64.png" loading="lazy"`);
    const huge = files.find((f) => f.filename === "huge-screenshot.png")!;
    expect(huge.url.length * 0.75).toBeGreaterThan(LARGE_IMAGE_BYTES);
    // The large image sits in a closed <details>: nothing loads until it is opened.
    const details = new RegExp(
      `<details class="attachment large-image"[^>]*><summary>[\\s\\S]*?huge-screenshot\\.png[\\s\\S]*?</summary>[\\s\\S]*?src="/s/shr_att/file/${huge.id}"`,
    );
    expect(html).toMatch(details);
  });
});

describe("collapsed blocks", () => {
  it("are a button that says it is closed and the body after it, never <details> (a shadow tree each in Chromium)", async () => {
    const html = await render(fixture("tour"), "shr_tour_blocks");
    expect(html).not.toContain("<details");
    const blocks = [
      ...html.matchAll(/<div class="collapsible( [a-z-]+)?"[^>]*><button type="button" class="collapsible-toggle" aria-expanded="(true|false)">/g),
    ];
    expect(blocks.map((m) => m[1]?.trim())).toContain("reasoning");
    expect(blocks.some((m) => m[2] === "false")).toBe(true);
    // The body is in the page (Ctrl-F, no JavaScript, print), hidden only by CSS while closed.
    expect(html).toMatch(
      /aria-expanded="false">Thinking<\/button><div class="collapsible-body reasoning-body"><div class="markdown"><p>[^<]*I will start by listing the repository/,
    );
  });
});

describe("limits", () => {
  it("limitOutput keeps short outputs whole and cuts long ones to their first lines", () => {
    expect(limitOutput("a\nb\n")).toEqual({ text: "a\nb" });
    const tour = fixture("tour");
    const bash = tour.find((i) => i.type === "part" && i.data.id === "prt_2129272c7001LRQLZgYV1O72gY")!.data as unknown as { state: { output: string } };
    const out = bash.state.output;
    expect(Buffer.byteLength(out)).toBeGreaterThan(OUTPUT_LIMIT_BYTES);
    const limited = limitOutput(out);
    expect(limited.full).toEqual({ lines: out.replace(/\n+$/, "").split("\n").length, bytes: Buffer.byteLength(out) });
    expect(out.startsWith(limited.text)).toBe(true);
    expect(limited.text.length).toBeLessThanOrEqual(OUTPUT_PREVIEW_BYTES);
    // 301 short lines are over the line limit even though tiny.
    expect(limitOutput(Array.from({ length: 301 }, (_, i) => String(i)).join("\n")).full?.lines).toBe(301);
    // One huge line is cut inside it.
    expect(limitOutput("x".repeat(100_000)).text).toHaveLength(OUTPUT_PREVIEW_BYTES);
  });

  it("code over the highlighting cap renders as plain preformatted text", async () => {
    const longLines = Array.from({ length: MAX_HIGHLIGHT_LINES + 1 }, (_, i) => `const a${i} = ${i};`).join("\n");
    const big = `const s = "${"y".repeat(MAX_HIGHLIGHT_BYTES)}";`;
    for (const code of [longLines, big]) {
      const html = await highlightCode(code, "ts");
      expect(html.startsWith('<pre class="shiki shiki-plain"')).toBe(true);
      expect(html).not.toMatch(/class="l\d+ d\d+"/);
    }
    expect((await highlightLines(longLines, "ts"))[0]).toBe("const a0 = 0;");
    const under = await highlightCode("const a = 1;", "ts");
    expect(under).toMatch(/class="t\d+"/);
  });

  it("long sessions split after the first screen, in order, every turn once", () => {
    const turn = (n: number, steps: number) => ({ id: `t${n}`, user: null, steps: Array.from({ length: steps }, () => ({}) as never) });
    const turns = Array.from({ length: 100 }, (_, n) => turn(n, 5));
    const chunks = splitTurns(turns, 30, 100);
    expect(chunks[0]).toHaveLength(6);
    expect(chunks[1]).toHaveLength(20);
    expect(chunks.flat().map((t) => t.id)).toEqual(turns.map((t) => t.id));
    expect(splitTurns(turns.slice(0, 3), 30, 100)).toHaveLength(1);
  });
});

describe("a renderer that throws", () => {
  it("costs only its own turn: the other units render, the turn says it could not be shown", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    function Broken(): never {
      throw new Error("renderer bug");
    }
    const units = [
      { element: <p key="a">before</p>, fallback: <p>unused</p> },
      { element: <Broken key="b" />, fallback: <RenderFailed what="Turn 2" /> },
      { element: <p key="c">after</p>, fallback: <p>unused</p> },
    ];
    const html = (await Promise.all(units.map(renderUnit))).join("");
    expect(html).toBe(
      '<p>before</p><section class="turn" data-render-failed=""><p class="tool-note warn">Turn 2<!-- --> could not be shown: the viewer failed to render it. The shared data itself is unaffected.</p></section><p>after</p>',
    );
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });
});
