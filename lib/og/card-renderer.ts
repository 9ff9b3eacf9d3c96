// Renders share cards one at a time, off the main thread (lib/og/card-worker.ts), newest first per
// share: while a card renders, each share keeps at most one card waiting, and a newer card of that
// share takes the waiting one's place and answers its readers (the share moved on; they get what it
// shows now). So a share syncing every second, with unfurlers fetching its card, costs at most one
// render at a time, however many versions go by, and the event loop stays free for syncs and pages.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { CardModel } from "@/components/og/share-card";
import { cardSeconds, timed } from "../ops/metrics";

export type RenderedCard = { key: string; png: Buffer };
type Job = { shareId: string; key: string; model: CardModel; promise: Promise<RenderedCard>; settle: (r: Promise<RenderedCard>) => void };

/** The built worker, next to the server (npm run build); without it cards render in this thread. */
export function cardWorkerFile(): string | null {
  const file = path.join(process.cwd(), "dist", "card-worker.js");
  return fs.existsSync(file) ? file : null;
}

// Loaded only when needed: the server's own bundle (server.ts) reaches this file through lib/runtime.ts.
async function drawHere(model: CardModel): Promise<Buffer> {
  return (await import("./render-card")).renderCard(model);
}

export class CardRenderer {
  private readonly waiting = new Map<string, Job>(); // by share, in arrival order
  private running: Job | undefined;
  private worker: Worker | undefined;
  /** Cards rendered, and waiting cards replaced by a newer one of their share. */
  readonly counts = { rendered: 0, superseded: 0 };

  constructor(private readonly workerFile: string | null) {}

  /** The card `model` of `shareId` (`key`: what it shows), or a newer one of the same share. */
  render(shareId: string, key: string, model: CardModel): Promise<RenderedCard> {
    if (this.running?.shareId === shareId && this.running.key === key) return this.running.promise;
    const queued = this.waiting.get(shareId);
    if (queued?.key === key) return queued.promise;
    let settle: Job["settle"] = () => {};
    const promise = new Promise<RenderedCard>((resolve) => (settle = resolve));
    const job: Job = { shareId, key, model, promise, settle };
    if (queued) {
      this.counts.superseded++;
      queued.settle(promise);
    }
    this.waiting.set(shareId, job); // a replaced entry keeps its place in the line
    this.pump();
    return promise;
  }

  /** Renders queued or running now (tests). */
  get pending(): number {
    return this.waiting.size + (this.running ? 1 : 0);
  }

  private pump(): void {
    if (this.running) return;
    const next = this.waiting.values().next().value;
    if (!next) return;
    this.waiting.delete(next.shareId);
    this.running = next;
    const rendered = timed(cardSeconds, {}, () =>
      this.draw(next.model).catch((error) => {
        // A broken worker must not break the card: this one is drawn here, and the next worker is fresh.
        console.error("card worker failed; drawing this card in the main thread:", error instanceof Error ? error.message : error);
        return drawHere(next.model);
      }),
    ).then((png) => ({ key: next.key, png }));
    next.settle(rendered);
    void rendered
      .catch(() => {})
      .finally(() => {
        this.counts.rendered++;
        this.running = undefined;
        this.pump();
      });
  }

  private draw(model: CardModel): Promise<Buffer> {
    if (!this.workerFile) return drawHere(model);
    const worker = this.ensureWorker(this.workerFile);
    return new Promise((resolve, reject) => {
      const onMessage = (m: { png?: Uint8Array; error?: string }) => {
        done();
        if (m.png) resolve(Buffer.from(m.png.buffer, m.png.byteOffset, m.png.byteLength));
        else reject(new Error(`card render failed: ${m.error}`));
      };
      const onExit = (code: number) => {
        done();
        reject(new Error(`the card worker exited (${code})`));
      };
      const done = () => {
        worker.off("message", onMessage);
        worker.off("exit", onExit);
      };
      worker.on("message", onMessage);
      worker.on("exit", onExit);
      worker.postMessage(model);
    });
  }

  private ensureWorker(file: string): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(file);
    // An idle worker must not keep the process alive; a dead one is replaced on the next card.
    worker.unref();
    worker.on("error", (err) => console.error("card worker failed:", err.message));
    worker.once("exit", () => {
      if (this.worker === worker) this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }
}
