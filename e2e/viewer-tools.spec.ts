// One check per tool renderer over the recorded tour/basic/attachment/aborted sessions: what each shows.
import { expect, test, type Page } from "@playwright/test";
import { shareFor, TOKEN } from "./support/viewer";

async function tour(page: Page, baseURL: string) {
  await page.goto(`/s/${await shareFor(baseURL, "tour")}`);
}
const tool = (page: Page, name: string) => page.locator(`[data-part-type="tool"][data-tool="${name}"]`);

test("bash shows command, description, ANSI colours as spans and the exit code", async ({ page, baseURL }) => {
  await tour(page, baseURL!);
  const ls = tool(page, "bash").filter({ hasText: "ls -la && git status --short" });
  await expect(ls.locator(".tool-subtitle")).toHaveText("List files and git status");
  await expect(ls.locator(".terminal")).toContainText("package.json");
  await expect(ls.getByTestId("exit-code")).toHaveText("exit 0");

  const colour = tool(page, "bash").filter({ hasText: "red error" });
  const red = colour.locator(".terminal span.fg-ansi-1", { hasText: "red error" });
  await expect(red).toBeVisible();
  await expect(colour.locator(".terminal span.ansi-bold.fg-ansi-2")).toHaveText("bold green ok");
  await expect(colour.locator(".terminal span", { hasText: "256-colour orange" })).toHaveCSS("color", "rgb(255, 135, 0)");
  const text = await colour.locator(".terminal").innerText();
  expect(text).not.toContain("\u001b");
  expect(text).not.toContain("[31m");

  const failed = tool(page, "bash").filter({ hasText: "cleanup failed" });
  await expect(failed.getByTestId("exit-code")).toHaveText("exit 3");
  await expect(failed.getByTestId("exit-code")).toHaveClass(/fail/);

  const long = tool(page, "bash").filter({ hasText: "Print ~5000 lines" });
  // Over 20 KB: the first lines, and the whole text behind "show all" (e2e/large-content.spec.ts).
  await expect(long.locator(".terminal")).toContainText("line 02305: the quick brown fox jumps over the lazy dog");
  await expect(long.getByTestId("show-all")).toContainText("show all");
  await expect(long.locator(".tool-note")).toContainText("truncated");
});

test("edit shows the relative path, a highlighted unified diff with counts; a failed edit shows its error", async ({ page, baseURL }) => {
  await tour(page, baseURL!);
  const ok = tool(page, "edit").filter({ has: page.locator(".diff") });
  await expect(ok.locator(".tool-subtitle")).toHaveText("src/greet.ts");
  await expect(ok.locator(".change-counts")).toContainText("+1");
  await expect(ok.locator(".change-counts")).toContainText("-1");
  await expect(ok.locator(".diff-code .diff-del")).toContainText("return `Hello, ${name}!`;");
  await expect(ok.locator(".diff-code .diff-add")).toContainText("Welcome aboard.");
  expect(await ok.locator(".diff-code .diff-add").locator(TOKEN).count()).toBeGreaterThan(0);

  const failed = tool(page, "edit").filter({ hasText: "Could not find oldString" });
  await expect(failed.locator(".error-block")).toBeVisible();
  await expect(failed.locator(".badge.fail")).toHaveText("failed");
});

test("write shows the path and the content highlighted by extension", async ({ page, baseURL }) => {
  await tour(page, baseURL!);
  const w = tool(page, "write").filter({ hasText: "src/greet.ts" });
  await expect(w.locator(".code-block")).toHaveAttribute("data-lang", "typescript");
  await expect(w.locator(".code-block")).toContainText("export function shout(name: string)");
  const plan = tool(page, "write").filter({ hasText: "notes/PLAN.md" });
  await expect(plan.locator(".code-block")).toHaveAttribute("data-lang", "markdown");
});

test("read shows the path, line range and numbered content; a directory read lists entries; a missing file errors", async ({ page, baseURL }) => {
  await tour(page, baseURL!);
  const r = tool(page, "read").filter({ hasText: "Lines 1–7 of 7" });
  await expect(r.locator(".tool-subtitle")).toHaveText("src/greet.ts");
  await expect(r.locator(".code-body.numbered pre.shiki")).toContainText("export function greet");
  await expect(r.locator(".code-body.numbered .line-gutter")).toHaveText(["1", "2", "3", "4", "5", "6", "7"].join("\n"));
  const dir = tool(page, "read").filter({ has: page.locator(".file-list") });
  await expect(dir.locator(".file-list li")).toContainText([".git/", ".gitignore", ".opencode/", "assets/", "package.json", "README.md", "src/"]);
  await expect(tool(page, "read").filter({ hasText: "File not found" }).locator(".error-block")).toBeVisible();
});

test("glob and grep show their pattern, match count and results", async ({ page, baseURL }) => {
  await tour(page, baseURL!);
  const glob = tool(page, "glob");
  await expect(glob.locator(".tool-subtitle")).toHaveText("**/*.ts");
  await expect(glob.getByTestId("match-count")).toHaveText("2 files");
  await expect(glob.locator(".plain-output")).toContainText("src/greet.ts");
  const grep = tool(page, "grep");
  await expect(grep.getByTestId("match-count")).toHaveText("3 matches");
  await expect(grep.locator(".kv-inline")).toContainText("*.ts");
  await expect(grep.locator(".plain-output")).toContainText("Line 5: export function shout");
});

test("todowrite shows a checklist with status and priority", async ({ page, baseURL }) => {
  await tour(page, baseURL!);
  const todos = tool(page, "todowrite");
  await expect(todos).toHaveCount(3);
  const last = todos.last();
  await expect(last.locator(".todo")).toHaveCount(4);
  await expect(last.locator('.todo[data-status="completed"]')).toHaveCount(2);
  await expect(last.locator('.todo[data-status="cancelled"]')).toContainText("Update README with usage");
  await expect(todos.first().locator('.todo[data-status="in_progress"] .priority')).toHaveText("high");
  await expect(todos.first().locator(".tool-note")).toContainText("Creating plan");
});

test("task shows the subagent type, description, prompt and result", async ({ page, baseURL }) => {
  await tour(page, baseURL!);
  const task = tool(page, "task");
  await expect(task.locator(".tool-subtitle")).toHaveText("Review the module");
  await expect(task.locator(".badge")).toContainText(["general"]);
  await expect(task.locator(".prompt-text")).toContainText("Review src/greet.ts for edge cases");
  await expect(task.locator(".task-result")).toContainText("Reviewed the module: empty input is handled");
});

test("webfetch links the URL with nofollow and keeps the content collapsed", async ({ page, baseURL }) => {
  await tour(page, baseURL!);
  const fetch = tool(page, "webfetch");
  const link = fetch.locator(".kv-inline a");
  await expect(link).toHaveAttribute("rel", "nofollow noopener noreferrer ugc");
  await expect(link).toHaveAttribute("href", /\/page$/);
  await expect(fetch.locator(".kv-inline")).toContainText("markdown");
  await expect(fetch.locator(".plain-output")).toBeHidden();
  await fetch.getByRole("button", { name: /^Fetched content/ }).click();
  await expect(fetch.locator(".plain-output")).toContainText("served by the loopback capture stub");
});

test("question shows the question, options and the chosen answer; skill shows its name", async ({ page, baseURL }) => {
  await tour(page, baseURL!);
  const q = tool(page, "question");
  await expect(q.locator(".question-text")).toHaveText("Which greeting style should the README use?");
  await expect(q.locator(".option")).toHaveCount(2);
  await expect(q.locator(".option.picked")).toContainText("Casual");
  const skill = tool(page, "skill");
  await expect(skill.locator(".badge")).toHaveText("release-notes");
  await expect(skill.locator(".kv-inline")).toContainText(".opencode/skill/release-notes");
});

test("basic: glob, grep and webfetch in error state show error blocks", async ({ page, baseURL }) => {
  await page.goto(`/s/${await shareFor(baseURL!, "basic")}`);
  for (const name of ["glob", "grep"]) await expect(tool(page, name).locator(".error-block")).toContainText("ripgrep execution failed");
  await expect(tool(page, "webfetch").locator(".error-block")).toContainText("non 2xx status code");
});

test("aborted: a bash call cut off by the user says so and has no exit code", async ({ page, baseURL }) => {
  await page.goto(`/s/${await shareFor(baseURL!, "aborted")}`);
  const bash = tool(page, "bash");
  await expect(bash.locator(".terminal")).toContainText("starting slow suite");
  await expect(bash.locator(".terminal")).not.toContainText("shell_metadata");
  await expect(bash.locator(".tool-note.warn")).toHaveText("User aborted the command");
  await expect(bash.getByTestId("exit-code")).toHaveText("no exit code");
});

test("attachment: a read that attached an image shows it inline, from its own URL", async ({ page, baseURL }) => {
  const id = await shareFor(baseURL!, "attachment");
  await page.goto(`/s/${id}`);
  const img = tool(page, "read").locator("img");
  await expect(img).toHaveAttribute("src", new RegExp(`^/s/${id}/file/prt_[A-Za-z0-9]+/0$`));
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(16);
});
