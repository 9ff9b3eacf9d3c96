// The 1200x630 preview card, laid out for satori (next/og): inline styles, flexbox only. All text in
// the model has already been reduced to what the bundled fonts draw (lib/og/card-text.ts).
import { rtlWords } from "@/lib/og/card-text";

export type CardModel =
  | {
      kind: "share";
      siteName: string;
      /** null when the title cannot be drawn faithfully; the card then shows a neutral headline. */
      title: string | null;
      rtl: boolean;
      models: string;
      messages: string;
      files: { label: string; additions: string; deletions: string } | null;
      date: string | null;
    }
  | { kind: "generic" | "removed" | "sign-in"; siteName: string };

const C = { bg: "#0d1117", text: "#f5f7fa", muted: "#9aa4b2", soft: "#c9d1d9", accent: "#a78bfa", add: "#3fb950", del: "#f85149" };

function titleSize(length: number): number {
  return length <= 32 ? 76 : length <= 64 ? 64 : length <= 110 ? 54 : 48;
}

function Title({ text, rtl }: { text: string; rtl: boolean }) {
  const size = titleSize(text.length);
  const box = { fontSize: size, fontWeight: 700, color: C.text, overflow: "hidden" } as const;
  if (!rtl) return <div style={{ ...box, display: "block", lineClamp: 3, wordBreak: "break-word", lineHeight: 1.18, maxHeight: size * 1.18 * 3 }}>{text}</div>;
  // Arabic descenders reach below the line box; the extra line height and padding keep them unclipped.
  return (
    <div
      style={{
        ...box,
        display: "flex",
        flexDirection: "row-reverse",
        flexWrap: "wrap",
        columnGap: size * 0.28,
        lineHeight: 1.35,
        maxHeight: size * 1.35 * 3,
        paddingBottom: size * 0.15,
      }}
    >
      {rtlWords(text).map((word, i) => (
        <span key={i}>{word}</span>
      ))}
    </div>
  );
}

function Dot() {
  return <div style={{ width: 8, height: 8, borderRadius: 4, background: "#3d4654", margin: "0 20px", flexShrink: 0 }} />;
}

function Frame({ siteName, date, children }: { siteName: string; date?: string | null; children: React.ReactNode }) {
  return (
    <div
      style={{
        width: 1200,
        height: 630,
        display: "flex",
        flexDirection: "column",
        backgroundColor: C.bg,
        backgroundImage: "linear-gradient(160deg, #0d1117 0%, #0d1117 55%, #1b1636 100%)",
        fontFamily: "Noto Sans, Noto Sans Arabic, Noto Sans Hebrew",
        color: C.text,
      }}
    >
      <div style={{ display: "flex", height: 8, backgroundImage: "linear-gradient(90deg, #7c3aed, #22d3ee)" }} />
      <div style={{ display: "flex", flexDirection: "column", flexGrow: 1, padding: "52px 72px 56px" }}>
        <div style={{ display: "flex", alignItems: "center", justifyContent: "space-between" }}>
          <div style={{ display: "flex", alignItems: "center" }}>
            <div
              style={{
                width: 48,
                height: 48,
                borderRadius: 12,
                display: "flex",
                alignItems: "center",
                justifyContent: "center",
                backgroundImage: "linear-gradient(135deg, #7c3aed, #22d3ee)",
                fontSize: 28,
                fontWeight: 700,
                color: "#ffffff",
              }}
            >
              {[...(siteName || "P")][0].toUpperCase()}
            </div>
            <div style={{ display: "flex", marginLeft: 18, fontSize: 32, fontWeight: 700, color: C.text }}>{siteName}</div>
          </div>
          {date ? <div style={{ display: "flex", fontSize: 28, color: C.muted }}>{date}</div> : null}
        </div>
        {children}
      </div>
    </div>
  );
}

// "sign-in" is the card of every share in SSO mode (PARLEY_AUTH=oidc): nothing from the conversation.
const FIXED_TEXT = {
  generic: { headline: "Shared conversation", line: "An OpenCode session, shared to read in the browser." },
  removed: { headline: "This share was removed", line: "The link no longer shows a conversation." },
  "sign-in": { headline: "Sign in to view", line: "A conversation shared within the organisation." },
} as const;

export function ShareCard({ model }: { model: CardModel }) {
  if (model.kind !== "share") {
    const text = FIXED_TEXT[model.kind];
    return (
      <Frame siteName={model.siteName}>
        <div style={{ display: "flex", flexDirection: "column", justifyContent: "center", flexGrow: 1 }}>
          <div style={{ display: "flex", fontSize: 72, fontWeight: 700, color: C.text }}>{text.headline}</div>
          <div style={{ display: "flex", marginTop: 24, fontSize: 34, color: C.muted }}>{text.line}</div>
        </div>
      </Frame>
    );
  }
  return (
    <Frame siteName={model.siteName} date={model.date}>
      <div style={{ display: "flex", flexDirection: "column", justifyContent: "center", flexGrow: 1, padding: "8px 0" }}>
        <div style={{ display: "flex", fontSize: 24, fontWeight: 700, letterSpacing: 3, color: C.accent, marginBottom: 18 }}>OPENCODE SESSION</div>
        <Title text={model.title ?? "Shared conversation"} rtl={model.title !== null && model.rtl} />
      </div>
      <div style={{ display: "flex", alignItems: "center", fontSize: 28, color: C.soft, borderTop: "2px solid #232a35", paddingTop: 30 }}>
        {model.models ? (
          // The facts keep their width; a long model list gives way and ends in an ellipsis.
          <div style={{ display: "block", flexShrink: 1, minWidth: 0, overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis" }}>{model.models}</div>
        ) : null}
        {model.models ? <Dot /> : null}
        <div style={{ display: "flex", whiteSpace: "nowrap", flexShrink: 0 }}>{model.messages}</div>
        {model.files ? <Dot /> : null}
        {model.files ? (
          <div style={{ display: "flex", whiteSpace: "nowrap", flexShrink: 0 }}>
            {model.files.label}
            <span style={{ color: C.add, marginLeft: 14 }}>{model.files.additions}</span>
            <span style={{ color: C.del, marginLeft: 10 }}>{model.files.deletions}</span>
          </div>
        ) : null}
      </div>
    </Frame>
  );
}
