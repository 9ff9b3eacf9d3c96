// What a reader's tab does with a share page, measured in a real Chromium (the one the e2e suite
// uses): when the first content is painted, when the page is interactive (the copy controls are
// ready, i.e. React has hydrated), how long the main thread was blocked on the way (long tasks over
// 50 ms, as Lighthouse's total blocking time counts them), and how long one frame takes after a jump
// to the last turn, where `content-visibility: auto` turns must be laid out for the first time.
import { chromium, type Browser } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/support/chromium";
import { HIGHLIGHT_LATER_ATTR } from "../components/client/late-highlight";

export type TabSample = {
  firstPaintMs: number;
  interactiveMs: number;
  loadMs: number;
  longestTaskMs: number;
  blockingMs: number;
  jumpToEndFrameMs: number;
  turns: number;
  /** Elements in the document at its load event. */
  domElements: number;
  /** Elements once every turn has its code colours (turns below the first screen get them late). */
  highlightedElements: number;
};

/** Chromium, or why none can start here (then the bench reports "n/a"). */
export async function openBrowser(): Promise<{ browser: Browser } | { skipped: string }> {
  try {
    return { browser: await chromium.launch(chromiumLaunchOptions) };
  } catch (err) {
    return { skipped: String(err).split("\n")[0] };
  }
}

// Runs before any of the page's own scripts: long tasks are only reported to observers that exist.
function instrument() {
  const w = window as unknown as { __tab: { longTasks: number[]; interactiveAt: number | null; loadElements: number } };
  w.__tab = { longTasks: [], interactiveAt: null, loadElements: Number.NaN };
  // Counted in the load event itself (this listener comes before the page's own): late highlighting
  // adds elements after it.
  window.addEventListener("load", () => {
    w.__tab.loadElements = document.getElementsByTagName("*").length;
  });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__tab.longTasks.push(e.duration);
  }).observe({ type: "longtask" });
  // On the document: <html> may not exist yet when this runs.
  new MutationObserver((_, observer) => {
    if (document.documentElement?.hasAttribute("data-copy-ready")) {
      w.__tab.interactiveAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-copy-ready"] });
}

/** One first visit in a fresh browser context (empty HTTP cache), like a teammate opening the link. */
export async function measureTab(browser: Browser, url: string): Promise<TabSample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(instrument);
    const res = await page.goto(url, { waitUntil: "load", timeout: 120_000 });
    if (res?.status() !== 200) throw new Error(`${url} answered ${res?.status()} in the browser`);
    await page.waitForSelector("html[data-copy-ready]", { state: "attached", timeout: 120_000 });
    // Let late work (idle callbacks, island copies) show up as long tasks before reading them.
    await page.waitForTimeout(500);
    return await page.evaluate(async (highlightLater) => {
      const w = window as unknown as { __tab: { longTasks: number[]; interactiveAt: number | null; loadElements: number } };
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const paint = performance.getEntriesByName("first-contentful-paint")[0];
      const start = performance.now();
      const turns = document.querySelectorAll("section.turn");
      turns[turns.length - 1]?.scrollIntoView();
      // Two frames: the one that lays the turn out, and the next, which starts once it was painted.
      // A timer as well, in case frames stop (a hidden tab): then the figure shows the 10 s.
      await Promise.race([new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))), new Promise((r) => setTimeout(r, 10_000))]);
      const jump = performance.now() - start;
      // The page with every turn's code coloured: each turn still without its colours counts as the
      // fragments route's HTML for it, whose colours late highlighting copies in.
      const share = document.querySelector<HTMLElement>("main[data-share]")?.dataset.share;
      const all = share ? ((await (await fetch(`/s/${share}/fragments`)).json()) as { turns: { id: string; html: string }[] }) : { turns: [] };
      let highlightedElements = document.getElementsByTagName("*").length;
      for (const turn of all.turns) {
        const section = document.getElementById(`turn-${turn.id}`)?.closest("section");
        if (!section?.hasAttribute(highlightLater)) continue;
        const t = document.createElement("template");
        t.innerHTML = turn.html;
        highlightedElements += t.content.querySelectorAll("*").length - (section.getElementsByTagName("*").length + 1);
      }
      return {
        firstPaintMs: paint?.startTime ?? NaN,
        interactiveMs: w.__tab.interactiveAt ?? NaN,
        loadMs: nav.loadEventEnd,
        longestTaskMs: Math.max(0, ...w.__tab.longTasks),
        blockingMs: w.__tab.longTasks.reduce((n, d) => n + Math.max(0, d - 50), 0),
        jumpToEndFrameMs: jump,
        turns: turns.length,
        domElements: w.__tab.loadElements,
        highlightedElements,
      };
    }, HIGHLIGHT_LATER_ATTR);
  } finally {
    await context.close();
  }
}
