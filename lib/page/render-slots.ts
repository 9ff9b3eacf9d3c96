// A bound on expensive renders running at once (share pages, preview cards). A render runs on the
// one event-loop thread: many of them interleaved finish no sooner in total, and every other request
// (a sync, a cached page) waits behind all of them at each step. Readers take slots first, in arrival
// order; background work (render at ingest) only gets a slot no reader is waiting for.

export type Lane = "reader" | "background";

type Waiter = { grant: () => void; signal?: AbortSignal };

export class RenderSlots {
  private running = 0;
  private readonly queues: Record<Lane, Waiter[]> = { reader: [], background: [] };

  constructor(readonly max: number) {}

  /** Waits for a slot; the returned function gives it back (once). Rejects if `signal` aborts first. */
  acquire(lane: Lane, signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    if (this.running < this.max && this.queues.reader.length === 0 && (lane === "reader" || this.queues.background.length === 0)) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        signal,
        grant: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve(this.releaser());
        },
      };
      const onAbort = () => {
        const queue = this.queues[lane];
        const at = queue.indexOf(waiter);
        if (at >= 0) queue.splice(at, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.queues[lane].push(waiter);
    });
  }

  /** Renders running and waiting, for tests and metrics. */
  get state(): { running: number; readers: number; background: number } {
    return { running: this.running, readers: this.queues.reader.length, background: this.queues.background.length };
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.next();
    };
  }

  private next(): void {
    while (this.running < this.max) {
      const waiter = this.queues.reader.shift() ?? this.queues.background.shift();
      if (!waiter) return;
      this.running++;
      waiter.grant();
    }
  }
}
