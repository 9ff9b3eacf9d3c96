// `npm run backup -- <file>` while the server runs and syncs, then the README's restore: stop, put the
// file in place as parley.db (no -wal/-shm beside it), start. Everything acknowledged before the backup
// is there, secrets still work, and what happened after it is not.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { byKey, replay } from "./support/fixtures";
import { npmRun } from "./support/ops";
import { startServer } from "./support/server";

test("an online backup taken during syncs restores to a working server", async () => {
  test.slow();
  const server = await startServer();
  const restoreDir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-restore-"));
  const file = path.join(os.tmpdir(), `parley-backup-${process.pid}-${Date.now()}.db`);
  try {
    const tour = await replay(server.baseURL, "tour");
    const attachment = await replay(server.baseURL, "attachment");
    const before = {
      tour: await (await fetch(`${server.baseURL}/api/share/${tour.id}/data`)).json(),
      attachment: await (await fetch(`${server.baseURL}/api/share/${attachment.id}/data`)).json(),
    };

    // Another client syncs while the backup runs: the copy must be one consistent state.
    const during = replay(server.baseURL, "aborted");
    const backup = await npmRun("backup", [file], { PARLEY_DATA_DIR: server.dataDir });
    const aborted = await during;
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/backup written to .* \(\d+ bytes, \d+ shares incl\. tombstones\)/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);

    // After the backup: an unshare the restore will not know about.
    const del = await fetch(`${server.baseURL}/api/share/${tour.id}`, { method: "DELETE", body: JSON.stringify({ secret: tour.secret }) });
    expect(del.status).toBe(200);
    await server.stop();

    // The README's restore.
    fs.copyFileSync(file, path.join(restoreDir, "parley.db"));
    const restored = await startServer({ dataDir: restoreDir });
    try {
      for (const [share, data] of [
        [tour, before.tour],
        [attachment, before.attachment],
      ] as const) {
        const res = await fetch(`${restored.baseURL}/api/share/${share.id}/data`);
        expect(res.status).toBe(200);
        const have = byKey(await res.json());
        const want = byKey(data);
        expect([...have.keys()].sort()).toEqual([...want.keys()].sort());
        for (const [key, item] of want) expect(have.get(key), key).toEqual(item);
      }
      expect((await fetch(`${restored.baseURL}/s/${tour.id}`)).status).toBe(200);
      // The share synced during the backup is either absent or whole at some version, never torn.
      const abortedRes = await fetch(`${restored.baseURL}/api/share/${aborted.id}/data`);
      expect([200, 404]).toContain(abortedRes.status);
      // Secret hashes came back: the owner can still sync and unshare.
      const sync = await fetch(`${restored.baseURL}/api/share/${attachment.id}/sync`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ secret: attachment.secret, data: [] }),
      });
      expect(sync.status).toBe(200);
      const unshare = await fetch(`${restored.baseURL}/api/share/${attachment.id}`, { method: "DELETE", body: JSON.stringify({ secret: attachment.secret }) });
      expect(unshare.status).toBe(200);
    } finally {
      await restored.stop();
    }
  } finally {
    await server.stop();
    fs.rmSync(restoreDir, { recursive: true, force: true });
    fs.rmSync(file, { force: true });
  }
});

test("backup refuses PostgreSQL and a missing database, with a message", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-empty-"));
  try {
    const missing = await npmRun("backup", [path.join(dir, "x.db")], { PARLEY_DATA_DIR: path.join(dir, "none") });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("no database at");
    const postgres = await npmRun("backup", [path.join(dir, "x.db")], { PARLEY_DATA_DIR: dir, DATABASE_URL: "postgres://u:p@127.0.0.1:1/db" });
    expect(postgres.status).toBe(1);
    expect(postgres.stderr).toContain("pg_dump");
    const usage = await npmRun("backup", [], { PARLEY_DATA_DIR: dir });
    expect(usage.stderr).toContain("usage: npm run backup -- <file>");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
