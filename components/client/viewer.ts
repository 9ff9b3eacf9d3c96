// The share page's only script (inlined by lib/page/assets.ts, allowed by its hash): copy buttons and
// permalinks, from one listener on the document, so turns that stream in later need no work; and
// collapsed blocks, some of which fetch their content when opened (./disclosures.ts); and the colours
// of code below the first screen, fetched when a reader nears it (./late-highlight.ts). The
// page is complete without it: a message's permalink is a plain #anchor link (a part keeps its id, and
// its visible link comes from this script), copy buttons stay hidden
// (rendered `hidden`; `data-copy-ready` on <html> shows them, see app/globals.css).
import "./live-follow";
import { startDisclosures } from "./disclosures";
import { startLateHighlight } from "./late-highlight";

const FEEDBACK_MS = 1500;
const labels = new WeakMap<HTMLElement, string>();

/** Shows `done` on the control for a moment: its text (via `render`) and its accessible name. */
function flash(el: HTMLElement, done: { label: string; title?: string }, render: (copied: boolean) => void) {
  // The control's own name, kept while it shows `done` (a second click meanwhile must not keep "Copied").
  if (!labels.has(el)) labels.set(el, el.getAttribute("aria-label") ?? "");
  const label = labels.get(el)!;
  el.setAttribute("aria-label", done.label);
  if (done.title) el.title = done.title;
  render(true);
  window.setTimeout(() => {
    el.setAttribute("aria-label", label);
    if (done.title) el.title = "Copy link";
    render(false);
  }, FEEDBACK_MS);
}

// A block shown shortened copies its whole text from the server (`data-copy-url`, text/plain). The
// clipboard write starts within the click, with the text still on its way: Safari allows a write
// only from the click itself.
function copyFrom(url: string): Promise<void> {
  const text = fetch(url).then((res) => (res.ok ? res.blob() : Promise.reject(new Error(String(res.status)))));
  if (typeof ClipboardItem === "function" && navigator.clipboard.write) {
    return navigator.clipboard.write([new ClipboardItem({ "text/plain": text.then((b) => new Blob([b], { type: "text/plain" })) })]);
  }
  return text.then((b) => b.text()).then((t) => navigator.clipboard.writeText(t));
}

async function copyButton(button: HTMLButtonElement) {
  const url = button.dataset.copyUrl;
  const source = button.closest("[data-copy-root]")?.querySelector<HTMLElement>("[data-copy-source]");
  if (!url && !source) return;
  try {
    // innerText, not textContent: what the reader sees (line breaks of <br> and blocks, no hidden text).
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what a reader copies
    await (url ? copyFrom(url) : navigator.clipboard.writeText(source!.innerText.replace(/\n$/, "")));
  } catch {
    return; // clipboard access refused: nothing was copied, so claim nothing
  }
  flash(button, { label: "Copied" }, (copied) => {
    button.textContent = copied ? "Copied" : "Copy";
  });
}

async function copyLink(link: HTMLAnchorElement, event: MouseEvent) {
  if (!navigator.clipboard) return; // the plain #anchor link does the rest
  event.preventDefault();
  const anchor = (link.getAttribute("href") ?? "").slice(1);
  history.replaceState(null, "", `#${anchor}`);
  try {
    await navigator.clipboard.writeText(`${location.origin}${location.pathname}#${anchor}`);
    flash(link, { label: "Link copied", title: "Link copied" }, (copied) => {
      link.toggleAttribute("data-copied", copied);
    });
  } catch {
    location.hash = anchor;
  }
}

// A part's permalink is made when a pointer or the focus first reaches the part: the server renders
// only `data-permalink` (the link's name) on it, as a link on each of a long page's parts cost its
// load event about 14 ms (227 anchors on the 200-message page, docs/architecture.md). It goes last in the part (CSS places it):
// live follow patches a part child by child, by position, so a link first would shift every child
// against the new HTML; last, a patch just drops it, and the next hover makes it again.
function partPermalink(event: Event) {
  const part = event.target instanceof Element ? event.target.closest<HTMLElement>(".part[data-permalink]") : null;
  if (!part || part.querySelector(":scope > a.copy-link")) return;
  const link = document.createElement("a");
  link.href = `#${part.id}`;
  link.className = "copy-link";
  link.title = "Copy link";
  link.setAttribute("aria-label", part.dataset.permalink!);
  part.append(link);
}
document.addEventListener("pointerover", partPermalink);
document.addEventListener("focusin", partPermalink);

document.addEventListener("click", (event) => {
  if (event.button !== 0) return;
  const target = event.target instanceof Element ? event.target : null;
  const button = target?.closest<HTMLButtonElement>("button.copy-button");
  if (button) return void copyButton(button);
  // A modified click on a permalink keeps its usual meaning (open in a new tab, and so on).
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = target?.closest<HTMLAnchorElement>("a.copy-link");
  if (link) void copyLink(link, event);
});
document.documentElement.dataset.copyReady = "";
startDisclosures();
startLateHighlight();
