// Live follow (issue 14): the page listens to its share's event stream (/api/share/<id>/events) and
// swaps in the server-rendered HTML of the turns a sync changed (/s/<id>/fragments), patching the DOM
// node by node so the reader's open or closed blocks, selection and scroll position stay. Nothing is
// rendered here. Without JavaScript, or without EventSource, the page is the static page it always was.
import { findable } from "./disclosures";
import { element, type Fragments, fetchFragments, turnSection } from "./fragments";

const BOTTOM_SLACK = 80; // px: "at the bottom" allows for a little rounding and a last line
const CHECK_AFTER_MS = 10_000; // a stream the server refused (caps): how long until the next try

// Whether a block is open is the reader's to decide once it is on the page: a toggle's aria-expanded,
// a closed body's hidden="until-found" (./disclosures.ts), a <details>' open.
const readerState = (el: Element, name: string) =>
  (name === "aria-expanded" && el.tagName === "BUTTON") ||
  (name === "hidden" && el.classList.contains("collapsible-body")) ||
  (name === "open" && el.tagName === "DETAILS");

// A block the reader opened and that fetched its content (./lazy-blocks.ts) keeps it.
const filled = (old: Element, next: Element) =>
  old instanceof HTMLElement && old.dataset.fragmentState === "loaded" && old.dataset.fragment === next.getAttribute("data-fragment");

function patch(old: Element, next: Element) {
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

const atBottom = () => window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - BOTTOM_SLACK;

function firstVisibleTurn(main: HTMLElement): Element | null {
  for (const s of main.querySelectorAll("section.turn")) if (s.getBoundingClientRect().bottom > 0) return s;
  return null;
}

function place(main: HTMLElement, section: Element, id: string, order: string[]) {
  const at = order.indexOf(id);
  for (let i = at - 1; i >= 0; i--) {
    const before = turnSection(order[i]);
    if (before) return before.after(section);
  }
  for (let i = at + 1; i < order.length; i++) {
    const after = turnSection(order[i]);
    if (after) return after.before(section);
  }
  const files = main.querySelector("section.files-changed");
  if (files) files.before(section);
  else main.append(section);
}

function follow(main: HTMLElement, id: string): void {
  let version = Number(main.dataset.version);
  let idleMs = 20_000;
  let idle: number | undefined;
  let queue = Promise.resolve();
  let jumpTo: Element | null = null;

  const live = document.createElement("div");
  live.className = "live-indicator";
  live.hidden = true;
  live.textContent = "Live";
  const pill = document.createElement("button");
  pill.type = "button";
  pill.className = "activity-pill";
  pill.hidden = true;
  pill.textContent = "New activity ↓";
  const status = document.createElement("div");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  status.append(live);
  document.body.append(status, pill);
  pill.addEventListener("click", () => {
    pill.hidden = true;
    (jumpTo ?? main.lastElementChild)?.scrollIntoView({ block: "start" });
  });
  window.addEventListener("scroll", () => {
    if (!pill.hidden && atBottom()) pill.hidden = true;
  });

  const apply = (data: Fragments) => {
    const bottom = atBottom();
    const anchor = firstVisibleTurn(main);
    const anchorTop = anchor?.getBoundingClientRect().top ?? 0;
    let below: Element | null = null;
    for (const turn of data.turns) {
      const next = element(turn.html);
      if (!next) continue;
      const old = turnSection(turn.id);
      if (old) patch(old, next);
      else place(main, next, turn.id, data.order);
      const shown = turnSection(turn.id);
      if (shown && !below && shown.getBoundingClientRect().bottom > window.innerHeight) below = shown;
    }
    if (data.files !== null) {
      const old = main.querySelector("section.files-changed");
      const next = data.files ? element(data.files) : null;
      if (old && next) patch(old, next);
      else if (next) main.append(next);
      else old?.remove();
    }
    const header = main.querySelector(":scope > header.share-header");
    const nextHeader = data.header ? element(data.header) : null;
    if (header && nextHeader) patch(header, nextHeader);
    if (data.order.length) main.querySelector(":scope > p.empty")?.remove();
    findable(); // new closed blocks, like the page's own
    if (bottom) return window.scrollTo(0, document.documentElement.scrollHeight);
    // Keep the turn the reader is looking at where it was (the browser's own anchoring may have).
    if (anchor?.isConnected) window.scrollBy(0, anchor.getBoundingClientRect().top - anchorTop);
    if (below) {
      jumpTo = below;
      pill.hidden = false;
    }
  };

  const update = (turns: string[] | null) => {
    queue = queue
      .then(async () => {
        const data = await fetchFragments(id, turns);
        if (data === 410) return location.reload();
        // A fetch that failed (offline for a moment): the next event, or a reconnect's hello, catches up.
        if (data === null || typeof data === "number" || data.version < version) return;
        apply(data);
        version = data.version;
        main.dataset.version = String(version);
      })
      .catch(() => undefined); // a patch that threw must not stop the ones after it
  };

  // The live indicator: on with every sync, off once they stop for idleMs.
  const synced = () => {
    live.hidden = false;
    window.clearTimeout(idle);
    idle = window.setTimeout(() => {
      live.hidden = true;
    }, idleMs);
  };

  const connect = () => {
    const source = new EventSource(`/api/share/${encodeURIComponent(id)}/events`);
    source.addEventListener("hello", (e) => {
      const hello = JSON.parse((e as MessageEvent).data);
      idleMs = hello.idleMs;
      if (hello.version <= version) return;
      // Fell behind (a sync before the stream was up, or while it was down): catch up on every turn.
      synced();
      update(null);
    });
    source.addEventListener("version", (e) => {
      const change = JSON.parse((e as MessageEvent).data);
      synced();
      if (change.version > version) update(change.turns);
    });
    source.addEventListener("gone", () => {
      source.close();
      location.reload(); // the server answers the tombstone now
    });
    source.addEventListener("error", () => {
      if (source.readyState !== EventSource.CLOSED) return; // the browser reconnects by itself
      // Refused (gone, over a cap, signed out): the page's own status says which.
      fetch(location.href, { method: "HEAD", cache: "no-store" })
        .then((res) => (res.status === 410 ? location.reload() : window.setTimeout(connect, CHECK_AFTER_MS)))
        .catch(() => window.setTimeout(connect, CHECK_AFTER_MS));
    });
  };
  connect();
}

function start(): void {
  const main = document.querySelector<HTMLElement>("main.conversation[data-share]");
  if (main?.dataset.share && "EventSource" in window) follow(main, main.dataset.share);
}

// The script is inline in <head>: the page body comes after it.
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
