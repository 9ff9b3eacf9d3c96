// A run of turns (and, after the last, the files changed) rendered to HTML on the server, for the share
// page (lib/page/render-page.ts). Everything reachable from here is rendered by React's server renderer
// outside Next and never hydrated, so it must stay plain server components: no hooks, no context, no
// client components (components/conversation/static-body.test.ts checks the last).
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { ReactElement } from "react";
import type { Turn } from "@/lib/view/visible-parts";
import type { ChangedFile } from "@/lib/view/session-stats";
import { formatDate } from "@/lib/view/format";
import { RENDER_FAILED_ATTR, renderToHtml } from "@/lib/render/html";
import { contentHash } from "@/lib/render/cache";
import { asciiHtml } from "@/lib/render/escape";
import { RENDERER_VERSION } from "@/lib/render/cached";
import { withoutTokenColours } from "@/lib/render/token-colors";
import { runtime } from "@/lib/runtime";
import { HIGHLIGHT_LATER_ATTR } from "@/components/client/late-highlight";
import { FilesChanged } from "./files-changed";
import { Message } from "./message";
import type { PartContext } from "./part";

export type TurnContext = Omit<PartContext, "message">;

/** Messages in a turn: its prompt and its answers. */
export const turnSize = (turn: Turn) => (turn.user ? 1 : 0) + turn.steps.length;

/**
 * Every turn but the first gets `content-visibility: auto` (app/globals.css): the browser then lays out
 * and paints only the turns on screen, even among the first screen's (a first screen of 30 messages
 * laid out whole cost about as much as the rest of a 200-message page; bench/run.ts, the tab rows).
 */
export const isDeferredTurn = (n: number) => n > 1;

/**
 * A deferred turn's HTML as the page carries it: its code without colours, and marked
 * HIGHLIGHT_LATER_ATTR if it had any. The page script (components/client/late-highlight.ts) fetches
 * the turn's whole HTML from the fragments route when it nears the screen and patches the colours in.
 * The parser makes an element of every token span, and most of them are in turns a reader may never
 * scroll to: on the 200-message page, the 6,400 spans below the first turn cost its load event about
 * 80 ms (docs/architecture.md). Without JavaScript those turns' code is plain text.
 */
function highlightLater(html: string): string {
  const plain = withoutTokenColours(html);
  return plain === html ? html : plain.replace(/^(<section[^>]*)>/, `$1 ${HIGHLIGHT_LATER_ATTR}="">`);
}

/**
 * The key of a turn's HTML: everything TurnSection renders from. Its number (title, class), its
 * messages and parts, and what it reads from the context: the directory (relative paths), the model
 * names (step starts) and, for a turn with a patch part, which files have a diff to link to. Pages
 * keep a turn's HTML under it (a sync re-renders only the turns it changed), and live follow sends
 * the turns whose key changed (lib/live/digests.ts).
 */
export function turnKeyer(ctx: TurnContext): (turn: Turn, n: number) => string {
  const shared = contentHash(RENDERER_VERSION, "turn", ctx.directory ?? "", JSON.stringify([...ctx.modelNames]));
  const anchors = JSON.stringify([...ctx.diffAnchors]);
  return (turn, n) => {
    const patches = turn.steps.some((m) => m.parts.some((p) => p.type === "patch"));
    return contentHash(shared, String(n), patches ? anchors : "", JSON.stringify([turn.user ?? null, turn.steps]));
  };
}

function TurnSection({ turn, n, ctx }: { turn: Turn; n: number; ctx: TurnContext }) {
  return (
    <section className={isDeferredTurn(n) ? "turn turn-deferred" : "turn"} aria-labelledby={`turn-${turn.id}`}>
      <h2 className="turn-title" id={`turn-${turn.id}`}>
        Turn {n}
        {turn.user && <span className="muted"> · {formatDate(turn.user.info.time.created)}</span>}
      </h2>
      {turn.user && <Message message={turn.user} ctx={ctx} />}
      {turn.steps.map((m) => (
        <Message key={m.info.id} message={m} ctx={ctx} />
      ))}
      {turn.user && turn.steps.length === 0 && <p className="no-answer">No answer was recorded for this prompt.</p>}
    </section>
  );
}

export type Run = { chunks: Turn[][]; from: number; to: number; firstTurn: number; ctx: TurnContext; files: ChangedFile[]; signal?: AbortSignal };

// Turns are rendered to HTML a few at a time, yielding to the event loop in between: rendering is
// CPU-bound, and a chunk rendered in one go would hold back the flush of what is already done.
const SLICE_MESSAGES = 4;

/**
 * Between turns, every PARSER_BREAK_MESSAGES messages: an empty script. Once Chromium's HTML parser
 * has yielded a few times it parses all the bytes it has in one task, and a long page comes whole
 * from the page cache, so the rest of a 2,000-message page was one task of about 500 ms in which
 * the tab could not scroll or respond. A parser-inserted script in the body makes the parser yield
 * again soon after it. Empty, it runs nothing (a script without source text is never prepared, so
 * the page's CSP is not consulted) and costs 17 bytes. Measured on the 2,000-message bench page,
 * served whole: longest task 500 -> 150 ms, blocking time 522 -> 100 ms, load event no later.
 */
const PARSER_BREAK_MESSAGES = 40;
export const PARSER_BREAK = "<script></script>";

/**
 * What a turn (or the diffs) shows when its renderer throws: the rest of the page still renders.
 * `data-render-failed` keeps such a page out of the page cache (lib/page/serve-page.ts), so a passing
 * failure is not served to every later reader.
 */
export function RenderFailed({ what, anchor }: { what: string; anchor?: string }) {
  return (
    <section className="turn" id={anchor} {...{ [RENDER_FAILED_ATTR]: "" }}>
      <p className="tool-note warn">{what} could not be shown: the viewer failed to render it. The shared data itself is unaffected.</p>
    </section>
  );
}

type Unit = {
  element: ReactElement;
  fallback: ReactElement;
  messages: number;
  cache: { shareId: string; slot: string; key: string };
  /** A deferred turn: the page carries it without its code colours (highlightLater). */
  deferred?: boolean;
};

/** A unit whose renderer threw: its HTML shows the failure, and is not kept. */
class FailedRender extends Error {
  constructor(readonly html: string) {
    super("a part of the share failed to render");
  }
}

/**
 * A unit's HTML, from the render cache when it holds this unit's key (one entry per turn, replaced when
 * its key changes, dropped with the share). A unit that failed to render is not kept: the next view
 * tries again.
 */
async function unitHtml(unit: Unit): Promise<string> {
  const { shareId, slot, key } = unit.cache;
  try {
    return await runtime().renderCache.getOrRender(shareId, slot, key, async () => {
      const html = asciiHtml(await renderUnit(unit));
      if (html.includes(RENDER_FAILED_ATTR)) throw new FailedRender(html);
      return html;
    });
  } catch (error) {
    if (error instanceof FailedRender) return error.html;
    throw error;
  }
}

/** Renders a unit (a turn, the files changed); if its renderer throws, its fallback says it could not be shown. */
export async function renderUnit(unit: Pick<Unit, "element" | "fallback">): Promise<string> {
  try {
    return await renderToHtml(unit.element);
  } catch (error) {
    console.error("[parley] a part of a share failed to render:", error);
    return renderToHtml(unit.fallback);
  }
}

/** Turns of chunks[from..to), numbered from firstTurn, then the files changed after the last chunk, as HTML. */
export async function renderRun({ chunks, from, to, firstTurn, ctx, files, signal }: Run): Promise<string> {
  const keyOf = turnKeyer(ctx);
  const units: Unit[] = [];
  let n = firstTurn;
  for (const turns of chunks.slice(from, to)) {
    for (const turn of turns) {
      n++;
      units.push(turnUnit(turn, n, ctx, keyOf(turn, n)));
    }
  }
  if (to >= chunks.length) units.push(filesUnit(files, ctx.shareId));
  let html = "";
  let messages = 0;
  let sinceBreak = 0;
  for (const unit of units) {
    // Rendering is CPU-bound: yield to the event loop every few messages, so what is done can be
    // flushed and other requests get their turn; stop when the reader went away.
    if (messages >= SLICE_MESSAGES) {
      messages = 0;
      await yieldToEventLoop();
      signal?.throwIfAborted();
    }
    if (sinceBreak >= PARSER_BREAK_MESSAGES) {
      html += PARSER_BREAK;
      sinceBreak = 0;
    }
    // The render cache keeps a turn's whole HTML: live follow's fragments and late highlighting send it.
    html += unit.deferred ? highlightLater(await unitHtml(unit)) : await unitHtml(unit);
    messages += unit.messages;
    sinceBreak += unit.messages;
  }
  return html;
}

function turnUnit(turn: Turn, n: number, ctx: TurnContext, key: string): Unit {
  return {
    element: <TurnSection key={turn.id} turn={turn} n={n} ctx={ctx} />,
    fallback: <RenderFailed what={`Turn ${n}`} anchor={`turn-${turn.id}`} />,
    messages: turnSize(turn),
    cache: { shareId: ctx.shareId, slot: `turn:${turn.id}`, key },
    deferred: isDeferredTurn(n),
  };
}

function filesUnit(files: ChangedFile[], shareId: string): Unit {
  return {
    element: <FilesChanged key="files" files={files} shareId={shareId} />,
    fallback: <RenderFailed what="The changed files" />,
    messages: 0,
    cache: { shareId, slot: "files", key: contentHash(RENDERER_VERSION, "files", JSON.stringify(files)) },
  };
}

/**
 * Chosen turns of a planned conversation, each as its own HTML section, numbered and classed exactly as
 * on the page (the same TurnSection, the same render cache): live follow's fragments (lib/live/fragments.ts).
 */
export async function renderTurns(chunks: Turn[][], ids: Set<string> | null, ctx: TurnContext): Promise<{ id: string; html: string }[]> {
  const keyOf = turnKeyer(ctx);
  const out: { id: string; html: string }[] = [];
  let n = 0;
  for (const turn of chunks.flat()) {
    n++;
    if (ids && !ids.has(turn.id)) continue;
    out.push({ id: turn.id, html: await unitHtml(turnUnit(turn, n, ctx, keyOf(turn, n))) });
    await yieldToEventLoop();
  }
  return out;
}

/** The files-changed section as HTML ("" when the conversation changed no file). */
export function renderFilesChanged(files: ChangedFile[], shareId: string): Promise<string> {
  return unitHtml(filesUnit(files, shareId));
}
