// Content that is not in the page (the rest of a long read or diff, a file of a long files-changed
// summary): it is fetched as HTML, rendered by the server like the rest of the page, once. The HTML
// replaces the element `data-fragment-target` names (a read's shortened body, which then shows the
// whole file), or goes in the place of the block's `data-fragment-body`. Without JavaScript the same
// content opens as text from a plain link, which is also what a failed fetch falls back to.

/** Fills `block` (an element with `data-fragment`); resolves false when the fetch failed. */
export async function fill(block: HTMLElement): Promise<boolean> {
  const url = block.dataset.fragment;
  if (!url || block.dataset.fragmentState) return true;
  block.dataset.fragmentState = "loading";
  try {
    const res = await fetch(url, { headers: { accept: "text/html" } });
    if (!res.ok) throw new Error(String(res.status));
    // Same-origin HTML the server escaped and rendered; inserted markup never runs scripts.
    const html = await res.text();
    const target = block.dataset.fragmentTarget ? document.getElementById(block.dataset.fragmentTarget) : null;
    if (target) {
      target.insertAdjacentHTML("afterend", html);
      const whole = target.nextElementSibling;
      target.remove();
      block.remove(); // its job is done: the block above now holds everything
      whole?.querySelector<HTMLElement>("[tabindex]")?.focus({ preventScroll: true });
      return true;
    }
    const body = block.querySelector<HTMLElement>("[data-fragment-body]");
    body?.insertAdjacentHTML("afterend", html);
    body?.remove();
    block.dataset.fragmentState = "loaded";
    return true;
  } catch {
    delete block.dataset.fragmentState; // the link stays; opening again retries
    return false;
  }
}

/** "Show all N lines": a link to the whole text, which the page fills in place when it can. */
export function showAll(link: HTMLAnchorElement, event: MouseEvent) {
  if (link.dataset.fragmentState === "failed") return; // the link does it
  event.preventDefault();
  void fill(link).then((ok) => {
    if (ok) return;
    link.dataset.fragmentState = "failed";
    location.assign(link.href);
  });
}
