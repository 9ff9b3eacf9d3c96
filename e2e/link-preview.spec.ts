// Link previews as chat apps fetch them: raw HTML (no JavaScript), tags in the first 32 KB, and a
// 1200x630 PNG card that follows the share's version and disappears with an unshare.
import { expect, test } from "@playwright/test";
import { replay } from "./support/fixtures";
import { pngSize, previewTags, SLACK_LIMIT, tagMap } from "./support/preview";

const BOTS = [
  "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
  "Slack-ImgProxy (+https://api.slack.com/robots)",
  "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
  "Twitterbot/1.0",
  "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
  "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
  "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-uri-preview",
  // Unfurlers Next does not know by name (Mastodon, Mattermost) and a plain browser.
  "http.rb/5.1.1 (Mastodon/4.2.0; +https://mastodon.social/)",
  "mattermost-10.0.0",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36",
];
const PREVIEW_KEYS = [
  "title",
  "description",
  "og:type",
  "og:site_name",
  "og:title",
  "og:description",
  "og:url",
  "og:image",
  "og:image:width",
  "og:image:height",
  "og:image:alt",
  "twitter:card",
  "twitter:title",
  "twitter:description",
  "twitter:image",
];

async function get(url: string, ua: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers: { "user-agent": ua, ...headers }, redirect: "manual" });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

/** Fetches a page as `ua`, checks the tags sit in the first 32 KB, and returns them by name. */
async function previewOf(url: string, ua: string, headers: Record<string, string> = {}) {
  const { res, body } = await get(url, ua, headers);
  expect(res.status, `${ua}: ${url}`).toBe(200);
  const tags = previewTags(body);
  for (const key of PREVIEW_KEYS) {
    const tag = tags.find((t) => t.key === key);
    expect(tag, `${ua}: <${key}> present`).toBeTruthy();
    expect(tag!.end, `${ua}: <${key}> within the first 32 KB of a ${body.length}-byte page`).toBeLessThanOrEqual(SLACK_LIMIT);
  }
  expect(body.indexOf("</head>"), "the tags are in <head>").toBeGreaterThan(Math.max(...tags.map((t) => t.offset)));
  return tagMap(tags);
}

async function expectCard(url: string, ua: string) {
  const { res, body } = await get(url, ua);
  expect(res.status, `${ua}: ${url}`).toBe(200);
  expect(res.headers.get("content-type")).toBe("image/png");
  expect(pngSize(body)).toEqual({ width: 1200, height: 630 });
  expect(body.length).toBeLessThan(300 * 1024);
  return { res, body };
}

type Share = { id: string; secret: string };
async function syntheticShare(baseURL: string, title: string, firstMessage = "Hello", version = 1): Promise<Share> {
  const created = await fetch(`${baseURL}/api/share`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sessionID: "ses_og" }),
  });
  const share = (await created.json()) as Share;
  await syncTitle(baseURL, share, title, firstMessage, version);
  return share;
}
async function syncTitle(baseURL: string, share: Share, title: string, firstMessage = "Hello", version = 1) {
  const data = [
    { type: "session", data: { id: "ses_og", title, time: { created: Date.UTC(2026, 0, 15) } } },
    {
      type: "message",
      data: { id: "msg_1", sessionID: "ses_og", role: "user", time: { created: 1 }, model: { providerID: "anthropic", modelID: "claude-sonnet-4.5" } },
    },
    { type: "part", data: { id: "prt_1", sessionID: "ses_og", messageID: "msg_1", type: "text", text: firstMessage } },
    { type: "message", data: { id: "msg_2", sessionID: "ses_og", role: "assistant", time: { created: 2 }, providerID: "openai", modelID: `gpt-${version}` } },
  ];
  const res = await fetch(`${baseURL}/api/share/${share.id}/sync`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ secret: share.secret, data }),
  });
  expect(res.status).toBe(200);
}

test("a fresh share unfurls with every tag and a 1200x630 card for each chat app's bot", async ({ baseURL }) => {
  const share = await replay(baseURL!, "tour");
  const pageUrl = `${baseURL}/s/${share.id}`;
  const base = new URL(baseURL!);
  for (const ua of BOTS) {
    const tags = await previewOf(pageUrl, ua);
    const description = "OpenCode session · 24 messages · Mock Model 1 · 2 files changed (+16 −0)";
    expect(tags).toMatchObject({
      title: "Tour of the greeter project · Parley",
      description,
      "og:type": "article",
      "og:site_name": "Parley",
      "og:title": "Tour of the greeter project",
      "og:description": description,
      "og:url": `${base.origin}/s/${share.id}`,
      canonical: `${base.origin}/s/${share.id}`,
      "og:image:width": "1200",
      "og:image:height": "630",
      "twitter:card": "summary_large_image",
      "twitter:title": "Tour of the greeter project",
      "twitter:description": description,
    });
    expect(tags["og:image"]).toMatch(new RegExp(`^${base.origin}/s/${share.id}/card\\.png\\?v=\\d+$`));
    expect(tags["twitter:image"]).toBe(tags["og:image"]);
    expect(tags["og:image:alt"]).toContain("Tour of the greeter project");
    expect(tags.robots).toBe("noindex, nofollow");
    await expectCard(tags["og:image"], ua);
  }
});

test("/share/<id> carries the same tags, pointing at the canonical /s/<id> and its card", async ({ baseURL }) => {
  const share = await syntheticShare(baseURL!, "Import form");
  const tags = await previewOf(`${baseURL}/share/${share.id}`, BOTS[0]);
  expect(tags["og:url"]).toBe(`${new URL(baseURL!).origin}/s/${share.id}`);
  expect(tags["og:image"]).toBe(`${new URL(baseURL!).origin}/s/${share.id}/card.png?v=1`);
  await expectCard(tags["og:image"], "Slack-ImgProxy");
});

test("every URL is absolute and built from the forwarded host and protocol", async ({ baseURL }) => {
  const share = await syntheticShare(baseURL!, "Behind a proxy");
  const tags = await previewOf(`${baseURL}/s/${share.id}`, "Twitterbot/1.0", { "x-forwarded-host": "parley.example.com", "x-forwarded-proto": "https" });
  expect(tags["og:url"]).toBe(`https://parley.example.com/s/${share.id}`);
  expect(tags["og:image"]).toBe(`https://parley.example.com/s/${share.id}/card.png?v=1`);
  expect(tags["twitter:image"]).toBe(tags["og:image"]);
});

test("a big share keeps its tags in the first 32 KB: the 4 MB attachment fixture and a 300 KB first message", async ({ baseURL }) => {
  const attachment = await replay(baseURL!, "attachment");
  expect((await previewOf(`${baseURL}/s/${attachment.id}`, BOTS[0]))["og:title"]).toBe("Image and notes attachments");
  const longTitle = "Investigate the flaky parser tests ".repeat(60).slice(0, 2000);
  const big = await syntheticShare(baseURL!, longTitle, "A very long first message. ".repeat(11_000));
  const { body } = await get(`${baseURL}/s/${big.id}`, BOTS[0]);
  expect(body.length).toBeGreaterThan(SLACK_LIMIT);
  const tags = await previewOf(`${baseURL}/s/${big.id}`, BOTS[0]);
  expect([...tags["og:title"]].length).toBeLessThanOrEqual(200);
  expect(tags["og:title"].endsWith("…")).toBe(true);
  // The opening message never leaks into the preview.
  expect(Object.values(tags).join(" ")).not.toContain("A very long first message");
  await expectCard(tags["og:image"], "Slack-ImgProxy");
});

const HOSTILE_TITLES: Record<string, string> = {
  emoji: "Ship it 🚀🔥 with 👩🏽‍💻 and 🇫🇷 1️⃣",
  "emoji only": "🎉🎉🎉",
  cjk: "修复登录页面的错误",
  "mixed cjk": "Fix ログイン bug",
  arabic: "إعادة هيكلة الكود في مشروع الترحيب",
  hebrew: "תיקון באג ב-parser של הסשן",
  "2,000 characters": "Refactor the session parser ".repeat(72).slice(0, 2000),
  "markup and quotes": `</title><script>alert("x")</script> & 'quotes'`,
};
for (const [name, title] of Object.entries(HOSTILE_TITLES)) {
  test(`a ${name} title unfurls: exact og:title, and the card still renders`, async ({ baseURL }) => {
    const share = await syntheticShare(baseURL!, title);
    const tags = await previewOf(`${baseURL}/s/${share.id}`, "Discordbot/2.0");
    if (title.length <= 200) expect(tags["og:title"]).toBe(title);
    else expect(title.startsWith(tags["og:title"].slice(0, -1))).toBe(true);
    await expectCard(tags["og:image"], "Discordbot/2.0");
  });
}

test("the card follows the share version, is served from cache on repeat, and goes with an unshare", async ({ baseURL }) => {
  const share = await syntheticShare(baseURL!, "Versioned card");
  const cardUrl = `${baseURL}/s/${share.id}/card.png`;
  const first = await expectCard(cardUrl, "Slack-ImgProxy");
  const repeat = await expectCard(cardUrl, "Slack-ImgProxy");
  expect(repeat.res.headers.get("etag")).toBe(first.res.headers.get("etag"));
  expect(repeat.body.equals(first.body)).toBe(true);
  // No shared cache may keep a live card past an unshare: every fetch revalidates.
  expect(first.res.headers.get("cache-control")).toBe("private, no-cache");
  const notModified = await get(cardUrl, "Slack-ImgProxy", { "if-none-match": first.res.headers.get("etag")! });
  expect(notModified.res.status).toBe(304);

  await syncTitle(baseURL!, share, "Versioned card, renamed", "Hello", 2);
  const tags = await previewOf(`${baseURL}/s/${share.id}`, "Slackbot-LinkExpanding 1.0");
  expect(tags["og:image"]).toMatch(/card\.png\?v=2$/);
  const next = await expectCard(tags["og:image"], "Slack-ImgProxy");
  expect(next.res.headers.get("etag")).not.toBe(first.res.headers.get("etag"));
  expect(next.body.equals(first.body)).toBe(false);

  const del = await fetch(`${baseURL}/api/share/${share.id}`, { method: "DELETE", headers: { authorization: `Bearer ${share.secret}` } });
  expect(del.status).toBe(200);
  const gone = await get(cardUrl, "Slack-ImgProxy");
  expect(gone.res.status).toBe(410);
  expect(gone.res.headers.get("cache-control")).toContain("no-store");
});

test("an unknown id gets the generic card", async ({ baseURL }) => {
  const { res, body } = await expectCard(`${baseURL}/s/NoSuchShare0000000000000/card.png`, "Twitterbot/1.0");
  expect(res.headers.get("cache-control")).toContain("no-store");
  const again = await expectCard(`${baseURL}/s/another-unknown-id/card.png`, "Twitterbot/1.0");
  expect(again.body.equals(body)).toBe(true);
});
