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
import { Suspense } from "react";
import type { Conversation as ConversationData } from "@/lib/conversation";
import { groupTurns, visibleMessages, type Turn } from "@/lib/visible-parts";
import { sessionStats, type ChangedFile } from "@/lib/session-stats";
import { formatDate } from "@/lib/format";
import { FilesChanged } from "./files-changed";
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

type ChunkProps = { chunks: Turn[][]; index: number; firstTurn: number; ctx: TurnContext; files: ChangedFile[]; stream: boolean };

function Turns({ chunks, index, firstTurn, ctx, files, stream }: ChunkProps) {
  const turns = chunks[index];
  const next = index + 1;
  return (
    <>
      {turns.map((turn, i) => (
        <TurnSection key={turn.id} turn={turn} n={firstTurn + i + 1} deferred={index > 0} ctx={ctx} />
      ))}
      {next < chunks.length && !stream && <Turns chunks={chunks} index={next} firstTurn={firstTurn + turns.length} ctx={ctx} files={files} stream={false} />}
      {next < chunks.length && stream && (
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
          <LaterTurns chunks={chunks} index={next} firstTurn={firstTurn + turns.length} ctx={ctx} files={files} stream />
        </Suspense>
      )}
      {next >= chunks.length && (
        <FilesChanged files={files} shareId={ctx.shareId} />
      )}
    </>
  );
}

// Yields to the event loop first, so what is already rendered is flushed before this chunk renders.
async function LaterTurns(props: ChunkProps) {
  await new Promise((resolve) => setImmediate(resolve));
  return <Turns {...props} />;
}

export function Conversation({ conversation, shareId, stream = true }: { conversation: ConversationData; shareId: string; stream?: boolean }) {
  const title = conversation.session?.title || "Untitled session";
  const stats = sessionStats(conversation);
  const turns = groupTurns(visibleMessages(conversation.messages));
  const directory = conversation.session?.directory;
  const modelNames = new Map(conversation.models.map((m) => [`${m.providerID}/${m.id}`, m.name || m.id]));
  const diffAnchors = new Set(stats.files.map((f) => f.anchor));
  const ctx: TurnContext = { directory, modelNames, diffAnchors, shareId };
  const chunks = splitTurns(turns, FIRST_SCREEN_MESSAGES, CHUNK_MESSAGES);
  return (
    <>
      <main className="conversation">
        <ShareHeader title={title} stats={stats} />
        {turns.length === 0 && <p className="empty">This session has no messages yet.</p>}
        {chunks.length > 0 ? <Turns chunks={chunks} index={0} firstTurn={0} ctx={ctx} files={stats.files} stream={stream} /> : <FilesChanged files={stats.files} shareId={shareId} />}
      </main>
      <footer className="site-footer">
        Read-only copy of an OpenCode session, shared through Parley. Anyone with the link can view it.
      </footer>
    </>
  );
}
