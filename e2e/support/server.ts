// Starts an extra production server for specs that need their own configuration, their own fresh
// SQLite directory, or must crash it. The PID held is the server's own (dist/server.js serves in-process),
// so kill9() really crashes it.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type TestServer = {
  baseURL: string;
  dataDir: string;
  process: ChildProcess;
  /** SIGTERM; the data directory is removed unless it was passed in. */
  stop: () => Promise<void>;
  /** SIGKILL, keeping the data directory for a restart. */
  kill9: () => Promise<void>;
  /** Everything the server has printed so far (stdout and stderr). */
  output: () => string;
};

const ROOT = path.join(__dirname, "..", "..");

// An OS-assigned port, so a second server never collides with the fixed ports of other runs.
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

// nodeArgs: flags for node itself (e.g. --cpu-prof, which NODE_OPTIONS refuses).
type StartOptions = { env?: Record<string, string>; dataDir?: string; port?: number; nodeArgs?: string[] };

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  // freePort() lets its probe go before Next binds, so another process can take the port in between:
  // then our server exits with EADDRINUSE, and a fresh port is tried.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOn(options.port ?? (await freePort()), options);
    } catch (err) {
      if (options.port !== undefined || attempt >= 3 || !String(err).includes("EADDRINUSE")) throw err;
    }
  }
}

async function startOn(port: number, options: StartOptions): Promise<TestServer> {
  const ownDir = !options.dataDir;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "parley-e2e-"));
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), path.join(ROOT, "dist/server.js")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      PARLEY_PUBLIC_URL: "",
      PARLEY_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    await exited;
  };
  const stop = async () => {
    await signal("SIGTERM");
    if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const baseURL = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    if (child.exitCode !== null) break;
    const healthy = await fetch(`${baseURL}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    // Healthy and still running: the answer came from this child, not from whoever else holds the port.
    if (healthy && child.exitCode === null && output.includes(`:${port}`)) {
      return { baseURL, dataDir, process: child, stop, kill9: () => signal("SIGKILL"), output: () => output };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`the test server on port ${port} did not start:\n${output}`);
}
