// Turns as the server renders them, fetched from the fragments route (lib/live/fragments.ts) and patched
// into the page node by node, so the reader's open or closed blocks, selection and scroll position
// stay. Live follow (./live-follow.ts) patches the turns a sync changed; late highlighting
// (./late-highlight.ts) fetches turns the same way for the colours of their code.

export type Fragments = { version: number; order: string[]; turns: { id: string; html: string }[]; files: string | null; header: string | null };

/** The fragments of `turns` (every turn when null), or why not: a status code, or null for a failed fetch. */
export async function fetchFragments(share: string, turns: string[] | null): Promise<Fragments | number | null> {
  const query = turns ? `?turns=${turns.map(encodeURIComponent).join(",")}` : "";
  try {
    const res = await fetch(`/s/${encodeURIComponent(share)}/fragments${query}`, { cache: "no-store", headers: { accept: "application/json" } });
    return res.ok ? ((await res.json()) as Fragments) : res.status;
  } catch {
    return null;
  }
}

export function element(html: string): Element | null {
  const t = document.createElement("template");
  t.innerHTML = html;
  return t.content.firstElementChild;
}

export const turnSection = (id: string) => document.getElementById(`turn-${id}`)?.closest("section") ?? null;

// Whether a block is open is the reader's to decide once it is on the page: a toggle's aria-expanded,
// a closed body's hidden="until-found" (./disclosures.ts), a <details>' open.
const readerState = (el: Element, name: string) =>
  (name === "aria-expanded" && el.tagName === "BUTTON") ||
  (name === "hidden" && el.classList.contains("collapsible-body")) ||
  (name === "open" && el.tagName === "DETAILS");

// A block the reader opened and that fetched its content (./lazy-blocks.ts) keeps it.
const filled = (old: Element, next: Element) =>
  old instanceof HTMLElement && old.dataset.fragmentState === "loaded" && old.dataset.fragment === next.getAttribute("data-fragment");

/** Makes `old` the same as `next`, touching only what differs. */
export function patch(old: Element, next: Element) {
  if (old.tagName !== next.tagName) return old.replaceWith(next);
  if (filled(old, next)) return;
  for (const { name } of [...old.attributes]) if (!next.hasAttribute(name) && !readerState(old, name)) old.removeAttribute(name);
  for (const { name, value } of [...next.attributes]) if (!readerState(old, name) && old.getAttribute(name) !== value) old.setAttribute(name, value);
  const have = [...old.childNodes];
  const want = [...next.childNodes];
  want.forEach((n, i) => {
    const o = have[i];
    if (!o) old.appendChild(n);
    else if (o.isEqualNode(n)) return;
    else if (o instanceof Text && n instanceof Text) o.data = n.data;
    else if (o instanceof Element && n instanceof Element && o.tagName === n.tagName) patch(o, n);
    else old.replaceChild(n, o);
  });
  for (const o of have.slice(want.length)) o.remove();
}
