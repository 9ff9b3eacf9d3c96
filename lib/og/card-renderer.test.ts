// Real cards (satori + resvg), in this thread and in the worker thread the build ships
// (lib/og/card-worker.ts, bundled here with the same esbuild options as scripts/build-server.mjs).
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import type { ShareFacts } from "../view/share-facts";
import { CardRenderer } from "./card-renderer";
import { pngSize } from "./png";
import { cardModel } from "./render-card";

const facts = (title: string, messageCount: number): ShareFacts => ({
  source: "OpenCode",
  title,
  messageCount,
  models: ["claude-sonnet-4.5"],
  files: null,
  createdAt: Date.UTC(2026, 10, 22),
});
const model = (title: string, messages = 3) => cardModel(facts(title, messages), "Parley");

// Inside node_modules so that the bundle's external packages (next/og, react) resolve as in dist/.
const WORKER = path.join(process.cwd(), "node_modules", ".cache", "parley-test", "card-worker.js");

beforeAll(async () => {
  fs.mkdirSync(path.dirname(WORKER), { recursive: true });
  await build({
    entryPoints: ["lib/og/card-worker.ts"],
    outfile: WORKER,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    jsx: "automatic",
    alias: { "@": "." },
    plugins: [
      {
        name: "server-only",
        setup(b) {
          b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
          b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "" }));
        },
      },
    ],
    logLevel: "warning",
  });
});

describe("CardRenderer", () => {
  for (const where of ["worker thread", "main thread"] as const) {
    it(`renders a card in the ${where}, once for readers asking at the same time`, async () => {
      const renderer = new CardRenderer(where === "worker thread" ? WORKER : null);
      const [a, b] = await Promise.all([renderer.render("s1", "k1", model("Hello")), renderer.render("s1", "k1", model("Hello"))]);
      expect(pngSize(a.png)).toEqual({ width: 1200, height: 630 });
      expect(b).toBe(a);
      expect(renderer.counts).toEqual({ rendered: 1, superseded: 0 });
    });
  }

  it("keeps one card per share waiting: a newer one takes the older one's place and answers its readers", async () => {
    const renderer = new CardRenderer(WORKER);
    const busy = renderer.render("other", "o1", model("Another share"));
    const v1 = renderer.render("s1", "k1", model("Syncing", 4));
    const v2 = renderer.render("s1", "k2", model("Syncing", 5));
    const v3 = renderer.render("s1", "k3", model("Syncing", 6));
    expect(renderer.pending).toBe(2); // "other" running, one card of s1 waiting
    const [first, second, third] = await Promise.all([v1, v2, v3]);
    await busy;
    expect(first.key).toBe("k3");
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(renderer.counts).toEqual({ rendered: 2, superseded: 2 });
  });

  it("a worker that dies is replaced, and the card in flight is drawn anyway", async () => {
    const renderer = new CardRenderer(WORKER);
    await renderer.render("s1", "k1", model("Before"));
    const inFlight = renderer.render("s1", "k2", model("During"));
    await (renderer as unknown as { worker: import("node:worker_threads").Worker }).worker.terminate();
    const during = await inFlight;
    expect(during.key).toBe("k2");
    expect(pngSize(during.png)).toEqual({ width: 1200, height: 630 });
    const again = await renderer.render("s1", "k3", model("After"));
    expect(again.key).toBe("k3");
    expect((renderer as unknown as { worker?: unknown }).worker).toBeDefined();
  });
});
