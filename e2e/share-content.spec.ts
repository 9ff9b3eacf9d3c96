// Large content served from its own URL: tool outputs as text/plain, attachments decoded from their
// data: URLs with a content type that can never run script in Parley's origin.
import { expect, test } from "@playwright/test";
import { attachmentUrl, toolOutputUrl } from "../lib/view/content-urls";
import { readMergedData, replay, type DataItem } from "./support/fixtures";

const decoded = (url: unknown) => Buffer.from(String(url).split(",")[1], "base64");
const part = (scenario: "tour" | "attachment", match: (d: Record<string, any>) => boolean) =>
  readMergedData(scenario).find((i: DataItem) => i.type === "part" && match(i.data as Record<string, any>))!.data as Record<string, any>;

function expectLockedDown(res: Response) {
  expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("x-robots-tag")).toBe("noindex, nofollow");
}

test("GET /s/:id/raw/:partId serves the tour's 5,000-line bash output in full as text/plain", async ({ baseURL }) => {
  const share = await replay(baseURL!, "tour");
  const bash = part("tour", (d) => d.tool === "bash" && d.state.output.length > 50_000);
  const res = await fetch(`${baseURL}${toolOutputUrl(share.id, bash.id)}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
  expectLockedDown(res);
  expect(await res.text()).toBe(bash.state.output);

  const again = await fetch(`${baseURL}${toolOutputUrl(share.id, bash.id)}`, { headers: { "if-none-match": res.headers.get("etag")! } });
  expect(again.status).toBe(304);

  const failed = part("tour", (d) => d.tool === "edit" && d.state.status === "error");
  const err = await fetch(`${baseURL}${toolOutputUrl(share.id, failed.id)}`);
  expect(err.status).toBe(200);
  expect(await err.text()).toBe(failed.state.error);
});

test("raw and file URLs: 404 JSON for parts without that content, unknown parts and unknown shares", async ({ baseURL }) => {
  const share = await replay(baseURL!, "tour");
  const text = part("tour", (d) => d.type === "text");
  const cases = [
    toolOutputUrl(share.id, text.id),
    toolOutputUrl(share.id, "prt_nope"),
    toolOutputUrl(share.id, "..%2F..%2Fetc"),
    toolOutputUrl("AAAAAAAAAAAAAAAAAAAAAAAA", text.id),
    attachmentUrl(share.id, text.id),
    attachmentUrl("AAAAAAAAAAAAAAAAAAAAAAAA", text.id),
  ];
  for (const url of cases) {
    const res = await fetch(`${baseURL}${url}`);
    expect(res.status, url).toBe(404);
    expect((await res.json()).error.code, url).toBe("not_found");
  }
});

test("GET /s/:id/file/:partId serves images inline and everything else as a download", async ({ baseURL }) => {
  const share = await replay(baseURL!, "attachment");
  const png = part("attachment", (d) => d.filename === "gradient-64.png");
  const res = await fetch(`${baseURL}${attachmentUrl(share.id, png.id)}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("image/png");
  expect(res.headers.get("content-disposition")).toMatch(/^inline; filename="gradient-64.png"/);
  expectLockedDown(res);
  expect(Buffer.from(await res.arrayBuffer())).toEqual(decoded(png.url));

  // The ~2.9 MB screenshot is under the default 16 MiB limit: kept and served, not inlined in the page.
  const jpeg = part("attachment", (d) => d.filename === "huge-screenshot.png");
  const big = await fetch(`${baseURL}${attachmentUrl(share.id, jpeg.id)}`);
  expect(big.headers.get("content-type")).toBe("image/jpeg");
  const bytes = Buffer.from(await big.arrayBuffer());
  // Buffer.equals, not toEqual: a deep compare of 3 MB element by element takes seconds.
  expect(bytes.length).toBe(decoded(jpeg.url).length);
  expect(bytes.equals(decoded(jpeg.url))).toBe(true);

  const notes = part("attachment", (d) => d.filename === "meeting-notes.txt");
  const txt = await fetch(`${baseURL}${attachmentUrl(share.id, notes.id)}`);
  expect(txt.headers.get("content-type")).toBe("text/plain");
  expect(txt.headers.get("content-disposition")).toMatch(/^attachment; filename="meeting-notes.txt"/);
  expectLockedDown(txt);
  expect(Buffer.from(await txt.arrayBuffer())).toEqual(decoded(notes.url));

  const local = part("attachment", (d) => d.type === "file" && String(d.url).startsWith("file://"));
  expect((await fetch(`${baseURL}${attachmentUrl(share.id, local.id)}`)).status).toBe(404);
});

test("GET /s/:id/file/:partId/:n serves a tool state's attachment; other indexes 404", async ({ baseURL }) => {
  const share = await replay(baseURL!, "attachment");
  const read = part("attachment", (d) => d.type === "tool" && Array.isArray(d.state.attachments));
  const res = await fetch(`${baseURL}${attachmentUrl(share.id, read.id, 0)}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("image/png");
  expect(Buffer.from(await res.arrayBuffer())).toEqual(decoded(read.state.attachments[0].url));
  for (const n of ["1", "01", "-1", "x"]) {
    const miss = await fetch(`${baseURL}/s/${share.id}/file/${read.id}/${n}`);
    expect(miss.status, n).toBe(404);
  }
  expect((await fetch(`${baseURL}${attachmentUrl(share.id, read.id)}`)).status).toBe(404);
});

test("SVG and HTML attachments are downloads under a sandbox CSP, never rendered inline", async ({ baseURL }) => {
  const create = await fetch(`${baseURL}/api/share`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sessionID: "ses_svg" }),
  });
  const share = await create.json();
  const file = (id: string, mime: string, filename: string, body: string) => ({
    type: "part",
    data: { id, sessionID: "ses_svg", messageID: "msg_1", type: "file", mime, filename, url: `data:${mime};base64,${Buffer.from(body).toString("base64")}` },
  });
  const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
  const html = "<script>alert(document.cookie)</script>";
  await fetch(`${baseURL}/api/share/${share.id}/sync`, {
    method: "POST",
    body: JSON.stringify({ secret: share.secret, data: [file("prt_svg", "image/svg+xml", "logo.svg", svg), file("prt_html", "text/html", "page.html", html)] }),
  });
  for (const [id, mime, name] of [
    ["prt_svg", "image/svg+xml", "logo.svg"],
    ["prt_html", "text/html", "page.html"],
  ]) {
    const res = await fetch(`${baseURL}${attachmentUrl(share.id, id)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(mime);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
    expectLockedDown(res);
  }
});

test("after unshare, raw and file URLs answer 410", async ({ baseURL }) => {
  const share = await replay(baseURL!, "attachment");
  const png = part("attachment", (d) => d.filename === "gradient-64.png");
  const read = part("attachment", (d) => d.type === "tool" && Array.isArray(d.state.attachments));
  expect((await fetch(`${baseURL}${attachmentUrl(share.id, png.id)}`)).status).toBe(200);
  await fetch(`${baseURL}/api/share/${share.id}`, { method: "DELETE", headers: { authorization: `Bearer ${share.secret}` } });
  for (const url of [attachmentUrl(share.id, png.id), attachmentUrl(share.id, read.id, 0), toolOutputUrl(share.id, read.id)]) {
    const res = await fetch(`${baseURL}${url}`);
    expect(res.status, url).toBe(410);
    expect((await res.json()).error.code).toBe("gone");
  }
});
