// `npm run admin` on PostgreSQL (the e2e spec covers SQLite beside a running server): the command
// reads DATABASE_URL like the server and works the same on either database.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresTestDatabase, postgresTestUrl, type TestDatabase } from "../store/test-databases";

const ROOT = path.join(__dirname, "..", "..");

function admin(databaseUrl: string, ...args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/admin.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PARLEY_ADMIN_TOKEN: "" },
    encoding: "utf8",
  });
}

describe.skipIf(!postgresTestUrl)("npm run admin on PostgreSQL", () => {
  let db: TestDatabase;
  let url: string;
  beforeAll(async () => {
    db = await createPostgresTestDatabase();
    const u = new URL(postgresTestUrl!);
    u.pathname = `/${db.name}`;
    url = u.toString();
    await db.store.createShare({ id: "pgShareAdmin1", sessionId: "ses_1", secretHash: "ab".repeat(32), createdAt: 1_000, expiresAt: null });
    const session = JSON.stringify({ type: "session", data: { id: "ses_1", title: "Quarterly plans" } });
    await db.store.upsertItems("pgShareAdmin1", [{ key: "session", type: "session", json: session }], { now: 2_000, maxShareBytes: 1 << 30 });
    await db.store.createShare({ id: "pgShareAdmin2", sessionId: "ses_2", secretHash: "cd".repeat(32), createdAt: 1_000, expiresAt: 5_000 });
  });
  afterAll(async () => {
    await db?.store.close();
    await db?.drop();
  });

  it("lists, shows, counts, purges and unshares", { timeout: 120_000 }, () => {
    const list = admin(url, "list");
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^pgShareAdmin1\s+live\s/m);
    expect(list.stdout).toMatch(/^pgShareAdmin2\s+expired\s/m);
    expect(admin(url, "show", "pgShareAdmin1").stdout).toMatch(/^title\s+Quarterly plans$/m);
    expect(admin(url, "stats").stdout).toMatch(/^database\s+postgres\nlive\s+1\nexpired\s+1 \(not yet purged\)/m);
    expect(admin(url, "purge-expired").stdout).toContain("deleted the data of 1 expired shares");
    const unshare = admin(url, "unshare", "pgShareAdmin1");
    expect(unshare.stderr).toBe("");
    expect(unshare.stdout).toContain("unshared pgShareAdmin1 at");
    expect(admin(url, "show", "pgShareAdmin1").stdout).toMatch(/^state\s+unshared$/m);
    expect(admin(url, "stats").stdout).toMatch(/^live\s+0$/m);
    expect(admin(url, "unshare", "pgShareAdmin1").status).toBe(3);
  });
});
