"use client";
// The behaviour of every copy button and permalink on the page (components/blocks/copy-button.tsx,
// components/blocks/copy-link-button.tsx), from one listener on the document: the conversation is static
// HTML that React never hydrates (components/client/html-island.tsx), and chunks streamed in later are
// covered without any work per button. Marks <html data-copy-ready>, which shows the copy buttons
// (rendered `hidden`, see app/globals.css).
import { useEffect } from "react";

const FEEDBACK_MS = 1500;

/** Shows `done` on the control for a moment: its text (via `render`) and its accessible name. */
function flash(el: HTMLElement, done: { label: string; title?: string }, render: (copied: boolean) => void) {
  const label = el.dataset.label ?? "";
  el.setAttribute("aria-label", done.label);
  if (done.title) el.title = done.title;
  render(true);
  window.setTimeout(() => {
    el.setAttribute("aria-label", label);
    if (done.title) el.title = "Copy link";
    render(false);
  }, FEEDBACK_MS);
}

async function copyButton(button: HTMLButtonElement) {
  const source = button.closest("[data-copy-root]")?.querySelector<HTMLElement>("[data-copy-source]");
  if (!source) return;
  try {
    await navigator.clipboard.writeText(source.innerText.replace(/\n$/, ""));
  } catch {
    return; // clipboard access refused: nothing was copied, so claim nothing
  }
  flash(button, { label: "Copied" }, (copied) => (button.textContent = copied ? "Copied" : "Copy"));
}

async function copyLink(link: HTMLAnchorElement, event: MouseEvent) {
  if (!navigator.clipboard) return; // the plain #anchor link does the rest
  event.preventDefault();
  const anchor = (link.getAttribute("href") ?? "").slice(1);
  history.replaceState(null, "", `#${anchor}`); // null: Next's router keeps its own state in sync
  const mark = link.querySelector("span");
  try {
    await navigator.clipboard.writeText(`${location.origin}${location.pathname}#${anchor}`);
    flash(link, { label: "Link copied", title: "Link copied" }, (copied) => mark && (mark.textContent = copied ? "✓" : "#"));
  } catch {
    location.hash = anchor;
  }
}

export function CopyControls() {
  useEffect(() => {
    const root = document.documentElement;
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0) return;
      const target = event.target instanceof Element ? event.target : null;
      const button = target?.closest<HTMLButtonElement>("button.copy-button");
      if (button) return void copyButton(button);
      // A modified click on a permalink keeps its usual meaning (open in a new tab, and so on).
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = target?.closest<HTMLAnchorElement>("a.copy-link");
      if (link) void copyLink(link, event);
    };
    document.addEventListener("click", onClick);
    root.dataset.copyReady = "";
    return () => {
      document.removeEventListener("click", onClick);
      delete root.dataset.copyReady;
    };
  }, []);
  return null;
}
