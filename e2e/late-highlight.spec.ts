// The turns below the first screen come with their code uncoloured and get the colours when they
// near the screen: the page script fetches their HTML from the fragments route and patches it in.
// Only colours change: the text, the reader's open blocks and the scroll position stay. Without
// JavaScript that code is plain text.
import { expect, type Page, test } from "@playwright/test";
import { done, seed, TOKEN, type Item } from "./support/viewer";

const S = "ses_late_hl";
const TURNS = 12;
const code = (k: number) => Array.from({ length: 30 }, (_, i) => `export const value${k}_${i} = "${"x".repeat(i % 7)}" + ${i};`).join("\n");
const READ = Array.from({ length: 80 }, (_, i) => `export const read${i + 1} = ${i + 1};`);
const ITEMS: Item[] = [
  { type: "session", data: { id: S, title: "Code in every turn", directory: "/w/p", version: "1.18.33", time: { created: 1000, updated: 9000 } } },
  ...Array.from({ length: TURNS }, (_, j): Item[] => {
    const k = String(j + 1).padStart(2, "0");
    const at = 1000 + j * 1000;
    return [
      { type: "message", data: { id: `msg_${k}u`, sessionID: S, role: "user", time: { created: at } } },
      { type: "part", data: { id: `prt_${k}u`, sessionID: S, messageID: `msg_${k}u`, type: "text", text: `Write turn ${k}'s constants.` } },
      {
        type: "message",
        data: { id: `msg_${k}a`, sessionID: S, role: "assistant", parentID: `msg_${k}u`, time: { created: at + 1 }, providerID: "p", modelID: "m" },
      },
      {
        type: "part",
        data: {
          id: `prt_${k}r`,
          sessionID: S,
          messageID: `msg_${k}a`,
          type: "reasoning",
          text: "Maybe:\n\n```ts\nconst guess = 1;\n```",
          time: { start: at, end: at + 1 },
        },
      },
      { type: "part", data: { id: `prt_${k}t`, sessionID: S, messageID: `msg_${k}a`, type: "text", text: `Here:\n\n\`\`\`ts\n${code(j + 1)}\n\`\`\`` } },
      // A file long enough to show shortened, with "Show all".
      {
        type: "part",
        data: {
          id: `prt_${k}read`,
          sessionID: S,
          messageID: `msg_${k}a`,
          type: "tool",
          callID: `call_${k}`,
          tool: "read",
          state: done({ filePath: `/w/p/src/f${k}.ts` }, `<content>\n${READ.map((l, i) => `${i + 1}: ${l}`).join("\n")}\n</content>`),
        },
      },
    ];
  }).flat(),
];

const turn = (page: Page, k: number) => page.locator("section.turn").nth(k - 1);

test("the page carries later turns' code uncoloured; each gets its colours when it nears the screen", async ({ page, baseURL, request }) => {
  const id = await seed(baseURL!, ITEMS);
  const html = await (await request.get(`/s/${id}`)).text();
  const sections = html.match(/<section class="turn[^>]*>/g) ?? [];
  expect(sections).toHaveLength(TURNS);
  expect(sections[0]).not.toContain("data-highlight-later");
  for (const s of sections.slice(1)) expect(s).toContain('data-highlight-later=""');

  const asked: string[][] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.pathname.endsWith("/fragments")) asked.push(url.searchParams.get("turns")?.split(",") ?? ["(every turn)"]);
  });
  await page.goto(`/s/${id}`);
  // The first turn is coloured by the server.
  expect(await turn(page, 1).locator(`pre.shiki ${TOKEN}`).count()).toBeGreaterThan(30);
  // The last turn is screens away: still plain, still readable.
  const last = turn(page, TURNS);
  await expect(last).toHaveAttribute("data-highlight-later", "");
  expect(await last.locator(`pre ${TOKEN}`).count()).toBe(0);
  const text = await last.locator(".part-text pre.shiki").textContent();
  expect(text).toBe(code(TURNS));

  await last.scrollIntoViewIfNeeded();
  await expect(last).not.toHaveAttribute("data-highlight-later");
  expect(await last.locator(`.part-text pre.shiki ${TOKEN}`).count()).toBeGreaterThan(30);
  expect(await last.locator(".part-text pre.shiki").textContent()).toBe(text);
  // Asked for by id, never the whole share, and no turn twice.
  const ids = asked.flat();
  expect(ids.length).toBeGreaterThan(0);
  expect(ids).not.toContain("(every turn)");
  expect(new Set(ids).size).toBe(ids.length);
  // The turns between, never near the screen, were not asked for.
  expect(ids.length).toBeLessThan(TURNS - 1);
});

test("what the reader did before the colours came stays: an opened block, a file shown whole, a permalink", async ({ page, baseURL }) => {
  const id = await seed(baseURL!, ITEMS);
  let release!: () => void;
  const held = new Promise<void>((r) => {
    release = r;
  });
  await page.route("**/fragments?**", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/s/${id}`);
  const t8 = turn(page, 8);
  await t8.scrollIntoViewIfNeeded();
  const toggle = t8.locator(".part-reasoning button.collapsible-toggle");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const read = page.locator("#prt_08read");
  const file = read.locator(".code-body [data-copy-source] pre.shiki");
  await read.locator("a.more-lines").click();
  await expect(read.locator(".more-lines")).toHaveCount(0);
  await expect(file).toHaveText(READ.join("\n"));
  await page.locator("#prt_08t").hover();
  await expect(page.locator("#prt_08t > a.copy-link")).toHaveCount(1);
  await expect(t8).toHaveAttribute("data-highlight-later", "");
  const top = await t8.evaluate((s) => s.getBoundingClientRect().top);

  release();
  await expect(t8).not.toHaveAttribute("data-highlight-later");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(t8.locator(".reasoning-body")).toBeVisible();
  expect(await t8.locator(`.reasoning-body ${TOKEN}`).count()).toBeGreaterThan(0);
  expect(await t8.locator(`.part-text pre.shiki ${TOKEN}`).count()).toBeGreaterThan(30);
  // The file shown whole stays whole (it came coloured from the server), with no "Show all" back.
  await expect(file).toHaveText(READ.join("\n"));
  await expect(read.locator(".more-lines")).toHaveCount(0);
  expect(await file.locator(TOKEN).count()).toBeGreaterThan(80);
  await expect(page.locator("#prt_08t > a.copy-link")).toHaveCount(1);
  // Colours change no layout: the turn is where it was.
  expect(await t8.evaluate((s) => s.getBoundingClientRect().top)).toBe(top);
});

test("without JavaScript, later turns' code is plain text", async ({ browser, baseURL }) => {
  const id = await seed(baseURL!, ITEMS);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${baseURL}/s/${id}`);
  expect(await turn(page, 1).locator(`pre.shiki ${TOKEN}`).count()).toBeGreaterThan(30);
  const last = turn(page, TURNS);
  await last.scrollIntoViewIfNeeded();
  await expect(last.locator(".part-text pre.shiki")).toBeVisible();
  expect(await last.locator(".part-text pre.shiki").textContent()).toBe(code(TURNS));
  expect(await last.locator(`pre ${TOKEN}`).count()).toBe(0);
  await context.close();
});

test("a fetch that failed leaves the code readable, and the turn is asked for again", async ({ page, baseURL }) => {
  const id = await seed(baseURL!, ITEMS);
  let failed = 0;
  await page.route("**/fragments?**", (route) =>
    failed++ === 0 ? route.fulfill({ status: 503, json: { error: { code: "unavailable", message: "down" } } }) : route.continue(),
  );
  await page.goto(`/s/${id}`);
  const t2 = turn(page, 2);
  await t2.scrollIntoViewIfNeeded();
  // Near the screen, it is asked for, and that fails.
  await expect.poll(() => failed).toBeGreaterThan(0);
  await expect(t2).toHaveAttribute("data-highlight-later", "");
  expect(await t2.locator(".part-text pre.shiki").textContent()).toBe(code(2));
  // Ten seconds later (RETRY_MS in components/client/late-highlight.ts) it is asked for again.
  await expect(t2).not.toHaveAttribute("data-highlight-later", { timeout: 20_000 });
  expect(await t2.locator(`.part-text pre.shiki ${TOKEN}`).count()).toBeGreaterThan(30);
  expect(failed).toBeGreaterThanOrEqual(2);
});
