// Timing helpers for the benchmark: one GET with time to first byte and total time, percentiles,
// and the "floor" server (the same bytes served by a plain node:http static file server).
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";

export type Timed = { status: number; ttfb: number; total: number; bytes: number; body: Buffer; headers: http.IncomingHttpHeaders };

/** What a browser sends that changes the answer: it takes brotli and gzip. */
export const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br" };

/**
 * One GET; ttfb is when the response head arrived, total when the body ended (still compressed, as
 * a browser receives it). A fresh connection unless `agent` keeps one alive.
 */
export function timedGet(url: string, headers: Record<string, string> = {}, agent: http.Agent | false = false): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = http.get(url, { agent, headers }, (res) => {
      const ttfb = performance.now() - start;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, ttfb, total: performance.now() - start, bytes: body.length, body, headers: res.headers });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

export async function timedPost(url: string, body: string): Promise<{ status: number; ms: number; json: unknown }> {
  const start = performance.now();
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  const json = await res.json();
  return { status: res.status, ms: performance.now() - start, json };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer().once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

export async function freePortIn(lo: number, hi: number, avoid: number[] = []): Promise<number> {
  for (let port = lo; port <= hi; port++) if (!avoid.includes(port) && (await isPortFree(port))) return port;
  throw new Error(`no free port in ${lo}-${hi}`);
}

/** Polls until `url` answers (any status when `anyStatus`, else 2xx) or the child exits. */
export async function waitFor(url: string, child: ChildProcess, options: { timeoutMs?: number; anyStatus?: boolean } = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.ok || Boolean(options.anyStatus),
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

// The floor runs in its own process, like the real server, so the client never shares its event loop.
const STATIC_SERVER = `
const http = require("node:http"), fs = require("node:fs"), path = require("node:path");
const [dir, port] = process.argv.slice(1);
http.createServer((req, res) => {
  const file = path.join(dir, path.basename(req.url));
  // A pre-compressed copy beside the file (name.br) is sent to a client that takes brotli.
  const br = (req.headers["accept-encoding"] || "").split(",").some((e) => e.trim().split(";")[0] === "br") && fs.existsSync(file + ".br");
  fs.readFile(br ? file + ".br" : file, (err, buf) => {
    if (err) { res.writeHead(404); return res.end(); }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": buf.length, ...(br ? { "content-encoding": "br", vary: "Accept-Encoding" } : {}) });
    res.end(buf);
  });
}).listen(Number(port), "127.0.0.1", () => console.log("ready"));
`;

export function startStaticServer(dir: string, port: number): ChildProcess {
  return spawn(process.execPath, ["-e", STATIC_SERVER, dir, String(port)], { stdio: ["ignore", "ignore", "inherit"] });
}

/** Resident memory of a process and its descendants, in bytes, from /proc (Linux only). */
export async function rssOfTree(pid: number): Promise<number | null> {
  const fs = await import("node:fs");
  const read = (p: number) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      return m ? Number(m[1]) * 1024 : 0;
    } catch {
      return 0;
    }
  };
  if (!fs.existsSync(`/proc/${pid}`)) return null;
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total += read(p);
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}
