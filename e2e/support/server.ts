// Starts an extra production server for specs that need their own configuration or must kill it.
// The PID held is the server's own (next start runs in-process), so SIGKILL really crashes it.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type TestServer = { url: string; dataDir: string; process: ChildProcess; stop: () => Promise<void>; kill9: () => Promise<void> };

const NEXT_BIN = path.join(__dirname, "..", "..", "node_modules", "next", "dist", "bin", "next");

export async function startServer(options: { port: number; env?: Record<string, string>; dataDir?: string }): Promise<TestServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "parley-e2e-"));
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(options.port), "-H", "127.0.0.1"], {
    cwd: path.join(__dirname, "..", ".."),
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PARLEY_PUBLIC_URL: "", PARLEY_DATA_DIR: dataDir, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, dataDir, process: child, stop: () => stopWith("SIGTERM"), kill9: () => stopWith("SIGKILL") };
}
