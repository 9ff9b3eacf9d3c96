// Runs the real OpenCode 1.18.33 client (the npm package's Linux x64 binary) against Parley: `opencode
// serve` as a headless server driven over its HTTP API, plus one-shot CLI commands (import, export).
// Every process gets a throwaway HOME/XDG tree and its config through OPENCODE_CONFIG_CONTENT, so nothing
// from the machine's own OpenCode setup leaks in and nothing is left behind.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const OPENCODE_VERSION = "1.18.33";

/**
 * The binary from `opencode-linux-x64`, an optional dependency of the test-only devDependency
 * `parley-e2e-opencode` (e2e/opencode-bin): `npm ci` installs it on Linux x64, `npm ci --omit=dev` never.
 * Other platforms get `skip` (npm does not install the package there); on Linux x64 a missing binary is
 * an error, not a reason to skip, so a broken install cannot pass CI silently.
 */
export function findOpencode(): { bin: string } | { skip: string } {
  if (process.platform !== "linux" || process.arch !== "x64") {
    return { skip: `no OpenCode binary for ${process.platform}-${process.arch}: these tests run the opencode-linux-x64 package only` };
  }
  let pkgJson: string;
  try {
    pkgJson = require.resolve("opencode-linux-x64/package.json");
  } catch {
    throw new Error("opencode-linux-x64 is not installed: run npm ci with dev dependencies (on Linux x64 it must be; --omit=dev leaves it out)");
  }
  const bin = path.join(path.dirname(pkgJson), "bin", "opencode");
  if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: reinstall opencode-linux-x64 with npm ci`);
  return { bin };
}

export type ShareMode = "manual" | "auto" | "disabled";

/** The client config: our mock model as the only provider, Parley as the share server, nothing networked. */
export function opencodeConfig(opts: { parleyURL: string; modelURL: string; share: ShareMode }) {
  return {
    $schema: "https://opencode.ai/config.json",
    share: opts.share,
    autoupdate: false,
    enterprise: { url: opts.parleyURL },
    // Tools run without asking: there is nobody to answer a permission prompt in a test.
    permission: { "*": "allow", bash: "allow", edit: "allow", external_directory: "allow" },
    model: "mock/mock-1",
    small_model: "mock/mock-1",
    provider: {
      mock: {
        npm: "@ai-sdk/openai-compatible",
        name: "Mock Provider",
        options: { baseURL: opts.modelURL, apiKey: "mock-key" },
        models: {
          "mock-1": {
            name: "Mock Model 1",
            tool_call: true,
            reasoning: true,
            attachment: false,
            temperature: true,
            limit: { context: 200_000, output: 8_000 },
            cost: { input: 3, output: 15, cache_read: 0.3, cache_write: 3.75 },
          },
        },
      },
    },
  };
}

/** A throwaway machine for the client: a home with XDG dirs and a git project with one commit. */
export class Sandbox {
  readonly root = fs.mkdtempSync(path.join(os.tmpdir(), "parley-opencode-"));
  readonly home = path.join(this.root, "home");
  readonly project = path.join(this.root, "project");

  constructor(
    readonly bin: string,
    readonly config: ReturnType<typeof opencodeConfig>,
  ) {
    fs.mkdirSync(this.home, { recursive: true });
    fs.mkdirSync(this.project, { recursive: true });
    fs.writeFileSync(path.join(this.project, "README.md"), "# greeter\n\nA throwaway project for the Parley e2e test.\n");
    const git = (...args: string[]) => execFileSync("git", args, { cwd: this.project, env: this.env(), stdio: "ignore" });
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-q", "-m", "initial");
  }

  /** A clean environment (not the runner's): PATH and locale only, plus the isolation and offline switches. */
  env(): NodeJS.ProcessEnv {
    const xdg = (dir: string) => path.join(this.home, dir);
    return {
      PATH: process.env.PATH,
      LANG: "C.UTF-8",
      TERM: "dumb",
      HOME: this.home,
      XDG_CONFIG_HOME: xdg(".config"),
      XDG_DATA_HOME: xdg(".local/share"),
      XDG_STATE_HOME: xdg(".local/state"),
      XDG_CACHE_HOME: xdg(".cache"),
      GIT_AUTHOR_NAME: "Parley E2E",
      GIT_AUTHOR_EMAIL: "e2e@parley.invalid",
      GIT_COMMITTER_NAME: "Parley E2E",
      GIT_COMMITTER_EMAIL: "e2e@parley.invalid",
      OPENCODE_CONFIG_CONTENT: JSON.stringify(this.config),
      OPENCODE_DISABLE_AUTOUPDATE: "1",
      OPENCODE_DISABLE_MODELS_FETCH: "1",
      OPENCODE_DISABLE_LSP_DOWNLOAD: "1",
      OPENCODE_DISABLE_CLAUDE_CODE: "1",
      OPENCODE_DISABLE_EXTERNAL_SKILLS: "1",
    } as unknown as NodeJS.ProcessEnv; // Next's typings require NODE_ENV, which the client must not get
  }

  /** Runs a one-shot CLI command (import, export, ...) in the project and returns its stdout. */
  run(args: string[], timeoutMs = 60_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.bin, args, { cwd: this.project, env: this.env(), stdio: ["ignore", "pipe", "pipe"], detached: true });
      track(child);
      let stdout = "";
      let stderr = "";
      child.stdout!.on("data", (c: Buffer) => (stdout += c));
      child.stderr!.on("data", (c: Buffer) => (stderr += c));
      const timer = setTimeout(() => {
        killGroup(child, "SIGKILL");
        reject(new Error(`opencode ${args.join(" ")} did not finish in ${timeoutMs} ms\n${stderr}`));
      }, timeoutMs);
      child.on("error", reject);
      child.on("exit", (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  }

  /** Starts `opencode serve` on a free loopback port and waits until it listens. */
  async serve(timeoutMs = 30_000): Promise<OpencodeServer> {
    const child = spawn(this.bin, ["serve", "--hostname", "127.0.0.1", "--port", "0", "--print-logs", "--log-level", "INFO"], {
      cwd: this.project,
      env: this.env(),
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // its own process group, so stop() also ends the shells its tools started
    });
    track(child);
    const log: string[] = [];
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`opencode serve did not listen in ${timeoutMs} ms:\n${log.join("")}`)), timeoutMs);
      const onData = (c: Buffer) => {
        log.push(c.toString());
        const m = /opencode server listening on (http:\/\/[\d.]+:\d+)/.exec(log.join(""));
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", onData);
      child.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`opencode serve exited with ${code}:\n${log.join("")}`));
      });
    });
    return new OpencodeServer(url, child, log);
  }

  /** Removes the throwaway tree (after every process using it has ended). */
  dispose() {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

export type SessionInfo = { id: string; title: string; parentID?: string; share?: { url: string } };
export type MessageWithParts = {
  info: Record<string, unknown> & { id: string; role: string };
  parts: (Record<string, unknown> & { id: string; type: string; messageID: string })[];
};

/** The headless server's HTTP API (see its OpenAPI document at GET /doc). */
export class OpencodeServer {
  constructor(
    readonly url: string,
    private readonly child: ChildProcess,
    readonly log: string[],
  ) {}

  async request<T>(method: string, route: string, body?: unknown, timeoutMs = 30_000): Promise<T> {
    const res = await fetch(`${this.url}${route}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`opencode ${method} ${route} answered ${res.status}: ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  createSession(title: string) {
    return this.request<SessionInfo>("POST", "/session", { title });
  }
  getSession(id: string) {
    return this.request<SessionInfo>("GET", `/session/${id}`);
  }
  share(id: string) {
    return this.request<SessionInfo>("POST", `/session/${id}/share`);
  }
  unshare(id: string) {
    return this.request<SessionInfo>("DELETE", `/session/${id}/share`);
  }
  /** Sends a user prompt; the call returns when the agent's turn (every step and tool) has finished. */
  prompt(id: string, text: string, timeoutMs = 90_000) {
    return this.request<MessageWithParts>("POST", `/session/${id}/message`, { parts: [{ type: "text", text }] }, timeoutMs);
  }
  messages(id: string) {
    return this.request<MessageWithParts[]>("GET", `/session/${id}/message`);
  }
  children(id: string) {
    return this.request<SessionInfo[]>("GET", `/session/${id}/children`);
  }
  status() {
    return this.request<Record<string, { type: string }>>("GET", "/session/status");
  }

  /** SIGTERM to the whole process group, SIGKILL if it has not exited after a grace period. */
  stop(graceMs = 5_000): Promise<void> {
    return stopProcess(this.child, graceMs);
  }
}

// Every process started here, so a crashed or aborted run still ends them when the worker exits.
const live = new Set<ChildProcess>();
function track(child: ChildProcess) {
  live.add(child);
  child.on("exit", () => live.delete(child));
}
process.on("exit", () => {
  for (const child of live) killGroup(child, "SIGKILL");
});

/** Signals the child's process group (it was spawned detached, so the group id is its pid). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function stopProcess(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      // The tools' shells share the group: make sure none outlives the server.
      killGroup(child, "SIGKILL");
      resolve();
    });
    killGroup(child, "SIGTERM");
  });
}
