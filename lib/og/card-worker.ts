// The preview card renderer's thread (dist/card-worker.js, built by scripts/build-server.mjs): satori
// and resvg run a card in one synchronous stretch of ~150-400 ms, which on the main thread held up
// every request behind it (a sync waited seconds while shares syncing every second had their cards
// fetched). Here they use the other core; lib/og/card-renderer.ts sends one model at a time.
import { parentPort } from "node:worker_threads";
import type { CardModel } from "@/components/og/share-card";
import { renderCard } from "./render-card";

parentPort?.on("message", async (model: CardModel) => {
  try {
    const png = await renderCard(model);
    parentPort?.postMessage({ png });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
