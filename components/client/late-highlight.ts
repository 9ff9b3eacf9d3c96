// Colours for the code of turns below the first screen. The page carries those turns' code as plain
// text, marked `data-highlight-later` (components/conversation/turn-runs.tsx says why); when such a turn
// comes within a screen of the viewport, its whole HTML is fetched from the fragments route and its
// code blocks' colours are copied in. Only a block whose text is exactly the page's gets them, and
// only inside its <code>: nothing moves, and nothing the reader did to the turn (a block opened or
// shown whole, a permalink, a "Copied" label) is touched. A block whose text changed since (a newer
// version) stays as it is for live follow. Turns that near the screen together are fetched in one
// request, one request at a time.
import { element, fetchFragments, turnSection } from "./fragments";

/** The mark of a turn carried without its colours (the server's highlightLater() writes it). */
export const HIGHLIGHT_LATER_ATTR = "data-highlight-later";
const CODE = "pre.shiki > code, pre.diff-code > code"; // where highlight.ts's token spans live
const RETRY_MS = 10_000; // after a failed fetch (a restart, offline for a moment); doubled each time
const RETRY_MAX_MS = 5 * 60_000;

/** Copies the colours of `next`'s code blocks into the same blocks of `old`, matched by their text. */
function colour(old: Element, next: Element) {
  const byText = new Map<string, Element[]>();
  for (const code of next.querySelectorAll(CODE)) {
    const text = code.textContent ?? "";
    byText.set(text, [...(byText.get(text) ?? []), code]);
  }
  for (const code of old.querySelectorAll(CODE)) {
    const same = byText.get(code.textContent ?? "")?.shift();
    if (same && !code.isEqualNode(same)) code.replaceChildren(...same.childNodes);
  }
  old.removeAttribute(HIGHLIGHT_LATER_ATTR);
}

function start(main: HTMLElement, share: string) {
  const marked = main.querySelectorAll<HTMLElement>(`section[${HIGHLIGHT_LATER_ATTR}]`);
  if (!marked.length || !("IntersectionObserver" in window)) return;
  const wanted = new Set<string>();
  let busy = false;
  let retryMs = RETRY_MS;

  const turnId = (section: Element) => section.querySelector(".turn-title")?.id.replace(/^turn-/, "") ?? "";
  // Observed again: asked for once it is (still, or again) near the screen.
  const observeAgain = (ids: Iterable<string>) => {
    for (const id of ids) {
      const section = turnSection(id);
      if (section?.hasAttribute(HIGHLIGHT_LATER_ATTR)) observer.observe(section);
    }
  };

  const next = async () => {
    if (busy || !wanted.size) return;
    busy = true;
    const ids = [...wanted];
    wanted.clear();
    const data = await fetchFragments(share, ids);
    busy = false;
    if (data === 410) return location.reload(); // unshared or expired: the server answers the tombstone now
    // Refused (signed out, the share not found): the code stays readable, uncoloured.
    if (typeof data === "number" && data < 500 && data !== 429) return;
    if (data === null || typeof data === "number") {
      // Failed for now: the code stays readable, uncoloured, and is asked for again later.
      const again = [...ids, ...wanted];
      wanted.clear();
      window.setTimeout(() => observeAgain(again), retryMs);
      retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
      return;
    }
    retryMs = RETRY_MS;
    try {
      for (const turn of data.turns) {
        const old = turnSection(turn.id);
        const html = old?.hasAttribute(HIGHLIGHT_LATER_ATTR) ? element(turn.html) : null;
        if (old && html) colour(old, html);
      }
    } finally {
      void next();
    }
  };

  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        // Live follow may have patched the turn whole meanwhile.
        if (entry.target.hasAttribute(HIGHLIGHT_LATER_ATTR)) wanted.add(turnId(entry.target));
      }
      void next();
    },
    { rootMargin: "100% 0px" },
  );
  for (const section of marked) observer.observe(section);
}

/** Starts once the page has loaded: its own first screen and load event come first. */
export function startLateHighlight() {
  const go = () => {
    const main = document.querySelector<HTMLElement>("main.conversation[data-share]");
    if (main?.dataset.share) start(main, main.dataset.share);
  };
  if (document.readyState === "complete") go();
  else window.addEventListener("load", go, { once: true });
}
