// Render at ingest: once a sync has been answered, the share's new version is rendered in the
// background and kept in the page cache, so the first reader of a fresh link is sent stored bytes.
// One render at a time, in arrival order; a burst of syncs to one share (batches sent back to back)
// becomes one render, QUIET_MS after the last of them. The render
// yields to the event loop between runs of turns (components/conversation/turn-runs.tsx), so requests
// keep being served, and it never touches the sync's own response.
import "server-only";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { getShareState } from "../shares/shares";
import type { PageAssets } from "./assets";
import { prerenderPage } from "./serve-page";
import { getLogger, shortId } from "../ops/logger";

// A client's batches come about a second apart, so a 100 ms pause still joins a back-to-back burst (an
// upload, a replay) into one render and leaves the render most of the second before a fresh link's
// first reader: on a slow run of `npm run bench`, 300 ms here made that reader wait 145 ms (p50), 100 ms 5 ms.
const QUIET_MS = 100;
// More shares than this waiting means a flood of syncs: the newest are dropped and render on first view.
const MAX_WAITING = 1000;

export class PrerenderQueue {
  private readonly waiting = new Map<string, { publicUrl: string; due: number }>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  rendered = 0;

  constructor(
    private readonly assets: PageAssets,
    private readonly quietMs = QUIET_MS,
  ) {}

  /** A sync of `shareId` was answered: render its newest version once its syncs pause. */
  schedule(shareId: string, publicUrl: string): void {
    if (!this.waiting.has(shareId) && this.waiting.size >= MAX_WAITING) return;
    this.waiting.delete(shareId); // to the back: its burst goes on
    this.waiting.set(shareId, { publicUrl, due: Date.now() + this.quietMs });
    this.wake();
  }

  /** Forgets a share that went away. */
  drop(shareId: string): void {
    this.waiting.delete(shareId);
  }

  private wake(): void {
    if (this.running || this.timer || this.waiting.size === 0) return;
    const next = Math.min(...[...this.waiting.values()].map((w) => w.due));
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        void this.drain();
      },
      Math.max(0, next - Date.now()),
    );
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      for (;;) {
        const now = Date.now();
        const ready = [...this.waiting].find(([, w]) => w.due <= now);
        if (!ready) break;
        const [shareId, { publicUrl }] = ready;
        this.waiting.delete(shareId);
        await this.render(shareId, publicUrl);
        await yieldToEventLoop();
      }
    } finally {
      this.running = false;
      this.wake();
    }
  }

  private async render(shareId: string, publicUrl: string): Promise<void> {
    try {
      const state = await getShareState(shareId);
      if (state.status === "live" && (await prerenderPage(state.share, publicUrl, this.assets))) this.rendered++;
    } catch (error) {
      // The first reader renders it instead; nothing else depends on this.
      getLogger().error({ share: shortId(shareId), err: error }, "rendering a share page at ingest failed");
    }
  }
}
