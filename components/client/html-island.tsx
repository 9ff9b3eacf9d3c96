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

// The last child of every island's server HTML, so that a copy can be told complete while the
// parser may still be writing into it.
const END = "<template data-island-end></template>";

function takeParked(id: string): string {
  const entry = parkedIslands().get(id);
  if (!entry) throw new Error(`Server-rendered HTML ${id} is missing: it was rendered in another process, or taken too late.`);
  entry.taken = true;
  entry.onTaken();
  return entry.html + END;
}

/** Whether the HTML parser is done with `el` (its end marker is there, or the whole page is). */
function parsed(el: Element): boolean {
  return el.lastElementChild?.matches("template[data-island-end]") === true || document.readyState === "complete";
}

// Server copies of islands found in nodes React removed from the document (it replaces the server's
// DOM when it renders afresh); a streamed chunk may have been moved into that DOM just before.
// Kept only while the observer runs (a minute from the first fresh mount), and each copy only until
// its island takes it: they hold detached DOM.
const rescued = new Map<string, Element>();
let rescuing = false;
const RESCUE_MS = 60_000;

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
  window.setTimeout(() => {
    observer.disconnect();
    rescued.clear();
    rescuing = false;
  }, RESCUE_MS);
}

/** Drops a server copy once its island has its HTML: from `rescued`, and from the document, where
 * a streamed chunk would otherwise repeat every id in it. After rendering only: it mutates. */
function forget(id: string, copy: Element) {
  rescued.delete(id);
  if (copy.isConnected && copy.closest("[hidden]")) copy.remove(); // the old DOM goes with React's commit
}

/** The server's copy of island `id`: in the document (other than `self`), or rescued. */
function serverCopy(id: string, self?: Element | null): Element | undefined {
  return [...document.querySelectorAll(`[data-island="${CSS.escape(id)}"]`)].find((el) => el !== self && el.firstChild) ?? rescued.get(id);
}

const POLL_MS = 50;
const LOST_AFTER_MS = 15_000;
const LOST =
  '<p class="tool-note warn">This part of the conversation could not be shown here. <a href="">Reload the page</a> to see it.</p>';

type First = { content: string | null; copy?: Element };

// Runs while rendering, which React may repeat or discard: it must not change anything.
function firstContent(id: string, html: string | undefined, hydrating: boolean): First {
  if (html !== undefined) return { content: html + END };
  if (typeof window === "undefined") return { content: takeParked(id) };
  if (hydrating) return { content: "" }; // React keeps the server's DOM
  startRescuing();
  const copy = serverCopy(id);
  // Read now: when it is the old DOM, React removes it after this render.
  return copy && parsed(copy) ? { content: copy.innerHTML, copy } : { content: null };
}

export function HtmlIsland({ id, html }: { id: string; html?: string }) {
  // true while hydrating server HTML (and on the server), false when mounted afresh in the browser
  const hydrating = useSyncExternalStore(subscribe, () => false, () => true);
  const [first] = useState(() => firstContent(id, html, hydrating));
  const [content, setContent] = useState(first.content);
  const self = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (first.copy) forget(id, first.copy);
  }, [first, id]);
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
        forget(id, source);
      } else if (Date.now() - started > LOST_AFTER_MS) {
        window.clearInterval(timer);
        setContent(LOST);
      }
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [content, id]);
  return <div ref={self} className="html-island" data-island={id || undefined} dangerouslySetInnerHTML={{ __html: content ?? "" }} suppressHydrationWarning />;
}
