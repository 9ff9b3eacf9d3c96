import { describe, expect, it } from "vitest";
import { RenderSlots } from "./render-slots";

const tick = () => new Promise((r) => setImmediate(r));

describe("RenderSlots", () => {
  it("runs at most `max` at once and hands a freed slot to the next in line", async () => {
    const slots = new RenderSlots(2);
    const order: string[] = [];
    const a = await slots.acquire("reader");
    const b = await slots.acquire("reader");
    const c = slots.acquire("reader").then((release) => {
      order.push("c");
      return release;
    });
    await tick();
    expect(order).toEqual([]);
    expect(slots.state).toEqual({ running: 2, readers: 1, background: 0 });
    a();
    a(); // a second release of the same slot gives nothing back
    (await c)();
    expect(order).toEqual(["c"]);
    expect(slots.state).toEqual({ running: 1, readers: 0, background: 0 });
    b();
    expect(slots.state.running).toBe(0);
  });

  it("gives waiting readers a slot before background work, even background work that came first", async () => {
    const slots = new RenderSlots(1);
    const order: string[] = [];
    const first = await slots.acquire("reader");
    const bg = slots.acquire("background").then((release) => {
      order.push("background");
      return release;
    });
    const reader = slots.acquire("reader").then((release) => {
      order.push("reader");
      return release;
    });
    first();
    (await reader)();
    (await bg)();
    expect(order).toEqual(["reader", "background"]);
  });

  it("background work waits while a reader is in line, even with a slot free", async () => {
    const slots = new RenderSlots(2);
    const a = await slots.acquire("reader");
    const b = await slots.acquire("reader");
    const waitingReader = slots.acquire("reader");
    a();
    const release = await waitingReader;
    const bg = slots.acquire("background");
    let started = false;
    void bg.then(() => (started = true));
    await tick();
    expect(started).toBe(false);
    b();
    (await bg)();
    release();
    expect(slots.state).toEqual({ running: 0, readers: 0, background: 0 });
  });

  it("a reader who goes away while waiting leaves the line and takes no slot", async () => {
    const slots = new RenderSlots(1);
    const held = await slots.acquire("reader");
    const gone = new AbortController();
    const waiting = slots.acquire("reader", gone.signal);
    gone.abort(new Error("reader gone"));
    await expect(waiting).rejects.toThrow("reader gone");
    expect(slots.state).toEqual({ running: 1, readers: 0, background: 0 });
    held();
    expect(slots.state.running).toBe(0);
  });
});
