// Live follow (issue 14) on one instance (SQLite): a page open in Chromium follows the syncs of a
// running agent without a reload (a growing text part, a tool that runs then completes, a new turn),
// keeps the reader's scroll position, selection and open blocks, offers the "new activity" pill,
// shows and hides the live indicator, and turns into the tombstone on unshare. Then the stream
// itself: headers, heartbeat, caps, and 1,000 readers that come and go leaving nothing behind.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { replay } from "./support/fixtures";
import { createShare, openStream, run, sync, unshare, type Share } from "./support/live";
import { startServer, type TestServer } from "./support/server";

test.describe.configure({ mode: "serial" });

let server: TestServer;
test.beforeAll(async () => {
  server = await startServer({
    env: {
      PARLEY_EVENTS_HEARTBEAT: "1s",
      PARLEY_EVENTS_IDLE: "3s",
      PARLEY_EVENTS_MAX: "4",
      PARLEY_EVENTS_PER_SHARE: "2",
      PARLEY_EVENTS_PER_CLIENT: "3",
      PARLEY_RATE_CREATE: "100000/1m",
      PARLEY_RATE_LOOKUP: "100000/1m",
    },
  });
});
test.afterAll(async () => {
  await server?.stop();
});

const atBottom = (page: Page) => page.evaluate(() => window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 80);
const marker = (page: Page) => page.evaluate(() => (window as unknown as { __marker?: string }).__marker);
const turnOf = (page: Page, messageId: string) => page.locator("section.turn", { has: page.locator(`#${messageId}`) });

test("an open page follows a running agent in place, keeping the reader's place, and turns into the tombstone on unshare", async ({ page }) => {
  test.setTimeout(90_000);
  // A long recorded session (the real client's traffic), so the page scrolls.
  const share = await replay(server.baseURL, "tour");
  const sessionID = ((await (await fetch(`${server.baseURL}/api/share/${share.id}/data`)).json()) as { type: string; data: { id: string } }[]).find(
    (i) => i.type === "session",
  )!.data.id;
  const r = run(sessionID);
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.goto(`${server.baseURL}/s/${share.id}`);
  await page.evaluate(() => {
    (window as unknown as { __marker: string }).__marker = "no reload";
  });
  const live = page.locator(".live-indicator");
  const pill = page.locator(".activity-pill");
  await expect(live).toBeHidden();

  const messages = page.locator('[data-stat="messages"]');
  const messagesBefore = Number(await messages.textContent());
  const toolCalls = page.locator('[data-stat="tool-calls"]');
  const toolCallsBefore = Number(await toolCalls.textContent());

  // At the bottom, a new turn appears and the page follows it.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await sync(server.baseURL, share, [
    ...r.user("msg_zz1_user", "Now count the lines of every file.", 60_000),
    r.assistant("msg_zz1_answer", "msg_zz1_user", 61_000),
    r.reasoning("msg_zz1_answer", "prt_zz1_think", "The reader should be able to open this and keep it open."),
    r.text("msg_zz1_answer", "prt_zz1_text", "Counting the lines"),
  ]);
  await expect(page.getByText("Now count the lines of every file.")).toBeVisible({ timeout: 2_000 });
  await expect(turnOf(page, "msg_zz1_answer")).toContainText("Counting the lines");
  await expect(live).toBeVisible();
  await expect(messages).toHaveText(String(messagesBefore + 2)); // the header's counts follow too
  await expect.poll(() => atBottom(page)).toBe(true);
  expect(await marker(page)).toBe("no reload");

  // The reader opens the reasoning block of the running turn, selects text in the first turn, and
  // scrolls up: from now on the page must stay where they are.
  const thinking = turnOf(page, "msg_zz1_answer").locator(".reasoning > .collapsible-toggle");
  await thinking.click();
  await expect(thinking).toHaveAttribute("aria-expanded", "true");
  await expect(turnOf(page, "msg_zz1_answer").locator(".reasoning-body")).toBeVisible();
  // The pointer made the part's permalink (components/client/viewer.ts): the patches below must not
  // shift the part's children against it.
  await expect(turnOf(page, "msg_zz1_answer").locator(".part-reasoning > a.copy-link")).toHaveCount(1);
  await page.evaluate(() => window.scrollTo(0, 400));
  const firstHeading = page.locator("section.turn h2").first();
  await firstHeading.selectText();
  const selected = await page.evaluate(() => window.getSelection()?.toString());
  expect(selected).toMatch(/turn 1/i);
  const scrollBefore = await page.evaluate(() => window.scrollY);

  // The same text part, longer (the client resends the whole part).
  await sync(server.baseURL, share, [r.text("msg_zz1_answer", "prt_zz1_text", "Counting the lines: src/ has 3 files so far")]);
  await expect(turnOf(page, "msg_zz1_answer")).toContainText("src/ has 3 files so far", { timeout: 2_000 });
  await expect(turnOf(page, "msg_zz1_answer")).toHaveCount(1);
  await expect(pill).toBeVisible();

  // A tool that runs, then completes.
  await sync(server.baseURL, share, [r.bash("msg_zz1_answer", "prt_zz1_tool", "wc -l src/*")]);
  await expect(turnOf(page, "msg_zz1_answer").locator(".badge.running")).toHaveCount(1, { timeout: 2_000 });
  await sync(server.baseURL, share, [r.bash("msg_zz1_answer", "prt_zz1_tool", "wc -l src/*", "  12 src/a.ts\n  30 src/b.ts\n  42 total\n")]);
  await expect(turnOf(page, "msg_zz1_answer").locator(".badge.running")).toHaveCount(0, { timeout: 2_000 });
  await expect(turnOf(page, "msg_zz1_answer")).toContainText("42 total");
  await expect(toolCalls).toHaveText(String(toolCallsBefore + 1));

  // Nothing moved under the reader, their selection and their open block are intact.
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrollBefore)).toBeLessThanOrEqual(2);
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(selected);
  await expect(thinking).toHaveAttribute("aria-expanded", "true");
  await expect(turnOf(page, "msg_zz1_answer").locator(".reasoning-body")).toBeVisible();
  expect(await marker(page)).toBe("no reload");

  // The pill jumps to the new activity, and goes away.
  await pill.click();
  await expect(pill).toBeHidden();
  await expect(turnOf(page, "msg_zz1_answer")).toBeInViewport();

  // No sync for a while (PARLEY_EVENTS_IDLE=3s): the live indicator goes.
  await expect(live).toBeHidden({ timeout: 8_000 });

  // Unshared while open: the tombstone, at once.
  await unshare(server.baseURL, share);
  await expect(page.getByTestId("tombstone")).toBeVisible({ timeout: 2_000 });
  expect(await marker(page)).toBeUndefined();
});

test("the pill and the live indicator fit a phone, are announced politely, and pass axe (light and dark)", async ({ browser }) => {
  test.setTimeout(90_000);
  const share = await replay(server.baseURL, "tour");
  const sessionID = ((await (await fetch(`${server.baseURL}/api/share/${share.id}/data`)).json()) as { type: string; data: { id: string } }[]).find(
    (i) => i.type === "session",
  )!.data.id;
  const r = run(sessionID);
  for (const [n, colorScheme] of (["light", "dark"] as const).entries()) {
    const context = await browser.newContext({ colorScheme, viewport: { width: 390, height: 760 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${server.baseURL}/s/${share.id}`);
    await expect(page.locator("[role=status][aria-live=polite] .live-indicator")).toHaveCount(1);
    await page.evaluate(() => window.scrollTo(0, 0)); // not at the bottom: new activity gets the pill
    await sync(server.baseURL, share, [...r.user(`msg_zz_phone${n}`, `A prompt seen on a phone (${colorScheme})`, 90_000 + n)]);
    const pill = page.locator(".activity-pill");
    const live = page.locator(".live-indicator");
    await expect(pill).toBeVisible({ timeout: 2_000 });
    await expect(live).toBeVisible();
    for (const el of [pill, live]) {
      const box = (await el.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(box.height).toBeGreaterThanOrEqual(20);
    }
    expect((await pill.boundingBox())!.height).toBeGreaterThanOrEqual(44); // a thumb's target
    const results = await new AxeBuilder({ page }).include(".activity-pill").include(".live-indicator").analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${colorScheme} ${v.id}`)).toEqual([]);
    await context.close();
  }
});

test("without JavaScript the page is the static page, and stays so", async ({ browser }) => {
  const share = await createShare(server.baseURL, "ses_nojs");
  const r = run("ses_nojs");
  await sync(server.baseURL, share, [r.session("No script"), ...r.user("msg_a", "First prompt", 1)]);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.baseURL}/s/${share.id}`);
  await sync(server.baseURL, share, [...r.user("msg_b", "Second prompt", 2)]);
  await page.waitForTimeout(1_500); // the absence of a change cannot be awaited: give it the 2 s budget
  await expect(page.getByText("First prompt")).toBeVisible();
  await expect(page.getByText("Second prompt")).toHaveCount(0);
  await expect(page.locator(".live-indicator, .activity-pill")).toHaveCount(0);
  await context.close();
});

test("the event stream: noindex, no-store, not buffered, hello, heartbeats, versions with the changed turns, and a final gone", async () => {
  const share = await createShare(server.baseURL, "ses_stream");
  const r = run("ses_stream");
  const v1 = await sync(server.baseURL, share, [r.session("Stream"), ...r.user("msg_a", "First", 1), ...r.user("msg_b", "Second", 2)]);
  const stream = await openStream(`${server.baseURL}/api/share/${share.id}/events`);
  try {
    expect(stream.status).toBe(200);
    expect(stream.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    expect(stream.headers["cache-control"]).toBe("no-store");
    expect(stream.headers["x-accel-buffering"]).toBe("no");
    expect(stream.headers["x-robots-tag"]).toBe("noindex, nofollow");
    expect(JSON.parse((await stream.next("hello")).data)).toEqual({ version: v1, idleMs: 3000 });
    await expect.poll(() => stream.comments, { timeout: 5_000 }).toBeGreaterThanOrEqual(2); // PARLEY_EVENTS_HEARTBEAT=1s

    // Only the turn that changed is named.
    const v2 = await sync(server.baseURL, share, [r.text("msg_b", "prt_msg_b_text", "Second, edited")]);
    expect(JSON.parse((await stream.next("version")).data)).toEqual({ version: v2, turns: ["msg_b"] });
    const fragments = await fetch(`${server.baseURL}/s/${share.id}/fragments?turns=msg_b`);
    expect(fragments.headers.get("cache-control")).toBe("no-store");
    expect(fragments.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    const body = await fragments.json();
    expect(body).toMatchObject({ version: v2, order: ["msg_a", "msg_b"], files: null, header: null });
    expect(body.turns).toHaveLength(1);
    expect(body.turns[0].html).toContain("Second, edited");
    expect(body.turns[0].html).toMatch(
      /^<section class="turn turn-deferred" aria-labelledby="turn-msg_b"><h2 class="turn-title" id="turn-msg_b">Turn <!-- -->2/,
    );

    await unshare(server.baseURL, share);
    expect(JSON.parse((await stream.next("gone")).data)).toEqual({ reason: "unshared" });
    await expect.poll(() => stream.body.endsWith('data: {"reason":"unshared"}\n\n')).toBe(true);
  } finally {
    stream.close();
  }
  // Gone: no new stream, and no fragments.
  const refused = await openStream(`${server.baseURL}/api/share/${share.id}/events`);
  expect(refused.status).toBe(410);
  expect(JSON.parse(refused.body)).toMatchObject({ error: { code: "gone" } });
  expect((await fetch(`${server.baseURL}/s/${share.id}/fragments`)).status).toBe(410);
});

test("an expiry ends the stream with gone (noticed at the next heartbeat), and the open page turns into the tombstone", async ({ page }) => {
  const share = await createShare(server.baseURL, "ses_expiry");
  const r = run("ses_expiry");
  await sync(server.baseURL, share, [r.session("Expiring"), ...r.user("msg_a", "Soon gone", 1)]);
  await page.goto(`${server.baseURL}/s/${share.id}`);
  const stream = await openStream(`${server.baseURL}/api/share/${share.id}/events`);
  try {
    await stream.next("hello");
    const expiresAt = Date.now() + 2_000;
    const put = await fetch(`${server.baseURL}/api/share/${share.id}/expiry`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ secret: share.secret, expiresAt }),
    });
    expect(put.status).toBe(200);
    expect(JSON.parse((await stream.next("gone", 6_000)).data)).toEqual({ reason: "expired" });
    // PARLEY_EVENTS_HEARTBEAT=1s: within about a beat of the expiry.
    expect(Date.now() - expiresAt).toBeLessThan(2_500);
    await expect(page.getByTestId("tombstone")).toBeVisible({ timeout: 3_000 });
  } finally {
    stream.close();
  }
});

test("caps: per share and per client address 429 too_many_streams, all told 503 streams_full, in the error model", async () => {
  const shares: Share[] = [];
  for (let i = 0; i < 4; i++) {
    const share = await createShare(server.baseURL, `ses_cap${i}`);
    await sync(server.baseURL, share, [run(`ses_cap${i}`).session(`Cap ${i}`)]);
    shares.push(share);
  }
  const url = (i: number) => `${server.baseURL}/api/share/${shares[i].id}/events`;
  const open = [await openStream(url(0), { localAddress: "127.0.0.2" }), await openStream(url(0), { localAddress: "127.0.0.2" })];
  try {
    // PARLEY_EVENTS_PER_SHARE=2
    const perShare = await openStream(url(0), { localAddress: "127.0.0.3" });
    expect(perShare.status).toBe(429);
    expect(perShare.headers["content-type"]).toContain("application/json");
    expect(JSON.parse(perShare.body)).toMatchObject({ error: { code: "too_many_streams" } });
    // PARLEY_EVENTS_PER_CLIENT=3
    open.push(await openStream(url(1), { localAddress: "127.0.0.2" }));
    const perClient = await openStream(url(2), { localAddress: "127.0.0.2" });
    expect(perClient.status).toBe(429);
    expect(JSON.parse(perClient.body)).toMatchObject({ error: { code: "too_many_streams" } });
    // PARLEY_EVENTS_MAX=4
    open.push(await openStream(url(2), { localAddress: "127.0.0.3" }));
    const full = await openStream(url(3), { localAddress: "127.0.0.4" });
    expect(full.status).toBe(503);
    expect(JSON.parse(full.body)).toMatchObject({ error: { code: "streams_full" } });
    expect(open.map((s) => s.status)).toEqual([200, 200, 200, 200]);
  } finally {
    for (const s of open) s.close();
  }
  // Closed streams are released at once: a new one is admitted.
  await expect
    .poll(async () => {
      const s = await openStream(url(3), { localAddress: "127.0.0.4" });
      s.close();
      return s.status;
    })
    .toBe(200);
});

test("1,000 readers connecting and going away leave nothing behind: the open-stream gauge back to 0, RSS flat", async () => {
  test.setTimeout(120_000);
  const metricsPort = 20_000 + Math.floor(Math.random() * 20_000);
  const own = await startServer({ env: { PARLEY_METRICS_PORT: String(metricsPort), PARLEY_EVENTS_PER_CLIENT: "100", PARLEY_EVENTS_PER_SHARE: "100" } });
  const metric = async (name: string) => {
    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    return Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1]);
  };
  try {
    const share = await createShare(own.baseURL, "ses_cycles");
    await sync(own.baseURL, share, [run("ses_cycles").session("Cycles"), ...run("ses_cycles").user("msg_a", "Hello", 1)]);
    const url = `${own.baseURL}/api/share/${share.id}/events`;
    const cycles = async (n: number) => {
      // Ten at a time: each one connected (its hello read), then its socket closed by the reader.
      for (let i = 0; i < n; i += 10)
        await Promise.all(
          Array.from({ length: 10 }, async () => {
            const s = await openStream(url);
            await s.next("hello");
            s.close();
          }),
        );
    };
    await cycles(200); // warm-up: JIT, buffers and pools reach their working size
    await expect.poll(() => metric("parley_event_streams_open")).toBe(0);
    const before = await metric("parley_process_resident_memory_bytes");
    await cycles(1000);
    await expect.poll(() => metric("parley_event_streams_open")).toBe(0);
    const after = await metric("parley_process_resident_memory_bytes");
    console.log(`live-follow cycles: RSS ${Math.round(before / 1048576)} MiB before, ${Math.round(after / 1048576)} MiB after 1,000 cycles`);
    expect(after - before).toBeLessThan(24 * 1024 * 1024);
    // And the share's hub entry went with its last reader: a sync now reads nothing for nobody.
    await sync(own.baseURL, share, [run("ses_cycles").session("Cycles, after")]);
    expect(await metric("parley_event_streams_open")).toBe(0);
  } finally {
    await own.stop();
  }
});
