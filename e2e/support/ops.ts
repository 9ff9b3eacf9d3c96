// Runs an operator command (`npm run backup|migrate|admin -- …`) the way the README says, against the
// data directory or database of a test server.
import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.join(__dirname, "..", "..");

export type OpsResult = { status: number | null; stdout: string; stderr: string };

export function npmRun(script: "backup" | "migrate" | "admin", args: string[], env: Record<string, string>): Promise<OpsResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "-s", script, "--", ...args], {
      cwd: ROOT,
      env: { ...process.env, PARLEY_PUBLIC_URL: "", DATABASE_URL: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", (status) => resolve({ status, stdout, stderr }));
  });
}
