// The header names the agent a session came from and links the two exports as plain links (no script).
import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { buildConversation } from "@/lib/view/conversation";
import { sessionStats } from "@/lib/view/session-stats";
import type { DataItem } from "@/lib/schema";
import { ShareHeader } from "./share-header";

const stats = (source?: unknown) =>
  sessionStats(buildConversation([{ type: "session", data: { id: "ses_1", title: "T", time: { created: 1 }, ...(source ? { source } : {}) } }] as DataItem[]));

describe("ShareHeader", () => {
  it("says which agent the session came from", () => {
    expect(renderToStaticMarkup(<ShareHeader title="T" stats={stats()} />)).toContain("Shared OpenCode session");
    expect(renderToStaticMarkup(<ShareHeader title="T" stats={stats({ agent: "claude-code" })} />)).toContain("Shared Claude Code session");
    expect(renderToStaticMarkup(<ShareHeader title="T" stats={stats({ agent: "codex" })} />)).toContain("Shared Codex session");
  });

  it("links Markdown and JSON exports of the share", () => {
    const html = renderToStaticMarkup(<ShareHeader title="T" stats={stats()} shareId="abc_12-x" />);
    expect(html).toContain('<a href="/s/abc_12-x/export.md" rel="nofollow">Markdown</a>');
    expect(html).toContain('<a href="/s/abc_12-x/export.json" rel="nofollow" download="">JSON</a>');
  });
});
