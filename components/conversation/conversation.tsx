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
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { Suspense, type ReactElement } from "react";
import type { Conversation as ConversationData } from "@/lib/view/conversation";
import { groupTurns, visibleMessages, type Turn } from "@/lib/view/visible-parts";
import { sessionStats, type ChangedFile } from "@/lib/view/session-stats";
import { parkHtml } from "@/lib/render/islands";
import { CopyControls } from "../client/copy-controls";
import { HtmlIsland } from "../client/html-island";
import { ShareHeader } from "./share-header";
import { renderRun, turnSize, type Run, type TurnContext } from "./turn-runs";

export const FIRST_SCREEN_MESSAGES = 30;
export const CHUNK_MESSAGES = 100;

/** Splits turns into runs of at least `limit` messages (the last may be shorter). */
export function splitTurns(turns: Turn[], first: number, chunk: number): Turn[][] {
  const out: Turn[][] = [];
  let current: Turn[] = [];
  let count = 0;
  for (const turn of turns) {
    current.push(turn);
    count += turnSize(turn);
    if (count >= (out.length === 0 ? first : chunk)) {
      out.push(current);
      current = [];
      count = 0;
    }
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * A run of turns as static HTML (see components/client/html-island.tsx): in the page once, not twice.
 * `taken` settles when server-side rendering has taken it (see lib/render/islands.ts). Null when
 * the reader went away before it was done.
 */
async function staticRun({ inline, ...run }: Run & { inline: boolean }): Promise<{ island: ReactElement; taken: Promise<void> } | null> {
  let html: string;
  try {
    html = await renderRun(run);
    run.signal?.throwIfAborted();
  } catch (error) {
    if (!run.signal?.aborted) throw error;
    console.log(`[parley] stopped rendering share ${run.ctx.shareId} within turns ${run.firstTurn + 1}+: the reader went away`);
    return null;
  }
  if (inline) return { island: <HtmlIsland id="" html={html} />, taken: Promise.resolve() };
  const { id, taken } = parkHtml(html);
  return { island: <HtmlIsland key={id} id={id} />, taken };
}

async function WholeRun(props: Run & { inline: boolean }) {
  return (await staticRun(props))?.island ?? null;
}

type ChunkProps = { chunks: Turn[][]; index: number; firstTurn: number; ctx: TurnContext; files: ChangedFile[]; inline: boolean; signal?: AbortSignal; after?: Promise<void> };

/**
 * Chunk `index`, then the next one behind a <Suspense> boundary, and so on. A chunk starts
 * rendering only once server-side rendering has taken the one before (or after a short wait at the
 * latest): rendering is CPU-bound, and the first screen must not wait for the CPU the rest takes.
 * Rendering stops when the reader goes away (`signal`, see lib/http/request-signal.ts).
 */
async function StreamedTurns({ chunks, index, firstTurn, ctx, files, inline, signal, after }: ChunkProps) {
  if (after) {
    await after;
    await yieldToEventLoop();
  }
  const next = index + 1;
  const rendered = await staticRun({ chunks, from: index, to: next, firstTurn, ctx, files, inline, signal });
  if (!rendered) return null;
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
 * that have no server-side rendering step (client-side navigation); see components/client/html-island.tsx.
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
