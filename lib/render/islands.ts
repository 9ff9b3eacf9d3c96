// The server half of <HtmlIsland> (components/client/html-island.tsx): HTML rendered for this request,
// parked under a random key until server-side rendering of the same request takes it.
//
// The map only holds pages being rendered right now: an entry goes TAKEN_MS after it is taken (a
// grace period, in case React renders the island a second time), UNTAKEN_MS after it was parked if
// it never is (the reader went away first), and untaken entries go oldest first whenever the map
// holds more than MAX_PARKED_BYTES.
import { randomUUID } from "node:crypto";
import { parked, type ParkedHtml } from "./island-registry";

const TAKEN_MS = 1_000;
const UNTAKEN_MS = 30_000;
const MAX_PARKED_BYTES = 256 * 1024 * 1024;

function drop(id: string) {
  const all = parked();
  const entry = all.entries.get(id);
  if (!entry) return;
  all.entries.delete(id);
  all.bytes -= entry.bytes;
  entry.onTaken(); // nobody waits for an entry that is gone
}

/**
 * Parks `html` for this request's server-side rendering. Returns its key for <HtmlIsland id>, and
 * `taken`, which settles once server-side rendering has taken it, or after `waitMs` at the latest.
 */
export function parkHtml(html: string, waitMs = 2_000, maxBytes = MAX_PARKED_BYTES): { id: string; taken: Promise<void> } {
  const id = randomUUID();
  const all = parked();
  const map = all.entries;
  let settle!: () => void;
  const taken = new Promise<void>((resolve) => (settle = resolve));
  const wait = setTimeout(settle, waitMs);
  wait.unref();
  const entry: ParkedHtml = {
    html,
    bytes: html.length * 2,
    taken: false,
    onTaken() {
      clearTimeout(wait);
      settle();
      if (map.has(id)) setTimeout(() => drop(id), TAKEN_MS).unref();
    },
  };
  map.set(id, entry);
  all.bytes += entry.bytes;
  setTimeout(() => drop(id), UNTAKEN_MS).unref();
  for (const [oldest, e] of map) {
    if (all.bytes <= maxBytes || oldest === id) break;
    if (!e.taken) drop(oldest);
  }
  return { id, taken };
}

/** How many entries are parked, and their size (tests). */
export function parkedStats(): { entries: number; bytes: number } {
  const all = parked();
  return { entries: all.entries.size, bytes: all.bytes };
}
