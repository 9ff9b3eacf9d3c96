// Live follow in tests: OpenCode's item shapes (as recorded in e2e/fixtures/) for a run that grows,
// syncs sent the way the client sends them, and a raw server-sent-events reader.
import http from "node:http";

export type Share = { id: string; url: string; secret: string };
type Item = { type: string; data: Record<string, unknown> };

/** POST /api/share/<id>/sync as OpenCode sends it; resolves once answered 200 (the "sync's answer"). */
export async function sync(baseURL: string, share: Share, data: Item[]): Promise<number> {
  const res = await fetch(`${baseURL}/api/share/${share.id}/sync`, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "opencode/1.18.33" },
    body: JSON.stringify({ secret: share.secret, data }),
  });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`sync answered ${res.status}: ${JSON.stringify(body)}`);
  return body.version;
}

export async function createShare(baseURL: string, sessionID: string): Promise<Share> {
  const res = await fetch(`${baseURL}/api/share`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sessionID }) });
  if (res.status !== 201) throw new Error(`create answered ${res.status}`);
  return res.json();
}

export async function unshare(baseURL: string, share: Share): Promise<void> {
  const res = await fetch(`${baseURL}/api/share/${share.id}`, {
    method: "DELETE",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ secret: share.secret }),
  });
  if (res.status !== 200) throw new Error(`unshare answered ${res.status}`);
}

/** Items of one session, in OpenCode 1.18's shapes; times grow from `start` so new turns sort last. */
export function run(sessionID: string, start = Date.now()) {
  const base = { sessionID };
  return {
    session: (title: string): Item => ({ type: "session", data: { id: sessionID, title, time: { created: start, updated: Date.now() } } }),
    user: (id: string, text: string, at: number): Item[] => [
      { type: "message", data: { ...base, id, role: "user", time: { created: start + at }, agent: "build", model: { providerID: "mock", modelID: "mock-1" } } },
      { type: "part", data: { ...base, id: `prt_${id}_text`, messageID: id, type: "text", text } },
    ],
    assistant: (id: string, parentID: string, at: number): Item => ({
      type: "message",
      data: {
        ...base,
        id,
        parentID,
        role: "assistant",
        mode: "build",
        agent: "build",
        path: { cwd: "/home/dev/proj", root: "/home/dev/proj" },
        cost: 0,
        tokens: { input: 0, output: 0, reasoning: 0, cache: { read: 0, write: 0 } },
        modelID: "mock-1",
        providerID: "mock",
        time: { created: start + at },
      },
    }),
    text: (messageID: string, id: string, text: string): Item => ({ type: "part", data: { ...base, id, messageID, type: "text", text, time: { start } } }),
    reasoning: (messageID: string, id: string, text: string): Item => ({
      type: "part",
      data: { ...base, id, messageID, type: "reasoning", text, time: { start, end: start + 1 } },
    }),
    bash: (messageID: string, id: string, command: string, output?: string): Item => ({
      type: "part",
      data: {
        ...base,
        id,
        messageID,
        type: "tool",
        tool: "bash",
        callID: `call_${id}`,
        state:
          output === undefined
            ? { status: "running", input: { command, description: command }, time: { start } }
            : {
                status: "completed",
                input: { command, description: command },
                output,
                metadata: { output, exit: 0, truncated: false },
                title: command,
                time: { start, end: start + 5 },
              },
      },
    }),
  };
}

export type SseEvent = { event: string; data: string };
export type SseStream = {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  events: SseEvent[];
  comments: number;
  /** Resolves with the first event (after those already read) that matches, or rejects after `ms`. */
  next: (event: string, ms?: number) => Promise<SseEvent>;
  close: () => void;
};

/** GET <url> as a raw event-stream client; refusals (non-200) resolve with their JSON body. */
export function openStream(url: string, options: { localAddress?: string; headers?: Record<string, string> } = {}): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { localAddress: options.localAddress, headers: { accept: "text/event-stream", ...options.headers }, agent: false }, (res) => {
      const stream: SseStream = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        body: "",
        events: [],
        comments: 0,
        next: () => Promise.reject(new Error("not an event stream")),
        close: () => req.destroy(),
      };
      let buffer = "";
      let read = 0;
      const waiting: (() => void)[] = [];
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        stream.body += chunk;
        buffer += chunk;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith(":")) stream.comments++;
          const event = /^event: (.*)$/m.exec(block)?.[1];
          if (event) stream.events.push({ event, data: /^data: (.*)$/m.exec(block)?.[1] ?? "" });
        }
        for (const w of waiting.splice(0)) w();
      });
      res.on("error", () => {});
      stream.next = (event, ms = 5000) =>
        new Promise((ok, fail) => {
          const timer = setTimeout(() => fail(new Error(`no "${event}" event within ${ms} ms; got ${JSON.stringify(stream.events)}`)), ms);
          const look = () => {
            for (; read < stream.events.length; read++) {
              if (stream.events[read].event === event) {
                clearTimeout(timer);
                return ok(stream.events[read++]);
              }
            }
            waiting.push(look);
          };
          look();
        });
      if (res.statusCode !== 200) res.on("end", () => resolve(stream));
      else resolve(stream);
    });
    req.on("error", reject);
  });
}
