// Oversized content degrades, never breaks (issue 6), with the recorded sessions' real large content:
// the tour's 5,000-line bash output, the attachment session's 2.9 MB screenshot, an attachment left out
// by a low-limit server, and a long synthetic session that streams.
import http from "node:http";
import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { readMergedData, replay } from "./support/fixtures";
import { startServer } from "./support/server";
import { seed, shareFor, watchConsole } from "./support/viewer";
import { syntheticSession } from "../bench/synthetic";

const tool = (page: import("@playwright/test").Page, name: string) => page.locator(`[data-part-type="tool"][data-tool="${name}"]`);
type Loose = Record<string, unknown>;
const partOf = (scenario: "tour" | "attachment", find: (d: Loose) => boolean) =>
  readMergedData(scenario).find((i) => i.type === "part" && find(i.data as Loose))!.data as Loose;
const decodedBytes = (dataUrl: string) => Buffer.from(dataUrl.split(",")[1], "base64").length;

test("the tour's 5,000-line bash output shows its first lines and links the whole text", async ({ page, baseURL }) => {
  const id = await shareFor(baseURL!, "tour");
  const bash = partOf("tour", (d) => d.type === "tool" && String((d.state as Loose).output).includes("line 03218"));
  const output = String((bash.state as Loose).output);
  const lines = output.replace(/\n+$/, "").split("\n").length;
  const kb = (Buffer.byteLength(output) / 1024).toFixed(1);
  await page.goto(`/s/${id}`);
  const long = tool(page, "bash").filter({ hasText: "Print ~5000 lines" });
  await expect(long.locator(".terminal")).toContainText("line 02305: the quick brown fox");
  await expect(long.locator(".terminal")).not.toContainText("line 03218");
  const link = long.getByRole("link", { name: `show all (${lines} lines, ${kb} KB)` });
  await expect(link).toHaveAttribute("href", `/s/${id}/raw/${bash.id}`);
  const raw = await page.request.get(String(await link.getAttribute("href")));
  expect(raw.status()).toBe(200);
  expect(raw.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  expect(await raw.text()).toBe(output);
  // Short outputs are untouched.
  await expect(tool(page, "bash").filter({ hasText: "ls -la && git status --short" }).getByTestId("show-all")).toHaveCount(0);
});

test("attachments come from their own URL; the 2.9 MB screenshot is a placeholder that loads on click", async ({ page, baseURL }) => {
  const id = await shareFor(baseURL!, "attachment");
  const html = await (await fetch(`${baseURL}/s/${id}`)).text();
  expect(html).not.toContain("base64,");
  expect(html.length).toBeLessThan(300_000);

  const gradient = partOf("attachment", (d) => d.filename === "gradient-64.png");
  const huge = partOf("attachment", (d) => d.filename === "huge-screenshot.png");
  const reader = partOf("attachment", (d) => d.type === "tool" && Array.isArray((d.state as Loose).attachments));
  const hugeUrl = `/s/${id}/file/${huge.id}`;
  const requests: string[] = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`/s/${id}`);

  const img = page.locator('img[alt="gradient-64.png"]');
  await expect(img).toHaveAttribute("src", `/s/${id}/file/${gradient.id}`);
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(64);
  const read = tool(page, "read").locator("img");
  await expect(read).toHaveAttribute("src", `/s/${id}/file/${reader.id}/0`);
  await expect.poll(() => read.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(16);

  const placeholder = page.getByTestId("large-image");
  await expect(placeholder).not.toHaveAttribute("open");
  const mb = (decodedBytes(String(huge.url)) / 1024 / 1024).toFixed(1);
  await expect(placeholder.locator("summary")).toContainText(`huge-screenshot.png`);
  await expect(placeholder.locator("summary")).toContainText(`${mb} MB`);
  await page.waitForLoadState("networkidle");
  expect(requests).not.toContain(hugeUrl);
  await placeholder.locator("summary").click();
  const big = placeholder.locator('img[alt="huge-screenshot.png"]');
  await expect(big).toBeVisible();
  await expect.poll(() => big.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
  expect(requests).toContain(hugeUrl);

  const file = await page.request.get(hugeUrl);
  expect(file.headers()["content-type"]).toBe("image/jpeg");
  expect((await file.body()).length).toBe(decodedBytes(String(huge.url)));
  // A text attachment is a download link to its URL.
  const notes = partOf("attachment", (d) => d.filename === "meeting-notes.txt");
  await expect(page.locator(`a.file-download[href="/s/${id}/file/${notes.id}"]`)).toHaveAttribute("download", "meeting-notes.txt");
});

test("without JavaScript the large image still opens and loads", async ({ browser, baseURL }) => {
  const id = await shareFor(baseURL!, "attachment");
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${baseURL}/s/${id}`);
  const placeholder = page.getByTestId("large-image");
  await placeholder.locator("summary").click();
  const big = placeholder.locator("img");
  await expect(big).toBeVisible();
  await expect.poll(() => big.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
  await context.close();
});

test("an attachment over the server's limit says what was left out", async ({ browser }) => {
  const server = await startServer({ env: { PARLEY_MAX_ATTACHMENT: "1MiB" } });
  try {
    const share = await replay(server.baseURL, "attachment");
    const huge = partOf("attachment", (d) => d.filename === "huge-screenshot.png");
    const mib = decodedBytes(String(huge.url)) / 1024 / 1024;
    const size = mib >= 10 ? String(Math.round(mib)) : mib.toFixed(1);
    const page = await browser.newPage();
    await page.goto(`${server.baseURL}/s/${share.id}`);
    const omitted = page.getByTestId("attachment-omitted");
    await expect(omitted).toHaveCount(1);
    await expect(omitted).toContainText("huge-screenshot.png");
    await expect(omitted).toContainText(`not included: ${size} MB is over this server's 1 MB limit`);
    await expect(omitted.locator("img")).toHaveCount(0);
    // The rest of the session is intact.
    await expect(page.locator('img[alt="gradient-64.png"]')).toBeVisible();
    await page.close();
  } finally {
    await server.stop();
  }
});

test("a reader who leaves a long page early stops its rendering; one who stays gets all of it", async () => {
  test.slow(); // its own server and two 1,000-message shares
  // No render at ingest: the reader's own request must be the one rendering.
  const server = await startServer({ env: { PARLEY_PRERENDER: "off" } });
  try {
    const items = syntheticSession(1000, 11, "ses_abandoned");
    const left = await seed(server.baseURL, items);
    await new Promise<void>((resolve, reject) => {
      const req = http.get(`${server.baseURL}/s/${left}`, (res) =>
        res.once("data", () => {
          req.destroy(); // the tab is closed once the first screen is there
          resolve();
        }),
      );
      req.on("error", reject);
    });
    await expect
      .poll(() => server.output(), { timeout: 20_000 })
      .toMatch(new RegExp(`stopped rendering share ${left.slice(0, 6)}… after turn \\d+: the reader went away`));
    const stayed = await seed(server.baseURL, items);
    const html = await (await fetch(`${server.baseURL}/s/${stayed}`)).text();
    const turns = items.filter((i) => i.type === "message" && i.data.role === "user").length;
    expect(html).toContain(`>Turn <!-- -->${turns}<`);
    expect(server.output()).not.toContain(`stopped rendering share ${stayed.slice(0, 6)}…`);
  } finally {
    await server.stop();
  }
});

test.describe("a long session", () => {
  // Markers in the first and in the very last text part, to find them in the page.
  const FIRST = `first-screen-marker-${Date.now()}`;
  const LAST = `last-chunk-marker-${Date.now()}`;
  const items = syntheticSession(300, 7, "ses_long");
  const texts = items.filter((i) => i.type === "part" && i.data.type === "text");
  texts[0].data = { ...texts[0].data, text: `${texts[0].data.text} ${FIRST}` };
  texts.at(-1)!.data = { ...texts.at(-1)!.data, text: `${texts.at(-1)!.data.text} ${LAST}\n\n\`\`\`ts\nconst copied = "${LAST}";\n\`\`\`` };
  const turns = items.filter((i) => i.type === "message" && i.data.role === "user").length;
  let id = "";
  test.beforeAll(async ({ baseURL }) => {
    id = await seed(baseURL!, items);
  });

  test("streams every turn in order; turns after the first skip layout until near", async ({ page }) => {
    await page.goto(`/s/${id}`);
    await expect(page.locator("section.turn")).toHaveCount(turns);
    await expect(page.locator(".turn-title").last()).toHaveText(new RegExp(`^Turn ${turns}\\b`));
    const first = page.locator("section.turn").first();
    const last = page.locator("section.turn").last();
    await expect(first).toHaveCSS("content-visibility", "visible");
    await expect(last).toHaveCSS("content-visibility", "auto");
    await expect(last).toHaveCSS("contain-intrinsic-size", /auto/);
    const titles = await page.locator(".turn-title").allTextContents();
    expect(titles.map((t) => Number(/Turn (\d+)/i.exec(t)![1]))).toEqual(Array.from({ length: turns }, (_, i) => i + 1));
    // Printing lays out everything.
    await page.emulateMedia({ media: "print" });
    await expect(last).toHaveCSS("content-visibility", "visible");
  });

  test("the page carries the conversation once, and no framework: no hydration payload, one small inline script", async ({ baseURL }) => {
    const html = await (await fetch(`${baseURL}/s/${id}`)).text();
    const count = (needle: string) => html.split(needle).length - 1;
    expect(count(FIRST)).toBe(1);
    // The last text part: its paragraph and its code block (highlighting splits the code's tokens).
    expect(count(LAST)).toBe(2);
    expect(html).not.toContain("__next_f");
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
    const all = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    // One script with code; the rest are the empty parser breaks between runs of turns (turn-runs.tsx).
    const scripts = all.filter((text) => text !== "");
    expect(scripts).toHaveLength(1);
    expect(all.length).toBeGreaterThan(1);
    // Copy controls, permalinks, lazy blocks and live follow: a few KB, far under issue 17's 30 KB gzip.
    expect(scripts[0].length).toBeLessThan(12 * 1024);
    expect(gzipSync(scripts[0]).length).toBeLessThan(4 * 1024);
  });

  test("streamed turns' copy buttons and permalinks work", async ({ page, context, baseURL }) => {
    const problems = watchConsole(page);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(`/s/${id}`);
    await expect(page.locator("section.turn")).toHaveCount(turns);
    await expect(page.locator("html")).toHaveAttribute("data-copy-ready", "");
    await page.waitForLoadState("networkidle");
    await expect(page.locator("section.turn")).toHaveCount(turns);
    await expect(page.getByText(FIRST)).toBeVisible();
    const block = page.locator(".code-block", { hasText: LAST }).last();
    await block.scrollIntoViewIfNeeded();
    // Located by class: its accessible name changes to "Copied" for a moment.
    const button = block.locator("button.copy-button");
    await expect(button).toHaveAccessibleName("Copy code");
    // The feedback lasts only 1.5 s, shorter than a round trip to a loaded browser may take: watched
    // from inside the page, text and accessible name in one snapshot.
    const feedback = button.evaluate(
      (b) =>
        new Promise<string>((resolve) => {
          const start = Date.now();
          const check = () => {
            const seen = `${b.textContent}|${b.getAttribute("aria-label")}`;
            if (seen === "Copied|Copied" || Date.now() - start > 20_000) resolve(seen);
            else setTimeout(check, 10);
          };
          check();
        }),
    );
    await button.click();
    expect(await feedback).toBe("Copied|Copied");
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`const copied = "${LAST}";`);
    await expect(button).toHaveText("Copy");
    const message = page.locator('[data-testid="message"]').last();
    await message.hover();
    await message.locator(".message-head .copy-link").click();
    const anchor = await message.getAttribute("id");
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/s/${id}#${anchor}`);
    await expect(page).toHaveURL(new RegExp(`#${anchor}$`));
    expect(problems).toEqual([]);
  });

  test("without JavaScript the whole conversation streams in, in order", async ({ browser, baseURL }) => {
    test.slow(); // 300 turns, each checked for visibility
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL}/s/${id}`);
    await expect(page.locator("section.turn:visible")).toHaveCount(turns);
    await expect(page.locator(".turn-title").last()).toHaveText(new RegExp(`^Turn ${turns}\\b`));
    await expect(page.getByText(LAST).first()).toBeAttached();
    await context.close();
  });
});
