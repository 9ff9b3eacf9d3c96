// A scripted OpenAI-compatible model on loopback, standing in for the LLM behind the real OpenCode client.
// It answers POST /v1/chat/completions with streamed chat-completion chunks (SSE), the way
// @ai-sdk/openai-compatible expects them, following a script instead of thinking.
//
// Which script a request belongs to is decided by the first user message of the conversation (the main
// prompt, a subagent's task prompt, ...), and which step of it by how many assistant turns the
// conversation already holds after its last user message. So the answer depends only on the request: a
// retried request gets the same answer, and a subagent (its own session, its own conversation) follows its
// own script while the parent waits for it.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ToolCall = { tool: string; args: Record<string, unknown> };
/** One model turn: optional reasoning, optional text, then either tool calls or the end of the answer. */
export type Step = { reasoning?: string; text?: string; tools?: ToolCall[] };
/** A conversation script, picked when the conversation's first user message contains `match`. */
export type Script = { match: string; steps: Step[] };

type ChatMessage = { role: string; content?: unknown; tool_calls?: unknown[] };
type ChatRequest = { model?: string; stream?: boolean; messages?: ChatMessage[]; tools?: unknown[] };

export type LoggedRequest = {
  path: string;
  sessionId: string | undefined;
  script: string | undefined;
  step: number;
  tools: number;
};

export type MockModel = {
  url: string; // the provider baseURL, ending in /v1
  /** The scripts it follows; filled in once the test knows its paths (they may be added while it runs). */
  scripts: Script[];
  requests: LoggedRequest[];
  /** Requests that matched no script or ran past its end (the test asserts this stays empty). */
  unexpected: string[];
  close(): Promise<void>;
};

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((c) => (typeof c === "object" && c && "text" in c ? String(c.text) : "")).join("\n");
  return "";
}

/** Position in a conversation: its first user text and the assistant turns since the last user message. */
function locate(messages: ChatMessage[]): { first: string; step: number } {
  const first = textOf(messages.find((m) => m.role === "user")?.content);
  let lastUser = -1;
  messages.forEach((m, i) => {
    if (m.role === "user") lastUser = i;
  });
  const step = messages.slice(lastUser + 1).filter((m) => m.role === "assistant").length;
  return { first, step };
}

export async function startMockModel(scripts: Script[] = []): Promise<MockModel> {
  const requests: LoggedRequest[] = [];
  const unexpected: string[] = [];
  let seq = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "";
      if (req.method !== "POST" || !path.endsWith("/chat/completions")) {
        unexpected.push(`${req.method} ${path}`);
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: "not found" } }));
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as ChatRequest;
      const messages = body.messages ?? [];
      const { first, step } = locate(messages);
      const sessionId = req.headers["x-session-id"] as string | undefined;
      const hasTools = (body.tools?.length ?? 0) > 0;
      const script = scripts.find((s) => first.includes(s.match));
      requests.push({ path, sessionId, script: script?.match, step, tools: body.tools?.length ?? 0 });

      let answer: Step;
      if (!hasTools) {
        // A helper call without tools (title generation, summaries): a short plain answer.
        answer = { text: "Scripted session" };
      } else if (script && step < script.steps.length) {
        answer = script.steps[step];
      } else {
        unexpected.push(`no step ${step} for conversation starting ${JSON.stringify(first.slice(0, 80))}`);
        answer = { text: "The script has ended." };
      }
      stream(res, `chatcmpl-${++seq}`, body.model ?? "mock", answer, seq);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    scripts,
    requests,
    unexpected,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Streams one step as chat.completion.chunk events, splitting text so the client sees real deltas. */
function stream(res: http.ServerResponse, id: string, model: string, step: Step, seq: number) {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  const send = (delta: Record<string, unknown>, finish: string | null = null) =>
    res.write(
      `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`,
    );
  const pieces = (s: string) => s.match(/[\s\S]{1,40}/g) ?? [];

  send({ role: "assistant", content: "" });
  for (const piece of pieces(step.reasoning ?? "")) send({ reasoning_content: piece });
  for (const piece of pieces(step.text ?? "")) send({ content: piece });
  (step.tools ?? []).forEach((call, index) => {
    const args = JSON.stringify(call.args);
    send({ tool_calls: [{ index, id: `call_${seq}_${index}`, type: "function", function: { name: call.tool, arguments: "" } }] });
    for (const piece of pieces(args)) send({ tool_calls: [{ index, function: { arguments: piece } }] });
  });
  send({}, step.tools?.length ? "tool_calls" : "stop");
  res.write(
    `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: Math.floor(Date.now() / 1000), model, choices: [], usage: { prompt_tokens: 120 + seq, completion_tokens: 30 + seq, total_tokens: 150 + 2 * seq } })}\n\n`,
  );
  res.end("data: [DONE]\n\n");
}
