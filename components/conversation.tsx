// The whole share page body: header, the conversation in turns, and the files it changed.
import type { Conversation as ConversationData } from "@/lib/conversation";
import { groupTurns, visibleMessages } from "@/lib/visible-parts";
import { sessionStats } from "@/lib/session-stats";
import { formatDate } from "@/lib/format";
import { FilesChanged } from "./files-changed";
import { Message } from "./message";
import { ShareHeader } from "./share-header";

export function Conversation({ conversation }: { conversation: ConversationData }) {
  const title = conversation.session?.title || "Untitled session";
  const stats = sessionStats(conversation);
  const turns = groupTurns(visibleMessages(conversation.messages));
  const directory = conversation.session?.directory;
  const modelNames = new Map(conversation.models.map((m) => [`${m.providerID}/${m.id}`, m.name || m.id]));
  const diffAnchors = new Set(stats.files.map((f) => f.anchor));
  const ctx = { directory, modelNames, diffAnchors };
  return (
    <>
      <main className="conversation">
        <ShareHeader title={title} stats={stats} />
        {turns.length === 0 && <p className="empty">This session has no messages yet.</p>}
        {turns.map((turn, i) => (
          <section key={turn.id} className="turn" aria-labelledby={`turn-${turn.id}`}>
            <h2 className="turn-title" id={`turn-${turn.id}`}>
              Turn {i + 1}
              {turn.user && <span className="muted"> · {formatDate(turn.user.info.time.created)}</span>}
            </h2>
            {turn.user && <Message message={turn.user} ctx={ctx} />}
            {turn.steps.map((m) => (
              <Message key={m.info.id} message={m} ctx={ctx} />
            ))}
            {turn.user && turn.steps.length === 0 && <p className="no-answer">No answer was recorded for this prompt.</p>}
          </section>
        ))}
        <FilesChanged files={stats.files} />
      </main>
      <footer className="site-footer">
        Read-only copy of an OpenCode session, shared through Parley. Anyone with the link can view it.
      </footer>
    </>
  );
}
