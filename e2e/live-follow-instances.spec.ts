// Live follow across instances (issue 14): two Parley servers on one PostgreSQL database, the page
// open on A while the syncs go to B; the change reaches A through LISTEN/NOTIFY. The heartbeat (which
// also re-reads the watched shares) is set to a minute, so only a notification can deliver in time.
// Then the database restarts, and the LISTEN connection comes back by itself.
import { expect, test, type Page } from "@playwright/test";
import { createPgDatabase } from "../soak/databases";
import { createPgCluster, privateClusterUnsupported } from "../soak/pg-cluster";
import { createShare, run, sync, type Share } from "./support/live";
import { startServer, type TestServer } from "./support/server";

const ENV = { PARLEY_EVENTS_HEARTBEAT: "60s", PARLEY_RATE_CREATE: "100000/1m", PARLEY_RATE_LOOKUP: "100000/1m" };
const LISTENING = /live follow: listening for share changes on PostgreSQL/g;
const listens = (s: TestServer) => (s.output().match(LISTENING) ?? []).length;

async function openOnA(page: Page, a: TestServer, b: TestServer): Promise<{ share: Share; r: ReturnType<typeof run> }> {
  const share = await createShare(b.baseURL, "ses_two");
  const r = run("ses_two");
  await sync(b.baseURL, share, [r.session("Two instances"), ...r.user("msg_a", "Asked on B", 1)]);
  await page.goto(`${a.baseURL}/s/${share.id}`);
  await expect(page.getByText("Asked on B")).toBeVisible();
  return { share, r };
}

test("two instances on one PostgreSQL: a page open on A shows the syncs sent to B", async ({ page }) => {
  test.skip(!process.env.PARLEY_TEST_DATABASE_URL && !process.env.CI, "set PARLEY_TEST_DATABASE_URL to run against PostgreSQL");
  test.setTimeout(90_000);
  const db = await createPgDatabase("parley_live");
  const servers: TestServer[] = [];
  try {
    for (let i = 0; i < 2; i++) servers.push(await startServer({ env: { ...ENV, DATABASE_URL: db.url } }));
    const [a, b] = servers;
    await expect.poll(() => listens(a) + listens(b)).toBe(2);
    const { share, r } = await openOnA(page, a, b);
    await page.evaluate(() => {
      (window as unknown as { __marker: string }).__marker = "same page";
    });
    await sync(b.baseURL, share, [r.assistant("msg_a_answer", "msg_a", 2), r.text("msg_a_answer", "prt_answer", "Answered on B")]);
    await expect(page.getByText("Answered on B")).toBeVisible({ timeout: 2_000 });
    await sync(b.baseURL, share, [r.text("msg_a_answer", "prt_answer", "Answered on B, and then some more")]);
    await expect(page.getByText("Answered on B, and then some more")).toBeVisible({ timeout: 2_000 });
    // An unshare on B: the tombstone on A.
    const del = await fetch(`${b.baseURL}/api/share/${share.id}`, {
      method: "DELETE",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ secret: share.secret }),
    });
    expect(del.status).toBe(200);
    await expect(page.getByTestId("tombstone")).toBeVisible({ timeout: 2_000 });
  } finally {
    for (const s of servers) await s.stop();
    await db.drop();
  }
});

test("after a PostgreSQL restart the LISTEN connection comes back and changes reach the other instance again", async ({ page }) => {
  const why = privateClusterUnsupported();
  test.skip(why !== null && !process.env.CI, why ?? "");
  test.setTimeout(120_000);
  const cluster = await createPgCluster();
  const servers: TestServer[] = [];
  try {
    for (let i = 0; i < 2; i++) servers.push(await startServer({ env: { ...ENV, DATABASE_URL: cluster.url } }));
    const [a, b] = servers;
    await expect.poll(() => listens(a) + listens(b)).toBe(2);
    const { share, r } = await openOnA(page, a, b);
    await page.evaluate(() => {
      (window as unknown as { __marker: string }).__marker = "same page";
    });

    cluster.stop();
    await expect.poll(() => a.output().includes("LISTEN connection failed") && b.output().includes("LISTEN connection failed"), { timeout: 15_000 }).toBe(true);
    cluster.start();
    await expect.poll(() => Math.min(listens(a), listens(b)), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);

    // The store's pool may still hand out a connection the restart closed: the client retries, as
    // OpenCode does, until the sync is answered.
    await expect
      .poll(
        () =>
          sync(b.baseURL, share, [r.assistant("msg_a_answer", "msg_a", 2), r.text("msg_a_answer", "prt_answer", "Answered after the restart")]).then(
            () => true,
            () => false,
          ),
        { timeout: 20_000 },
      )
      .toBe(true);
    await expect(page.getByText("Answered after the restart")).toBeVisible({ timeout: 2_000 });
    expect(await page.evaluate(() => (window as unknown as { __marker?: string }).__marker)).toBe("same page");
  } finally {
    for (const s of servers) await s.stop();
    cluster.destroy();
  }
});
