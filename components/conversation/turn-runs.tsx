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

type Unit = { element: ReactElement; fallback: ReactElement; messages: number };

/** Renders a slice; if a renderer throws, renders its units one by one and shows the failing ones as failed. */
export async function renderSlice(slice: Unit[]): Promise<string> {
  try {
    return await renderToHtml(slice.map((u) => u.element));
  } catch {
    let html = "";
    for (const unit of slice) {
      try {
        html += await renderToHtml(unit.element);
      } catch (error) {
        console.error("[parley] a part of a share failed to render:", error);
        html += await renderToHtml(unit.fallback);
      }
    }
    return html;
  }
}

/** Turns of chunks[from..to), numbered from firstTurn, then the files changed after the last chunk, as HTML. */
export async function renderRun({ chunks, from, to, firstTurn, ctx, files, signal }: Run): Promise<string> {
  const units: Unit[] = [];
  let n = firstTurn;
  for (const turns of chunks.slice(from, to)) {
    for (const turn of turns) {
      n++;
      units.push({
        element: <TurnSection key={turn.id} turn={turn} n={n} ctx={ctx} />,
        fallback: <RenderFailed what={`Turn ${n}`} anchor={`turn-${turn.id}`} />,
        messages: turnSize(turn),
      });
    }
  }
  if (to >= chunks.length)
    units.push({ element: <FilesChanged key="files" files={files} shareId={ctx.shareId} />, fallback: <RenderFailed what="The changed files" />, messages: 0 });
  let html = "";
  for (let start = 0; start < units.length; ) {
    let end = start;
    for (let messages = 0; end < units.length && (end === start || messages + units[end].messages <= SLICE_MESSAGES); end++) messages += units[end].messages;
    if (start > 0) await yieldToEventLoop();
    // The reader went away: stop, rather than render the rest of a long share for nobody.
    signal?.throwIfAborted();
    html += await renderSlice(units.slice(start, end));
    start = end;
  }
  return html;
}

/**
 * Chosen turns of a planned conversation, each as its own HTML section, numbered and classed exactly as
 * on the page (the same TurnSection, the same render cache): live follow's fragments (lib/live/fragments.ts).
 */
export async function renderTurns(chunks: Turn[][], ids: Set<string> | null, ctx: TurnContext): Promise<{ id: string; html: string }[]> {
  const out: { id: string; html: string }[] = [];
  let n = 0;
  for (const turns of chunks) {
    for (const turn of turns) {
      n++;
      if (ids && !ids.has(turn.id)) continue;
      const unit = {
        element: <TurnSection turn={turn} n={n} ctx={ctx} />,
        fallback: <RenderFailed what={`Turn ${n}`} anchor={`turn-${turn.id}`} />,
        messages: turnSize(turn),
      };
      out.push({ id: turn.id, html: await renderSlice([unit]) });
      await yieldToEventLoop();
    }
  }
  return out;
}

/** The files-changed section as HTML ("" when the conversation changed no file). */
export function renderFilesChanged(files: ChangedFile[], shareId: string): Promise<string> {
  return renderSlice([{ element: <FilesChanged files={files} shareId={shareId} />, fallback: <RenderFailed what="The changed files" />, messages: 0 }]);
}
