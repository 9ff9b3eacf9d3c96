// The per-request abort signal, against a real node:http server and real sockets.
import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { REQUEST_HEADER, requestSignal, trackRequest } from "./request-signal";

type Seen = { id: string; signal: AbortSignal; res: http.ServerResponse };
let server: http.Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A server that tracks every request; `/fast` answers at once, anything else never finishes. */
async function start(): Promise<{ port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = http.createServer((req, res) => {
    trackRequest(req, res);
    const id = req.headers[REQUEST_HEADER] as string;
    seen.push({ id, signal: requestSignal(id)!, res });
    if (req.url === "/fast") res.end("ok");
    else res.write("first bytes");
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { port: (server!.address() as net.AddressInfo).port, seen };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe("requestSignal", () => {
  it("a finished request is never aborted and is forgotten; a client-sent id is overwritten", async () => {
    const { port, seen } = await start();
    const res = await fetch(`http://127.0.0.1:${port}/fast`, { headers: { [REQUEST_HEADER]: "forged" } });
    expect(await res.text()).toBe("ok");
    await until(() => requestSignal(seen[0].id) === undefined);
    expect(seen[0].id).not.toBe("forged");
    expect(seen[0].signal.aborted).toBe(false);
  });

  it("a client that leaves mid-response aborts its signal, which stays findable for a while", async () => {
    const { port, seen } = await start();
    await new Promise<void>((resolve) => {
      const req = http.get(`http://127.0.0.1:${port}/slow`, (res) => res.once("data", () => (req.destroy(), resolve())));
    });
    await until(() => seen[0]?.signal.aborted === true);
    expect(seen[0].signal.reason).toBeInstanceOf(DOMException);
    expect((seen[0].signal.reason as DOMException).name).toBe("AbortError");
    expect(requestSignal(seen[0].id)).toBe(seen[0].signal);
  });

  it("a pipelined request queued behind another is aborted when its connection closes", async () => {
    const { port, seen } = await start();
    const socket = net.connect(port, "127.0.0.1");
    await new Promise<void>((resolve) => socket.once("connect", resolve));
    socket.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /queued HTTP/1.1\r\nHost: x\r\n\r\n");
    await until(() => seen.length === 2);
    socket.destroy();
    await until(() => seen.every((s) => s.signal.aborted));
  });
});
