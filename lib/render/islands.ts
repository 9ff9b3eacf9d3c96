// The server half of <HtmlIsland> (components/html-island.tsx): HTML rendered for this request,
// parked under a random key until server-side rendering of the same request takes it. An entry is
// dropped a few seconds after it is taken, and after a minute if it never is (the client went away
// before server-side rendering reached it), so the map holds only pages being rendered right now.
import { randomUUID } from "node:crypto";

const ISLANDS = Symbol.for("parley.htmlIslands");
// Shared with components/html-island.tsx, which sets `taken` and calls `onTaken`.
type Entry = { html: string; taken: boolean; onTaken?: () => void };
type Parked = Map<string, Entry>;

const TAKEN_MS = 5_000;
const UNTAKEN_MS = 60_000;

function parked(): Parked {
  const holder = globalThis as { [ISLANDS]?: Parked };
  return (holder[ISLANDS] ??= new Map());
}

/**
 * Parks `html` for this request's server-side rendering. Returns its key for <HtmlIsland id>, and
 * `taken`, which settles once server-side rendering has taken it (or after `waitMs` at the latest).
 */
export function parkHtml(html: string, waitMs = 2_000): { id: string; taken: Promise<void> } {
  const id = randomUUID();
  const map = parked();
  const entry: Entry = { html, taken: false };
  const taken = new Promise<void>((resolve) => {
    entry.onTaken = resolve;
    setTimeout(resolve, waitMs).unref();
  });
  map.set(id, entry);
  const sweep = (after: number) =>
    setTimeout(() => {
      if (!map.has(id)) return;
      if (!entry.taken && after === TAKEN_MS) return sweep(UNTAKEN_MS - TAKEN_MS);
      map.delete(id);
    }, after).unref();
  sweep(TAKEN_MS);
  return { id, taken };
}

/** How many entries are parked (tests). */
export function parkedCount(): number {
  return parked().size;
}
