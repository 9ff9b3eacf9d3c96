// Every recorded scenario through the viewer: each part and tool drawn by its own renderer, no
// console errors or hydration warnings, axe clean, readable at 390 px, and readable without JavaScript.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { readMergedData, SCENARIOS } from "./support/fixtures";
import { shareFor, watchConsole } from "./support/viewer";

for (const scenario of SCENARIOS) {
  test.describe(`${scenario} scenario`, () => {
    test("renders every tool with its own renderer, with no console errors or hydration warnings", async ({ page, baseURL }) => {
      const problems = watchConsole(page);
      const id = await shareFor(baseURL!, scenario);
      await page.goto(`/s/${id}`);
      const session = readMergedData(scenario).find((i) => i.type === "session")!.data as { title: string };
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(session.title);

      const tools = readMergedData(scenario).filter((i) => i.type === "part" && i.data.type === "tool");
      await expect(page.locator('[data-part-type="tool"]')).toHaveCount(tools.length);
      for (const t of tools) {
        const root = page.locator(`[id="${t.data.id as string}"]`);
        await expect(root).toHaveAttribute("data-tool", t.data.tool as string);
        await expect(root.locator(".tool")).toHaveAttribute("data-renderer", t.data.tool as string);
      }
      await expect(page.locator('[data-renderer="fallback"]')).toHaveCount(0);
      await expect(page.locator('[data-part-type="snapshot"]')).toHaveCount(0);
      await page.waitForLoadState("networkidle");
      // Let hydration finish (CopyControls shows the copy buttons once it runs) before judging the console.
      if (await page.locator(".copy-button").count()) await expect(page.locator(".copy-button").first()).toBeVisible();
      expect(problems).toEqual([]);
    });

    test("has no serious or critical axe violations (light and dark)", async ({ browser, baseURL }) => {
      test.slow(); // two whole-page axe passes
      const id = await shareFor(baseURL!, scenario);
      for (const colorScheme of ["light", "dark"] as const) {
        const context = await browser.newContext({ colorScheme });
        const page = await context.newPage();
        await page.goto(`${baseURL}/s/${id}`);
        // Judge the page as a reader sees it, after the copy controls are revealed.
        await expect(page.locator("html")).toHaveAttribute("data-copy-ready", "");
        const results = await new AxeBuilder({ page }).analyze();
        const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        expect(
          bad.map(
            (v) =>
              `${colorScheme} ${v.id}: ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(" "))
                .join(" | ")}`,
          ),
        ).toEqual([]);
        await context.close();
      }
    });

    test("fits a 390 px screen without horizontal page scroll", async ({ browser, baseURL }) => {
      const id = await shareFor(baseURL!, scenario);
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(`${baseURL}/s/${id}`);
      await expect(page.locator("html")).toHaveAttribute("data-copy-ready", "");
      // Open every collapsed block too: their contents must also stay inside the page width.
      await page.evaluate(() => document.querySelectorAll<HTMLElement>(".collapsible-toggle[aria-expanded=false]").forEach((b) => b.click()));
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.scrollingElement!.scrollWidth,
        clientWidth: document.scrollingElement!.clientWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      await context.close();
    });

    test("is readable with JavaScript disabled", async ({ browser, baseURL }) => {
      const id = await shareFor(baseURL!, scenario);
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${baseURL}/s/${id}`);
      await expect(page.getByTestId("share-title")).toBeVisible();
      const messages = readMergedData(scenario).filter((i) => i.type === "message").length;
      expect(await page.locator('[data-testid="message"]').count()).toBeGreaterThan(0);
      expect(await page.locator('[data-testid="message"]').count()).toBeLessThanOrEqual(messages);
      // Copy buttons need JavaScript, so they stay hidden; permalinks are plain anchors.
      await expect(page.locator(".copy-button:visible")).toHaveCount(0);
      // Collapsed blocks are shown open: their buttons need JavaScript.
      for (const body of await page.locator(".collapsible-body").all()) await expect(body).toBeVisible();
      await context.close();
    });
  });
}
