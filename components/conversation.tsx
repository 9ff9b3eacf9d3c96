// The whole share page body: header, the conversation in turns, and the files it changed.
//
// Long sessions stream: the turns up to FIRST_SCREEN_MESSAGES are in the first response; the rest
// follow in chunks of about CHUNK_MESSAGES, each behind its own <Suspense> boundary nested in the one
// before, so the browser paints the first screen while the server is still rendering and the chunks
// arrive in order. React places streamed pieces with a small inline script; without JavaScript they
// would stay hidden (and out of order), so the placeholder links such readers to `?all`, which renders
// the whole conversation in one piece (`stream={false}`), exactly like a short session.
// Every turn after the first screen also gets `content-visibility: auto` (class "turn-deferred",
// see globals.css), so the browser lays out only what is on screen. Short sessions (everything
// fits in the first screen) render exactly as before, in one piece.
//
// Each run of turns is rendered to HTML on the server and placed through <HtmlIsland>, so the page
// carries it once; the copy controls inside are plain markup that <CopyControls> brings to life.
import { Suspense, type ReactElement } from "react";
import type { Conversation as ConversationData } from "@/lib/conversation";
import { groupTurns, visibleMessages, type Turn } from "@/lib/visible-parts";
import { sessionStats, type ChangedFile } from "@/lib/session-stats";
import { formatDate } from "@/lib/format";
import { renderToHtml } from "@/lib/render/html";
import { parkHtml } from "@/lib/render/islands";
import { CopyControls } from "./copy-controls";
import { FilesChanged } from "./files-changed";
import { HtmlIsland } from "./html-island";
import { Message } from "./message";
import type { PartContext } from "./part";
import { ShareHeader } from "./share-header";

export const FIRST_SCREEN_MESSAGES = 30;
export const CHUNK_MESSAGES = 100;

type TurnContext = Omit<PartContext, "message">;

const size = (turn: Turn) => (turn.user ? 1 : 0) + turn.steps.length;

/** Splits turns into runs of at least `limit` messages (the last may be shorter). */
export function splitTurns(turns: Turn[], first: number, chunk: number): Turn[][] {
  const out: Turn[][] = [];
  let current: Turn[] = [];
  let count = 0;
  for (const turn of turns) {
    current.push(turn);
    count += size(turn);
    if (count >= (out.length === 0 ? first : chunk)) {
      out.push(current);
      current = [];
      count = 0;
    }
  }
  if (current.length) out.push(current);
  return out;
}

function TurnSection({ turn, n, deferred, ctx }: { turn: Turn; n: number; deferred: boolean; ctx: TurnContext }) {
  return (
    <section className={deferred ? "turn turn-deferred" : "turn"} aria-labelledby={`turn-${turn.id}`}>
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

type Run = { chunks: Turn[][]; from: number; to: number; firstTurn: number; ctx: TurnContext; files: ChangedFile[]; signal?: AbortSignal | null };

// Turns are rendered to HTML a few at a time, yielding to the event loop in between: rendering is
// CPU-bound, and a chunk rendered in one go would hold back the flush of what is already done.
const SLICE_MESSAGES = 4;

/** What a turn (or the diffs) shows when its renderer throws: the rest of the page still renders. */
export function RenderFailed({ what, anchor }: { what: string; anchor?: string }) {
  return (
    <section className="turn" id={anchor}>
      <p className="tool-note warn">{what} could not be shown: the viewer failed to render it. The shared data itself is unaffected.</p>
    </section>
  );
}

type Unit = { element: ReactElement; fallback: ReactElement; messages: number };

/** Renders a slice; if a renderer throws, renders its units one by one and shows the failing ones as failed. */
export async function renderSlice(slice: Unit[]): Promise<string> {
  try {
    return await renderToHtml(<>{slice.map((u) => u.element)}</>);
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
async function renderRun({ chunks, from, to, firstTurn, ctx, files, signal }: Run): Promise<string> {
  const units: Unit[] = [];
  let n = firstTurn;
  chunks.slice(from, to).forEach((turns, i) => {
    for (const turn of turns) {
      n++;
      units.push({
        element: <TurnSection key={turn.id} turn={turn} n={n} deferred={from + i > 0} ctx={ctx} />,
        fallback: <RenderFailed what={`Turn ${n}`} anchor={`turn-${turn.id}`} />,
        messages: size(turn),
      });
    }
  });
  if (to >= chunks.length) units.push({ element: <FilesChanged key="files" files={files} shareId={ctx.shareId} />, fallback: <RenderFailed what="The changed files" />, messages: 0 });
  let html = "";
  for (let start = 0; start < units.length; ) {
    let end = start;
    for (let messages = 0; end < units.length && (end === start || messages + units[end].messages <= SLICE_MESSAGES); end++) messages += units[end].messages;
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    // The reader went away: stop, rather than render the rest of a long share for nobody.
    signal?.throwIfAborted();
    html += await renderSlice(units.slice(start, end));
    start = end;
  }
  return html;
}

/**
 * A run of turns as static HTML (see components/html-island.tsx): in the page once, not twice.
 * `taken` settles when server-side rendering has taken it (see lib/render/islands.ts).
 */
async function staticRun({ inline, ...run }: Run & { inline: boolean }): Promise<{ island: ReactElement; taken: Promise<void> }> {
  const html = await renderRun(run);
  run.signal?.throwIfAborted();
  if (inline) return { island: <HtmlIsland id="" html={html} />, taken: Promise.resolve() };
  const { id, taken } = parkHtml(html);
  return { island: <HtmlIsland id={id} />, taken };
}

async function WholeRun(props: Run & { inline: boolean }) {
  return (await staticRun(props)).island;
}

type ChunkProps = { chunks: Turn[][]; index: number; firstTurn: number; ctx: TurnContext; files: ChangedFile[]; inline: boolean; signal?: AbortSignal; after?: Promise<void> };

/**
 * Chunk `index`, then the next one behind a <Suspense> boundary, and so on. A chunk starts
 * rendering only once server-side rendering has taken the one before (or after a short wait at the
 * latest): rendering is CPU-bound, and the first screen must not wait for the CPU the rest takes.
 * Rendering stops when the reader goes away (`signal`, see lib/request-signal.ts).
 */
async function StreamedTurns({ chunks, index, firstTurn, ctx, files, inline, signal, after }: ChunkProps) {
  if (after) {
    await after;
    await new Promise((resolve) => setImmediate(resolve));
  }
  const next = index + 1;
  let rendered: Awaited<ReturnType<typeof staticRun>>;
  try {
    rendered = await staticRun({ chunks, from: index, to: next, firstTurn, ctx, files, inline, signal });
  } catch (error) {
    if (!signal?.aborted) throw error;
    console.log(`[parley] stopped rendering share ${ctx.shareId} at turn ${firstTurn + 1}: the reader went away`);
    return null;
  }
  const { island, taken } = rendered;
  return (
    <>
      {island}
      {next < chunks.length && (
        <Suspense
          fallback={
            <p className="streaming-note">
              Loading the rest of the conversation…
              <noscript>
                {" "}
                Without JavaScript, <a href="?all">open the whole conversation in one page</a>.
              </noscript>
            </p>
          }
        >
          <StreamedTurns chunks={chunks} index={next} firstTurn={firstTurn + chunks[index].length} ctx={ctx} files={files} inline={inline} signal={signal} after={taken} />
        </Suspense>
      )}
    </>
  );
}

/**
 * The share page body. `inline` puts the rendered HTML into the RSC payload itself, for requests
 * that have no server-side rendering step (client-side navigation); see components/html-island.tsx.
 */
export function Conversation({
  conversation,
  shareId,
  stream = true,
  inline = false,
  signal,
}: {
  conversation: ConversationData;
  shareId: string;
  stream?: boolean;
  inline?: boolean;
  /** Aborted when the reader goes away: the rest of a long session is then not rendered. */
  signal?: AbortSignal;
}) {
  const title = conversation.session?.title || "Untitled session";
  const stats = sessionStats(conversation);
  const turns = groupTurns(visibleMessages(conversation.messages));
  const directory = conversation.session?.directory;
  const modelNames = new Map(conversation.models.map((m) => [`${m.providerID}/${m.id}`, m.name || m.id]));
  const diffAnchors = new Set(stats.files.map((f) => f.anchor));
  const ctx: TurnContext = { directory, modelNames, diffAnchors, shareId };
  const chunks = splitTurns(turns, FIRST_SCREEN_MESSAGES, CHUNK_MESSAGES);
  const run = { chunks, firstTurn: 0, ctx, files: stats.files, inline, signal };
  return (
    <>
      <main className="conversation">
        <ShareHeader title={title} stats={stats} />
        {turns.length === 0 && <p className="empty">This session has no messages yet.</p>}
        {stream && chunks.length > 1 ? <StreamedTurns {...run} index={0} /> : <WholeRun {...run} from={0} to={chunks.length} />}
      </main>
      <footer className="site-footer">
        Read-only copy of an OpenCode session, shared through Parley. Anyone with the link can view it.
      </footer>
      <CopyControls />
    </>
  );
}
