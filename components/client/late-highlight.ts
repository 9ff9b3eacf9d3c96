// Colours for the code of turns below the first screen. The page carries those turns' code as plain
// text, marked `data-highlight-later` (components/conversation/turn-runs.tsx says why); when such a turn
// comes within a screen of the viewport, its whole HTML is fetched from the fragments route and patched
// in (./turn-patch.ts), which changes colours only: the text, its layout and the reader's open blocks
// stay. Turns that near the screen together are fetched in one request, one request at a time.
import { fetchFragments, element, patch, turnSection } from "./turn-patch";

/** The mark of a turn carried without its colours (the server's highlightLater() writes it). */
export const HIGHLIGHT_LATER_ATTR = "data-highlight-later";
const ATTR = HIGHLIGHT_LATER_ATTR;
const RETRY_MS = 10_000; // after a failed fetch (offline for a moment, a restart)

function start(main: HTMLElement, share: string) {
  const marked = main.querySelectorAll<HTMLElement>(`section[${ATTR}]`);
  if (!marked.length || !("IntersectionObserver" in window)) return;
  const wanted = new Set<string>();
  let busy = false;

  const turnId = (section: Element) => section.querySelector(".turn-title")?.id.replace(/^turn-/, "") ?? "";

  const next = async () => {
    if (busy || !wanted.size) return;
    busy = true;
    const ids = [...wanted];
    wanted.clear();
    const data = await fetchFragments(share, ids);
    busy = false;
    if (data === null || typeof data === "number") {
      // The turns stay readable, uncoloured; they are asked for again when next near the screen.
      window.setTimeout(() => {
        for (const id of ids) {
          const section = turnSection(id);
          if (section?.hasAttribute(ATTR)) observer.observe(section);
        }
      }, RETRY_MS);
      return;
    }
    // A turn live follow has moved on from this answer (the page is newer) is asked for again.
    if (data.version < Number(main.dataset.version)) {
      for (const id of ids) if (turnSection(id)?.hasAttribute(ATTR)) wanted.add(id);
    } else {
      for (const turn of data.turns) {
        const old = turnSection(turn.id);
        const html = old?.hasAttribute(ATTR) ? element(turn.html) : null;
        if (old && html) patch(old, html);
      }
    }
    void next();
  };

  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        // Live follow may have patched the turn whole meanwhile.
        if (entry.target.hasAttribute(ATTR)) wanted.add(turnId(entry.target));
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
