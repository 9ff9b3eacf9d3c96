// One check per part type and the page header, over the recordings plus a synthetic share (seeded
// through the public API) for part types, tool states and tools the recordings do not contain.
import { expect, test, type Page } from "@playwright/test";
import { done, seed, shareFor, TOKEN, type Item } from "./support/viewer";

const part = (page: Page, type: string) => page.locator(`[data-testid="part"][data-part-type="${type}"]`);

test("header shows title, times, model, agent, version, totals and files changed linking to diffs", async ({ page, baseURL }) => {
  await page.goto(`/s/${await shareFor(baseURL!, "tour")}`);
  const header = page.getByTestId("share-header");
  await expect(header.getByRole("heading", { level: 1 })).toHaveText("Tour of the greeter project");
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(header.locator("time").first()).toHaveAttribute("datetime", new Date(1795607901644).toISOString());
  await expect(header.getByTestId("model")).toHaveText(["Mock Model 1"]);
  await expect(header.getByTestId("agent")).toHaveText(["@build"]);
  await expect(header.getByTestId("version")).toHaveText("v1.18.33");
  await expect(header.locator('[data-stat="messages"]')).toHaveText("24");
  await expect(header.locator('[data-stat="tool-calls"]')).toHaveText("21");
  await expect(header.locator('[data-stat="tokens"]')).toContainText("42k in · 1.3k out");
  await expect(header.locator('[data-stat="tokens"]')).toContainText("62k cache read");
  await expect(header.locator('[data-stat="cost"]')).toHaveText("$0.16");
  await expect(header.locator('[data-stat="wall-time"]')).toHaveText(/\d+ s/);
  const files = header.getByRole("navigation", { name: "Files changed" });
  await expect(files.locator("li")).toHaveCount(2);
  await files.getByRole("link", { name: "src/greet.ts" }).click();
  await expect(page).toHaveURL(/#file-src-greet\.ts$/);
  const diff = page.locator("#file-src-greet\\.ts");
  await expect(diff).toBeInViewport();
  await expect(diff.locator(".diff-code .diff-add")).toHaveCount(7);
});

test("assistant markdown: GFM tables, task lists, strikethrough, highlighted fences with labels, raw HTML shown literally", async ({ page, baseURL }) => {
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(`/s/${await shareFor(baseURL!, "tour")}`);
  const md = part(page, "text").filter({ hasText: "Here is what happened during the tour" }).locator(".markdown");
  await expect(md.locator("table").first().locator("th")).toHaveText(["File", "Change", "Lines"]);
  await expect(md.locator('.task-box[aria-label="done"]')).toHaveCount(2);
  await expect(md.locator("del")).toHaveText("Update README with usage");
  await expect(md.locator(".code-block")).toHaveCount(6);
  await expect(md.locator(".code-block .code-lang")).toHaveText(["ts", "python", "rust", "sql", "diff", "json"]);
  expect(await md.locator(".code-block").first().locator(TOKEN).count()).toBeGreaterThan(3);
  const link = md.getByRole("link", { name: "link" });
  await expect(link).toHaveAttribute("href", "https://example.com/docs");
  await expect(link).toHaveAttribute("rel", "nofollow noopener noreferrer ugc");
  await expect(md).toContainText('<script>alert("tour-xss")</script>');
  await expect(md).toContainText("<img src=x onerror=alert(1)>");
  expect(await page.locator("main script, main img[onerror]").count()).toBe(0);
  expect(dialogs).toBe(0);
});

test("user text keeps whitespace; reasoning is a collapsed Thinking block", async ({ page, baseURL }) => {
  await page.goto(`/s/${await shareFor(baseURL!, "tour")}`);
  const user = page.locator('[data-testid="message"][data-role="user"]').first();
  await expect(user.locator(".user-text")).toHaveText(/^Give me a tour of this repo/);
  await expect(user.locator(".user-text")).toHaveCSS("white-space", "pre-wrap");
  const thinking = part(page, "reasoning").first();
  const toggle = thinking.getByRole("button", { name: /^Thinking/ });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  const body = thinking.getByText("I will start by listing the repository");
  await expect(body).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(body).toBeVisible();
  await toggle.click();
  await expect(body).toBeHidden();
  // Find-in-page (here its standard hook, beforematch) opens the block it finds text in.
  await thinking.locator(".collapsible-body").evaluate((el) => el.dispatchEvent(new Event("beforematch", { bubbles: true })));
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(body).toBeVisible();
});

test("step-start marks the model once, step-finish shows tokens and cost, patch lists files", async ({ page, baseURL }) => {
  await page.goto(`/s/${await shareFor(baseURL!, "tour")}`);
  await expect(part(page, "step-start")).toHaveCount(1);
  await expect(part(page, "step-start")).toContainText("Mock Model 1");
  await expect(part(page, "step-finish").first()).toHaveText("600 in · 38 out · 12 reasoning · 900 cache read · $0.0028");
  const patch = part(page, "patch").first();
  await expect(patch).toContainText("src/greet.ts");
  await expect(patch.getByRole("link", { name: "src/greet.ts" })).toHaveAttribute("href", "#file-src-greet.ts");
});

test("file parts: data images inline, text attachments as chips, file:// never loaded, huge images only on click", async ({ page, baseURL }) => {
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`/s/${await shareFor(baseURL!, "attachment")}`);
  const img = part(page, "file").locator('img[alt="gradient-64.png"]');
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(64);
  const notes = part(page, "file").filter({ hasText: "meeting-notes.txt" });
  await expect(notes.getByTestId("file-chip")).toContainText("text/plain");
  await notes.getByRole("button", { name: "Contents of meeting-notes.txt" }).click();
  await expect(notes.locator(".plain-output")).toContainText("ship the share viewer");
  const local = part(page, "file").filter({ hasText: "src/app.ts" });
  await expect(local.getByTestId("file-chip")).toContainText("local file src/app.ts");
  const huge = part(page, "file").filter({ hasText: "huge-screenshot.png" });
  await expect(huge.getByTestId("file-chip")).toContainText("large image: show it");
  await expect(huge.getByTestId("large-image")).not.toHaveAttribute("open");
  await expect(page.getByText("Called the Read tool with the following input")).toHaveCount(0);
  const origin = new URL(baseURL!).origin;
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:"))).toEqual([]);
});

test("aborted: message errors, API errors with status, compaction marker and summary", async ({ page, baseURL }) => {
  await page.goto(`/s/${await shareFor(baseURL!, "aborted")}`);
  const errors = page.getByTestId("message-error");
  await expect(errors).toHaveCount(4);
  await expect(errors.nth(0)).toHaveAttribute("data-error", "MessageAbortedError");
  await expect(errors.nth(0)).toContainText("Stopped by the user");
  await expect(errors.nth(2)).toContainText("HTTP 400");
  await expect(errors.nth(2)).toContainText("unsupported parameter 'mock_param'");
  await expect(errors.nth(3)).toContainText("HTTP 401");
  await errors.nth(3).getByRole("button", { name: "Response body" }).click();
  await expect(errors.nth(3).locator(".plain-output")).toContainText("invalid_api_key");
  await expect(part(page, "compaction")).toContainText("Compacted here");
  await expect(part(page, "compaction")).toContainText("overflowed");
  await expect(page.locator(".message-summary")).toContainText("Conversation summary");
  // Partial text of an aborted stream is kept; empty text of a broken stream is not.
  await expect(page.getByText("Here is the beginning of a long answer")).toBeVisible();
});

test("opening /s/<id>#<part> scrolls to and highlights it; copy-link copies the permalink", async ({ page, baseURL, context }) => {
  const id = await shareFor(baseURL!, "tour");
  await page.goto(`/s/${id}#prt_2129286e30018I4InuNd1mMqfD`);
  const target = page.locator("#prt_2129286e30018I4InuNd1mMqfD");
  await expect(target).toBeInViewport();
  await expect(target).toHaveCSS("outline-style", "solid");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const msg = page.locator('[data-testid="message"]').first();
  await msg.hover();
  await msg.locator(".message-head .copy-link").click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/s/${id}#${await msg.getAttribute("id")}`);
  await page.goto(`/share/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tour of the greeter project");
});

test("a part's permalink is made when the part is first hovered or focused, and copies the part's URL", async ({ page, baseURL, context }) => {
  const id = await shareFor(baseURL!, "tour");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  // Not in the HTML: the page's script makes it.
  const html = await (await page.request.get(`/s/${id}`)).text();
  expect(html).not.toMatch(/<a href="#prt_[^"]*" class="copy-link"/);
  expect(html).toContain('data-permalink="Copy link to this text part"');
  await page.goto(`/s/${id}`);
  const part = page.locator('.part[data-part-type="text"]').first();
  await expect(part.locator("a.copy-link")).toHaveCount(0);
  await part.hover();
  const link = part.locator(":scope > a.copy-link");
  await expect(link).toHaveAttribute("aria-label", "Copy link to this text part");
  await expect(link).toHaveAttribute("href", `#${await part.getAttribute("id")}`);
  await link.click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/s/${id}#${await part.getAttribute("id")}`);
  await part.hover();
  await expect(part.locator(":scope > a.copy-link")).toHaveCount(1);
  // A keyboard reader gets it too: focus inside a part makes the part's link, after what it holds.
  const tool = page.locator('.part[data-part-type="tool"]', { has: page.locator('pre[tabindex="0"]:visible') }).first();
  await tool.locator('pre[tabindex="0"]:visible').first().focus();
  await expect(tool.locator(":scope > a.copy-link")).toHaveAttribute("aria-label", /^Copy link to this \w+ call$/);
});

test("copy button copies a code block's text", async ({ page, baseURL, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`/s/${await shareFor(baseURL!, "basic")}`);
  const block = page.locator(".markdown .code-block").first();
  await block.getByRole("button", { name: "Copy code" }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('console.log("hi")');
});

// ---- synthetic share: everything the recordings lack ----
const S = "ses_synth";
const M = (id: string, role: string, extra: Record<string, unknown> = {}): Item => ({
  type: "message",
  data: { id, sessionID: S, role, time: { created: Number(id.slice(-2)) * 1000 }, providerID: "anthropic", modelID: "claude", agent: "build", ...extra },
});
const P = (id: string, messageID: string, data: Record<string, unknown>): Item => ({ type: "part", data: { id, sessionID: S, messageID, ...data } });
const T = (id: string, tool: string, state: Record<string, unknown>) => P(id, "msg_02", { type: "tool", callID: id, tool, state });

const SYNTHETIC: Item[] = [
  { type: "session", data: { id: S, title: "Synthetic coverage", directory: "/w/p", version: "1.19.0", time: { created: 1000, updated: 9000 } } },
  {
    type: "session_diff",
    data: [{ path: "lib/a.ts", status: "modified", additions: 1, deletions: 1, patch: "--- a/lib/a.ts\n+++ b/lib/a.ts\n@@ -1 +1 @@\n-old\n+new\n" }],
  },
  M("msg_01", "user"),
  P("prt_01", "msg_01", { type: "text", text: "Key is [REDACTED:aws-access-key] and\n\n  indented   spaces\n" + "line\n".repeat(30) }),
  P("prt_02", "msg_01", { type: "agent", name: "reviewer" }),
  P("prt_03", "msg_01", { type: "subtask", prompt: "check the thing", description: "Check", agent: "general" }),
  M("msg_02", "assistant"),
  P("prt_10", "msg_02", { type: "text", text: "Token [REDACTED:github-token] in **markdown** ![x](https://evil.test/p.png)" }),
  P("prt_11", "msg_02", { type: "retry", attempt: 2, error: { name: "APIError", data: { message: "overloaded", statusCode: 529 } }, time: { created: 1 } }),
  T("prt_12", "bash", done({ command: "env", description: "Show env" }, "AWS=[REDACTED:aws-access-key]\n", { exit: 0 })),
  T("prt_13", "bash", { status: "running", input: { command: "sleep 5", description: "Wait" }, time: { start: 1 } }),
  T("prt_14", "bash", { status: "pending", input: {}, raw: "{" }),
  T("prt_15", "read", { ...done({ filePath: "/w/p/x.ts" }, "gone"), time: { start: 1, end: 2, compacted: 3 } }),
  T("prt_16", "github_create_issue", done({ repo: "a/b", title: "Bug" }, "created #1")),
  T("prt_17", "list", done({ path: "/w/p/src" }, "/w/p/src/\n  a.ts\n  b.ts\n", { count: 2 })),
  T("prt_18", "todoread", done({}, "[]", { todos: [{ content: "Ship", status: "pending", priority: "low" }] })),
  T("prt_19", "websearch", done({ query: "parley share" }, "1. result")),
  T("prt_20", "codesearch", done({ query: "useId" }, "code result")),
  T("prt_21", "lsp", done({ operation: "hover", filePath: "/w/p/x.ts", line: 3 }, "type: string")),
  T("prt_22", "apply_patch", done({ patchText: "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n" }, "Applied")),
  T("prt_23", "patch", done({ patchText: "*** Begin Patch\n*** End Patch" }, "ok")),
  P("prt_24", "msg_02", { type: "future-part", note: "from a newer client" }),
  P("prt_25", "msg_02", { type: "snapshot", snapshot: "abc" }),
];

test("synthetic share: redactions, agent/subtask/retry/unknown parts, tool states, MCP and remaining tools", async ({ page, baseURL }) => {
  await page.goto(`/s/${await seed(baseURL!, SYNTHETIC)}`);
  // redaction markers in user text, markdown and terminal output
  await expect(page.locator("#prt_01 mark.redacted")).toHaveAttribute("title", /aws-access-key/);
  await expect(page.locator("#prt_10 .markdown mark.redacted")).toHaveText("[REDACTED:github-token]");
  await expect(page.locator("#prt_12 .terminal mark.redacted")).toHaveAttribute("data-kind", "aws-access-key");
  // long prompt collapsed with show more; whitespace kept
  const more = page.locator("#prt_01").getByRole("button", { name: "Show more" });
  const box = page.locator("#prt_01 .user-text");
  const collapsed = (await box.boundingBox())!.height;
  await more.click();
  await expect(page.locator("#prt_01").getByRole("button", { name: "Show less" })).toHaveAttribute("aria-expanded", "true");
  expect((await box.boundingBox())!.height).toBeGreaterThan(collapsed);
  expect(await box.textContent()).toContain("  indented   spaces");
  // remote markdown image not loaded
  await expect(page.locator("#prt_10 img")).toHaveCount(0);
  await expect(page.locator("#prt_10 .md-image")).toContainText("Image: x");
  await expect(page.locator("#prt_02")).toContainText("@reviewer");
  await expect(page.locator("#prt_03")).toContainText("check the thing");
  await expect(page.locator("#prt_11")).toContainText("retry #2");
  await expect(page.locator("#prt_11")).toContainText("HTTP 529: overloaded");
  await expect(page.locator("#prt_13 .badge.running")).toHaveText("in progress");
  await expect(page.locator("#prt_14 .badge.running")).toHaveText("in progress");
  await expect(page.locator("#prt_15")).toContainText("Old tool result content cleared");
  await expect(page.locator("#prt_12 .tool-duration")).toHaveText("3.5 s");
  const mcp = page.locator("#prt_16");
  await expect(mcp.locator(".tool")).toHaveAttribute("data-renderer", "fallback");
  await expect(mcp.locator(".tool-name")).toHaveText("github_create_issue");
  await expect(mcp.locator(".kv-table tr")).toHaveCount(2);
  await expect(mcp.locator(".kv-table")).toContainText("a/b");
  await expect(page.locator("#prt_17 .tool-subtitle")).toHaveText("src");
  await expect(page.locator("#prt_17").getByTestId("match-count")).toHaveText("2 entries");
  await expect(page.locator("#prt_18 .todo")).toContainText("Ship");
  await expect(page.locator("#prt_19")).toContainText("parley share");
  await expect(page.locator("#prt_20 .tool-name")).toHaveText("Code search");
  await expect(page.locator("#prt_21")).toContainText("x.ts:3");
  await expect(page.locator("#prt_22 .diff-code .diff-add")).toContainText("b");
  await expect(page.locator("#prt_23 .plain-output").first()).toContainText("Begin Patch");
  for (const id of ["prt_17", "prt_18", "prt_19", "prt_20", "prt_21", "prt_22", "prt_23"])
    await expect(page.locator(`#${id} .tool`)).not.toHaveAttribute("data-renderer", "fallback");
  await expect(page.locator("#prt_24")).toContainText("future-part");
  await expect(page.locator("#prt_25")).toHaveCount(0);
  // session_diff (SDK v2 shape) drives files changed
  await expect(page.locator("#file-lib-a\\.ts .diff-code .diff-add")).toContainText("new");
  await expect(page.locator('[data-stat="tool-calls"]')).toHaveText("12");
});

test("printing expands collapsed blocks and hides the copy controls", async ({ page, baseURL }) => {
  await page.goto(`/s/${await shareFor(baseURL!, "tour")}`);
  const thinking = part(page, "reasoning").first();
  await expect(thinking.locator(".reasoning-body")).toBeHidden();
  await page.emulateMedia({ media: "print" });
  await expect(thinking.locator(".reasoning-body")).toBeVisible();
  await expect(page.locator(".copy-button:visible")).toHaveCount(0);
});
