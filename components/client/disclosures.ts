// Collapsed blocks (components/blocks/collapsible.tsx, the "Show more" of a long prompt): a button whose
// aria-expanded says whether its block is open, and which CSS follows. This script flips it, fetches a
// block's content the first time it opens (./lazy-blocks.ts), opens the blocks a permalink points into,
// and, once the page has loaded, marks closed bodies `hidden="until-found"` so that find-in-page opens
// the block it finds text in (the `beforematch` event), as it did for <details>.
import { fill, showAll } from "./lazy-blocks";

const TOGGLES = "button.collapsible-toggle, button.show-more";
const until = "onbeforematch" in document; // browsers without it keep the CSS rule (display: none)

const toggleOf = (block: Element) => block.querySelector<HTMLButtonElement>(":scope > .collapsible-toggle");
const bodyOf = (block: Element) => block.querySelector<HTMLElement>(":scope > .collapsible-body");

function setOpen(toggle: HTMLButtonElement, open: boolean) {
  toggle.setAttribute("aria-expanded", String(open));
  const block = toggle.parentElement;
  if (!block?.classList.contains("collapsible")) return;
  const body = bodyOf(block);
  if (body && until) {
    if (open) body.removeAttribute("hidden");
    else body.setAttribute("hidden", "until-found");
  }
  if (open && block.dataset.fragment) void fill(block);
}

/** Opens every collapsed block the element at the permalink sits in, and one that is the target. */
function openTarget() {
  const id = decodeURIComponent(location.hash.slice(1));
  let el = id ? document.getElementById(id) : null;
  let opened = false;
  const target = el;
  for (; el; el = el.parentElement) {
    const toggle = el.classList.contains("collapsible") ? toggleOf(el) : null;
    if (toggle?.getAttribute("aria-expanded") === "false") {
      setOpen(toggle, true);
      opened = true;
    }
  }
  if (opened) target?.scrollIntoView();
}

/** Closed bodies become findable; CSS keeps them out of sight until then. */
export function findable() {
  if (!until) return;
  for (const toggle of document.querySelectorAll<HTMLButtonElement>(".collapsible > .collapsible-toggle[aria-expanded=false]")) {
    const body = toggle.parentElement && bodyOf(toggle.parentElement);
    if (body && !body.hasAttribute("hidden")) body.setAttribute("hidden", "until-found");
  }
}

export function startDisclosures() {
  document.addEventListener("click", (event) => {
    if (event.button !== 0) return;
    const target = event.target instanceof Element ? event.target : null;
    const toggle = target?.closest<HTMLButtonElement>(TOGGLES);
    if (toggle) return setOpen(toggle, toggle.getAttribute("aria-expanded") !== "true");
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return; // open in a new tab, and so on
    const more = target?.closest<HTMLAnchorElement>("a.more-lines[data-fragment]");
    if (more) showAll(more, event);
  });
  // Find-in-page is about to reveal a closed body: the browser drops `hidden`, the button follows.
  document.addEventListener(
    "beforematch",
    (event) => {
      const block = event.target instanceof Element ? event.target.parentElement : null;
      const toggle = block?.classList.contains("collapsible") ? toggleOf(block) : null;
      if (toggle) setOpen(toggle, true);
    },
    true,
  );
  window.addEventListener("hashchange", openTarget);
  // The files changed come last and may still be streaming in: look once the page is complete.
  const loaded = () => {
    openTarget();
    findable();
  };
  if (document.readyState === "complete") loaded();
  else window.addEventListener("load", loaded, { once: true });
}
