// A private PostgreSQL cluster in a temp directory on its own port, so a test can stop and restart
// it without disturbing the shared server other tests use. Needs root (it runs the server as the
// `postgres` user) and Debian's binaries in /usr/lib/postgresql/<version>/bin.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../e2e/support/server";

export type PgCluster = { url: string; port: number; start: () => void; stop: () => void; destroy: () => void };

function binDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

/** Why a private cluster cannot run here, or null when it can. */
export function privateClusterUnsupported(): string | null {
  if (process.getuid?.() !== 0) return "a private PostgreSQL cluster needs root (to run it as the postgres user)";
  if (!binDir()) return "PostgreSQL's server binaries are not installed (/usr/lib/postgresql/<version>/bin)";
  return null;
}

export async function createPgCluster(): Promise<PgCluster> {
  const bin = binDir()!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-pg-"));
  fs.chmodSync(dir, 0o755);
  execFileSync("chown", ["postgres:postgres", dir]);
  const data = path.join(dir, "data");
  const port = await freePort();
  const asPostgres = (args: string[]) =>
    execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", args.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ")], { stdio: "pipe", timeout: 60_000 });
  asPostgres([`${bin}/initdb`, "-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const start = () => void asPostgres([`${bin}/pg_ctl`, "-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "start"]);
  // Fast shutdown: sessions are ended, committed work stays (what a restart or failover does).
  const stop = () => void asPostgres([`${bin}/pg_ctl`, "-D", data, "-m", "fast", "-w", "stop"]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    destroy: () => {
      try {
        asPostgres([`${bin}/pg_ctl`, "-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
