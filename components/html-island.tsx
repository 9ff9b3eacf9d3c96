"use client";
// Server-rendered HTML that React leaves alone in the browser. The page renders the conversation
// body to a string on the server (lib/render/html.ts) and parks it under a random key
// (lib/render/islands.ts); only the key travels in the RSC payload. During server-side rendering
// this component, running in the same process, takes the string; in the browser it hydrates with an
// empty innerHTML, which React does not compare (production React only compares text children), so
// the server's DOM stays exactly as it arrived and nothing of the body is sent twice.
// `display: contents` keeps the wrapper out of the layout.
//
// If React ever mounts an island afresh in the browser instead of hydrating it (it re-renders a
// whole Suspense boundary, or the whole page, on the client after a hydration error in it, for
// example when a browser extension or page translation edited the page first), the island takes
// its HTML from the server's copy: still in the document (the old DOM, which React removes only
// after this render, or a streamed chunk that has yet to arrive), or rescued from the nodes React
// removed. Requests for the RSC payload alone (client-side navigation) have no server-side
// rendering step, so the page passes those the HTML itself (`html`).
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { parkedIslands } from "@/lib/render/island-registry";

const subscribe = () => () => {};

function takeParked(id: string): string {
  const entry = parkedIslands().get(id);
  if (!entry) throw new Error(`Server-rendered HTML ${id} is missing: it was rendered in another process, or taken too late.`);
  entry.taken = true;
  entry.onTaken();
  return entry.html;
}

/** Whether the HTML parser is done with `el`: the document is parsed, or something follows it. */
function parsed(el: Element): boolean {
  if (document.readyState !== "loading") return true;
  for (let node: Element | null = el; node; node = node.parentElement) if (node.nextSibling) return true;
  return false;
}

// Server copies of islands found in nodes React removed from the document (it replaces the server's
// DOM when it renders afresh); a streamed chunk may have been moved into that DOM just before.
const rescued = new Map<string, Element>();
let rescuing = false;

function rescueFrom(node: Node) {
  if (!(node instanceof Element)) return;
  const islands = node.matches("[data-island]") ? [node, ...node.querySelectorAll("[data-island]")] : node.querySelectorAll("[data-island]");
  for (const el of islands) if (el.firstChild) rescued.set(el.getAttribute("data-island")!, el);
}

function startRescuing() {
  if (rescuing) return;
  rescuing = true;
  const observer = new MutationObserver((records) => records.forEach((r) => r.removedNodes.forEach(rescueFrom)));
  observer.observe(document, { childList: true, subtree: true });
  window.setTimeout(() => observer.disconnect(), 60_000);
}

/** The server's copy of island `id`: in the document (other than `self`), or rescued. */
function serverCopy(id: string, self?: Element | null): Element | undefined {
  return [...document.querySelectorAll(`[data-island="${CSS.escape(id)}"]`)].find((el) => el !== self && el.firstChild) ?? rescued.get(id);
}

const POLL_MS = 50;
const LOST_AFTER_MS = 15_000;
const LOST =
  '<p class="tool-note warn">This part of the conversation could not be shown here. <a href="">Reload the page</a> to see it.</p>';

function firstContent(id: string, html: string | undefined, hydrating: boolean): string | null {
  if (html !== undefined) return html;
  if (typeof window === "undefined") return takeParked(id);
  if (hydrating) return ""; // React keeps the server's DOM
  startRescuing();
  const source = serverCopy(id);
  return source && parsed(source) ? source.innerHTML : null;
}

export function HtmlIsland({ id, html }: { id: string; html?: string }) {
  // true while hydrating server HTML (and on the server), false when mounted afresh in the browser
  const hydrating = useSyncExternalStore(subscribe, () => false, () => true);
  const [content, setContent] = useState(() => firstContent(id, html, hydrating));
  const self = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (content !== null) return;
    // Mounted afresh while the server's copy is still arriving. Poll rather than observe: the copy
    // may be in a subtree React has just detached, which the parser still fills. Once parsed, take
    // its HTML, and remove it if it is still in the document (hidden, where React streams chunks;
    // it would repeat every id in it).
    const started = Date.now();
    const timer = window.setInterval(() => {
      const source = serverCopy(id, self.current);
      if (source && parsed(source)) {
        window.clearInterval(timer);
        setContent(source.innerHTML);
        rescued.delete(id);
        if (source.isConnected) source.remove();
      } else if (Date.now() - started > LOST_AFTER_MS) {
        window.clearInterval(timer);
        setContent(LOST);
      }
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [content, id]);
  return <div ref={self} className="html-island" data-island={id || undefined} dangerouslySetInnerHTML={{ __html: content ?? "" }} suppressHydrationWarning />;
}
