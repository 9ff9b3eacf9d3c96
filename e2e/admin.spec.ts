// `npm run admin -- …` on the database of a running server. Unshare through it is the API's deletion:
// the server answers 410 on its very next request (it reads the share's state every time), and no
// byte of the conversation is left in the SQLite file or its WAL.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { replay } from "./support/fixtures";
import { npmRun } from "./support/ops";
import { startServer, type TestServer } from "./support/server";

test.describe("npm run admin", () => {
  test.describe.configure({ mode: "serial" });
  let server: TestServer;
  let env: Record<string, string>;
  test.beforeAll(async () => {
    // The server's own sweep must not purge before the command does.
    server = await startServer({ env: { PARLEY_SWEEP_INTERVAL: "1d" } });
    env = { PARLEY_DATA_DIR: server.dataDir };
  });
  test.afterAll(async () => server?.stop());

  test("list, show and stats describe the shares without their content", async () => {
    const share = await replay(server.baseURL, "tour");
    const list = await npmRun("admin", ["list"], env);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`^${share.id}\\s+live\\s+\\d{4}-`, "m"));
    const show = await npmRun("admin", ["show", share.id], env);
    expect(show.status).toBe(0);
    expect(show.stdout).toMatch(/^state\s+live$/m);
    expect(show.stdout).toMatch(/^title\s+Tour of the greeter project$/m);
    expect(show.stdout).toMatch(/^items\s+.*\d+ part/m);
    const stats = await npmRun("admin", ["stats"], env);
    expect(stats.stdout).toMatch(/^database\s+sqlite$/m);
    expect(stats.stdout).toMatch(/^live\s+1$/m);
    const unknown = await npmRun("admin", ["show", "no-such-share"], env);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("no share with id no-such-share");
    const usage = await npmRun("admin", ["frobnicate"], env);
    expect(usage.status).toBe(64);
    expect(usage.stderr).toContain("usage: npm run admin -- list | show <id> | unshare <id> | purge-expired | stats");
  });

  test("unshare: the running server answers 410 at once and the file holds nothing of it", async () => {
    const share = await replay(server.baseURL, "tour");
    // Warm every cache the server has for it first.
    for (let i = 0; i < 2; i++) expect((await fetch(`${server.baseURL}/s/${share.id}`)).status).toBe(200);
    expect((await fetch(`${server.baseURL}/s/${share.id}/card.png`)).status).toBe(200);

    const res = await npmRun("admin", ["unshare", share.id], env);
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(new RegExp(`unshared ${share.id} at \\S+ \\(in the database\\)`));

    for (const url of [`/s/${share.id}`, `/share/${share.id}`, `/api/share/${share.id}/data`]) {
      expect((await fetch(`${server.baseURL}${url}`)).status, url).toBe(410);
    }
    const sync = await fetch(`${server.baseURL}/api/share/${share.id}/sync`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ secret: share.secret, data: [] }),
    });
    expect(sync.status).toBe(410);
    expect((await npmRun("admin", ["show", share.id], env)).stdout).toMatch(/^state\s+unshared$/m);
    const again = await npmRun("admin", ["unshare", share.id], env);
    expect(again.status).toBe(3);
    expect(again.stderr).toContain("already unshared");

    // Secure delete: the first test's share still holds the tour's text, so use a marker only this one holds.
    const unique = `marker-${Date.now()}`;
    const other = await replay(server.baseURL, "aborted");
    await fetch(`${server.baseURL}/api/share/${other.id}/sync`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        secret: other.secret,
        data: [{ type: "part", data: { id: "prt_marker", messageID: "msg_marker", sessionID: "ses_x", type: "text", text: unique } }],
      }),
    });
    expect(
      fs.readFileSync(path.join(server.dataDir, "parley.db")).includes(unique) || fs.readFileSync(path.join(server.dataDir, "parley.db-wal")).includes(unique),
    ).toBe(true);
    expect((await npmRun("admin", ["unshare", other.id], env)).status).toBe(0);
    const files = ["parley.db", "parley.db-wal"].map((f) => path.join(server.dataDir, f)).filter((f) => fs.existsSync(f));
    for (const f of files) expect(fs.readFileSync(f).includes(unique), f).toBe(false);
  });

  test("with PARLEY_ADMIN_TOKEN, unshare goes through the running server, which drops its caches too", async () => {
    const token = "t".repeat(40);
    const own = await startServer({ env: { PARLEY_ADMIN_TOKEN: token } });
    try {
      const share = await replay(own.baseURL, "aborted");
      expect((await fetch(`${own.baseURL}/s/${share.id}`)).status).toBe(200);
      const res = await npmRun("admin", ["unshare", share.id], {
        PARLEY_DATA_DIR: own.dataDir,
        PARLEY_ADMIN_TOKEN: token,
        HOST: "127.0.0.1",
        PORT: new URL(own.baseURL).port,
      });
      expect(res.status).toBe(0);
      expect(res.stdout).toContain("(by the running server, which dropped its caches)");
      expect((await fetch(`${own.baseURL}/s/${share.id}`)).status).toBe(410);
    } finally {
      await own.stop();
    }
  });

  test("purge-expired deletes the data of shares past their expiry", async () => {
    const share = await replay(server.baseURL, "aborted");
    const expiresAt = Date.now() + 1500;
    const put = await fetch(`${server.baseURL}/api/share/${share.id}/expiry`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ secret: share.secret, expiresAt }),
    });
    expect(put.status).toBe(200);
    await new Promise((r) => setTimeout(r, 2000));
    expect((await npmRun("admin", ["stats"], env)).stdout).toMatch(/^expired\s+[1-9]\d* \(not yet purged\)$/m);
    const purge = await npmRun("admin", ["purge-expired"], env);
    expect(purge.status).toBe(0);
    expect(purge.stdout).toMatch(/deleted the data of [1-9]\d* expired shares/);
    expect((await npmRun("admin", ["show", share.id], env)).stdout).toMatch(/^items\s+0$/m);
    expect((await fetch(`${server.baseURL}/s/${share.id}`)).status).toBe(410);
  });
});
