// A long file a tool read or wrote, a long edit diff and a long files-changed summary are not laid out
// whole: the page shows their first lines (or, for the summary, the file list) and fetches the rest
// from the server when the reader opens it. Without JavaScript the same content opens as text.
import { expect, test } from "@playwright/test";
import { done, seed, TOKEN, type Item } from "./support/viewer";

const S = "ses_lazy";
const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i + 1)).join("\n");
const FILE = lines(80, (i) => `export const value${i} = ${i};`);
const PATCH = `--- a/src/big.ts\n+++ b/src/big.ts\n@@ -1,60 +1,60 @@\n${lines(60, (i) => (i % 2 ? `-old${i}` : `+new${i}`))}\n`;
const tool = (id: string, name: string, state: Record<string, unknown>): Item => ({
  type: "part",
  data: { id, sessionID: S, messageID: "msg_02", type: "tool", callID: id, tool: name, state },
});
const ITEMS: Item[] = [
  { type: "session", data: { id: S, title: "Long blocks", directory: "/w/p", version: "1.18.33", time: { created: 1000, updated: 9000 } } },
  {
    type: "session_diff",
    data: Array.from({ length: 4 }, (_, f) => ({
      path: `src/f${f}.ts`,
      status: "modified",
      additions: 30,
      deletions: 30,
      patch: PATCH.replaceAll("big", `f${f}`),
    })),
  },
  { type: "message", data: { id: "msg_01", sessionID: S, role: "user", time: { created: 1000 } } },
  { type: "part", data: { id: "prt_01", sessionID: S, messageID: "msg_01", type: "text", text: "Read it, write it, edit it." } },
  { type: "message", data: { id: "msg_02", sessionID: S, role: "assistant", time: { created: 2000 }, providerID: "p", modelID: "m" } },
  tool("prt_read", "read", done({ filePath: "/w/p/src/big.ts" }, `<content>\n${lines(80, (i) => `${i}: export const value${i} = ${i};`)}\n</content>`)),
  tool("prt_write", "write", done({ filePath: "/w/p/src/out.ts", content: FILE }, "Wrote file successfully.", { exists: false })),
  tool("prt_edit", "edit", done({ filePath: "/w/p/src/big.ts" }, "Edit applied successfully.", { diff: PATCH })),
];

const codeLines = (text: string) => text.replace(/\n$/, "").split("\n").length;

test("long reads, writes and edit diffs show their first lines and fetch the rest in place when opened", async ({ page, baseURL }) => {
  const id = await seed(baseURL!, ITEMS);
  await page.goto(`/s/${id}`);
  for (const [part, whole] of [
    ["prt_read", 80],
    ["prt_write", 80],
  ] as const) {
    const code = page.locator(`#${part} .code-body [data-copy-source] pre.shiki`);
    expect(codeLines((await code.textContent()) ?? "")).toBe(12);
    await expect(page.locator(`#${part} .line-gutter`)).toHaveText(lines(12, (i) => String(i).padStart(2)));
    await page.locator(`#${part} a.more-lines`).click();
    await expect(page.locator(`#${part} .more-lines`)).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`/s/${id}$`)); // filled in place, not followed
    expect(codeLines((await code.textContent()) ?? "")).toBe(whole);
    await expect(code).toContainText(`export const value${whole} = ${whole};`);
    // Still highlighted, and numbered to the end.
    expect(await code.locator(TOKEN).count()).toBeGreaterThan(whole);
    expect(((await page.locator(`#${part} .line-gutter`).textContent()) ?? "").trim().split("\n").at(-1)?.trim()).toBe(String(whole));
  }
  const edit = page.locator("#prt_edit");
  await expect(edit.locator(".diff-code .diff-add, .diff-code .diff-del")).toHaveCount(11); // 12 rows: the hunk header and 11 lines
  await edit.locator("a.more-lines").click();
  await expect(edit.locator(".diff-code .diff-add")).toHaveCount(30);
  await expect(edit.locator(".diff-code .diff-del")).toHaveCount(30);
  // Opened, the diff carries the whole patch for its copy button.
  await expect(edit.locator("pre[data-copy-source]")).toHaveText(PATCH);
});

test("Copy on a shortened file or diff copies all of it, fetched from the server", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const id = await seed(baseURL!, ITEMS);
  await page.goto(`/s/${id}`);
  await expect(page.locator("html")).toHaveAttribute("data-copy-ready", "");
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  // The shortened diff carries no hidden copy of the patch.
  await expect(page.locator("#prt_edit pre[data-copy-source]")).toHaveCount(0);
  await page.locator("#prt_edit").getByRole("button", { name: "Copy diff" }).click();
  await expect.poll(clipboard).toBe(PATCH); // as stored, its last newline too
  await expect(page.locator("#prt_edit button.copy-button")).toHaveText("Copied");
  await page.locator("#prt_write").getByRole("button", { name: "Copy code" }).click();
  await expect.poll(clipboard).toBe(FILE);
});

test("a long files-changed summary starts closed with nothing inside; opening a file or following its permalink fetches its diff", async ({
  page,
  baseURL,
}) => {
  const id = await seed(baseURL!, ITEMS);
  await page.goto(`/s/${id}`);
  const files = page.getByTestId("file-diff");
  await expect(files).toHaveCount(4);
  await expect(page.locator(".files-changed .diff-code")).toHaveCount(0);
  for (let f = 0; f < 4; f++) await expect(files.nth(f).getByRole("button", { expanded: false })).toHaveCount(1);
  await files.nth(1).getByRole("button", { name: "src/f1.ts" }).click();
  await expect(files.nth(1).getByRole("button", { name: "src/f1.ts" })).toHaveAttribute("aria-expanded", "true");
  await expect(files.nth(1).locator(".diff-code .diff-add")).toHaveCount(30);
  await expect(files.nth(1).locator(".diff-code")).toContainText("new60");
  // A permalink to a collapsed file opens it.
  await page.goto(`/s/${id}#file-src-f3.ts`);
  await expect(files.nth(3).locator(".diff-code .diff-add")).toHaveCount(30);
});

test("without JavaScript the shortened blocks link their whole content as text; the routes answer in the error model", async ({
  browser,
  baseURL,
  request,
}) => {
  const id = await seed(baseURL!, ITEMS);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${baseURL}/s/${id}`);
  const read = page.locator("#prt_read a.more-lines");
  await expect(read).toHaveText("Show all 80 lines");
  const href = await read.getAttribute("href");
  expect(href).toBe(`/s/${id}/code/prt_read`);
  const text = await request.get(href!);
  expect(text.headers()["content-type"]).toContain("text/plain");
  expect(text.headers()["x-robots-tag"]).toContain("noindex");
  expect(await text.text()).toBe(lines(80, (i) => `export const value${i} = ${i};`));
  expect(await (await request.get(`/s/${id}/code/prt_edit`)).text()).toBe(PATCH);
  // Without JavaScript a collapsed block is shown open, its button a plain label.
  const file = page.getByTestId("file-diff").first();
  await expect(file.locator("[data-fragment-body] a")).toBeVisible();
  expect(await (await request.get((await file.locator("[data-fragment-body] a").getAttribute("href"))!)).text()).toBe(PATCH.replaceAll("big", "f0"));
  await context.close();
  for (const [path, status, code] of [
    [`/s/${id}/code/prt_01`, 404, "not_found"],
    [`/s/${id}/code/prt_nope`, 404, "not_found"],
    [`/s/${id}/diff/file-nope`, 404, "not_found"],
  ] as const) {
    const res = await request.get(path);
    expect(res.status()).toBe(status);
    expect((await res.json()).error.code).toBe(code);
  }
});
