// Live follow with the real OpenCode 1.18.33 client (issue 14): a teammate opens the share link while
// the agent is still working (a real `sleep` in a bash tool keeps the run going), and the page shows
// the final answer when it comes, without a reload.
import { expect, test } from "@playwright/test";
import { startMockModel } from "./support/mock-model";
import { findOpencode, opencodeConfig, Sandbox } from "./support/opencode";

const opencode = findOpencode();
const PROMPT = "Run the slow check, then tell me how it went.";
const FINAL = "The slow check passed: everything is in order.";

test("a page opened mid-run shows the final answer without a reload", async ({ page }, info) => {
  test.skip("skip" in opencode, "skip" in opencode ? opencode.skip : "");
  test.setTimeout(150_000);
  if (!("bin" in opencode)) return;
  const baseURL = info.project.use.baseURL!;
  const mock = await startMockModel([
    {
      match: PROMPT,
      steps: [
        { text: "Starting the slow check.", tools: [{ tool: "bash", args: { command: "sleep 6 && echo check-ok", description: "Slow check" } }] },
        { text: FINAL },
      ],
    },
  ]);
  const sandbox = new Sandbox(opencode.bin, opencodeConfig({ parleyURL: baseURL, modelURL: mock.url, share: "manual" }));
  const server = await sandbox.serve();
  try {
    const session = await server.createSession("Live follow with OpenCode");
    const url = (await server.share(session.id)).share!.url;
    const id = url.split("/").pop()!;
    const run = server.prompt(session.id, PROMPT);

    // Mid-run: the bash tool is synced as running, the final answer not yet.
    await expect
      .poll(
        async () => {
          const items = (await (await fetch(`${baseURL}/api/share/${id}/data`)).json()) as {
            type: string;
            data: { tool?: string; state?: { status: string } };
          }[];
          return items.some((i) => i.type === "part" && i.data.tool === "bash" && i.data.state?.status === "running");
        },
        { timeout: 30_000, intervals: [250] },
      )
      .toBe(true);
    await page.goto(new URL(url).pathname);
    await page.evaluate(() => {
      (window as unknown as { __marker: string }).__marker = "opened mid-run";
    });
    await expect(page.getByText("Starting the slow check.")).toBeVisible();
    await expect(page.getByText(FINAL)).toHaveCount(0);

    await run;
    await expect(page.getByText(FINAL)).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText("check-ok").first()).toBeAttached();
    expect(await page.evaluate(() => (window as unknown as { __marker?: string }).__marker)).toBe("opened mid-run");
    expect(mock.unexpected).toEqual([]);
  } finally {
    await server.stop();
    await mock.close();
    sandbox.dispose();
  }
});
