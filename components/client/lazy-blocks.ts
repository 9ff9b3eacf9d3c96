// Blocks whose content is not in the page (a long files-changed summary, the rest of a long read):
// opening one fetches its HTML, rendered by the server like the rest of the page, once. The HTML goes
// inside the block, or replaces the element `data-fragment-target` names (a read's shortened body,
// which then shows the whole file). Without JavaScript the block holds a link to the same content as
// text, which is also what a failed fetch leaves in place.
async function fill(details: HTMLDetailsElement) {
  const url = details.dataset.fragment;
  const body = details.querySelector<HTMLElement>("[data-fragment-body]");
  if (!url || !body || details.dataset.fragmentState) return;
  details.dataset.fragmentState = "loading";
  try {
    const res = await fetch(url, { headers: { accept: "text/html" } });
    if (!res.ok) throw new Error(String(res.status));
    // Same-origin HTML the server escaped and rendered; inserted markup never runs scripts.
    const html = await res.text();
    const target = details.dataset.fragmentTarget ? document.getElementById(details.dataset.fragmentTarget) : null;
    if (target) {
      target.insertAdjacentHTML("afterend", html);
      const whole = target.nextElementSibling;
      target.remove();
      details.remove(); // its job is done: the block above now holds everything
      whole?.querySelector<HTMLElement>("[tabindex]")?.focus({ preventScroll: true });
      return;
    }
    body.insertAdjacentHTML("afterend", html);
    body.remove();
    details.dataset.fragmentState = "loaded";
  } catch {
    delete details.dataset.fragmentState; // the link stays; opening again retries
  }
}

/** A permalink to a collapsed block opens it (and so fills it). */
function openTarget() {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (target instanceof HTMLDetailsElement && target.dataset.fragment) target.open = true;
}

export function startLazyBlocks() {
  // `toggle` does not bubble: listen in the capture phase, once for the whole page.
  document.addEventListener(
    "toggle",
    (event) => {
      const details = event.target;
      if (details instanceof HTMLDetailsElement && details.open && details.dataset.fragment) void fill(details);
    },
    true,
  );
  window.addEventListener("hashchange", openTarget);
  // The files changed come last and may still be streaming in: look again once the page is complete.
  if (document.readyState === "complete") openTarget();
  else window.addEventListener("load", openTarget, { once: true });
}
