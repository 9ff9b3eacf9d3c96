import type { Conversation as ConversationData } from "@/lib/conversation";

export function Conversation({ conversation }: { conversation: ConversationData }) {
  const title = conversation.session?.title || "Untitled session";
  return (
    <main className="conversation">
      <header>
        <h1 data-testid="share-title">{title}</h1>
      </header>
      {conversation.messages.map(({ info, parts }) => (
        <article key={info.id} id={info.id} data-testid="message" data-role={info.role} className="message">
          <h2 className="message-role">{info.role === "user" ? "User" : "Assistant"}</h2>
          {parts.map((part) =>
            part.type === "text" && "text" in part ? (
              <p key={part.id} id={part.id} data-part-type="text" className="text-part">
                {String(part.text)}
              </p>
            ) : null,
          )}
        </article>
      ))}
    </main>
  );
}
