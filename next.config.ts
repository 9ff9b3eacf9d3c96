import type { NextConfig } from "next";
import { NOINDEX as NOINDEX_VALUE } from "./lib/security-headers";

const NOINDEX = { key: "X-Robots-Tag", value: NOINDEX_VALUE };

// Unfurlers that read only the first bytes of <head> and never run JavaScript. Next serves them the
// metadata blocking, in <head>; other user agents may get it streamed later in the body if the page
// ever suspends. This is Next 16's default list (next/dist/shared/lib/router/utils/html-bots.js)
// plus the chat and fediverse fetchers it does not name.
const HTML_LIMITED_BOTS = new RegExp(
  [
    "[\\w-]+-Google|Google-[\\w-]+|Chrome-Lighthouse|Slurp|DuckDuckBot|baiduspider|yandex|sogou|bitlybot|tumblr|vkShare",
    "quora link preview|redditbot|ia_archiver|Bingbot|BingPreview|applebot|facebookexternalhit|facebookcatalog|Twitterbot",
    "LinkedInBot|Slackbot|Discordbot|WhatsApp|SkypeUriPreview|Yeti|googleweblight",
    "Slack-ImgProxy|TelegramBot|Mastodon|Pleroma|Akkoma|Misskey|Bluesky|Cardyb|mattermost|Synapse|Zulip|Rocket\\.Chat",
    "MicrosoftPreview|Teams|Iframely|Embedly|Pinterest|Snapchat|Viber|Line/|KakaoTalk|Signal",
  ].join("|"),
  "i",
);

const nextConfig: NextConfig = {
  // Native and driver packages stay outside the bundle and load from node_modules at run time.
  serverExternalPackages: ["better-sqlite3", "pg", "kysely", "@secretlint/core", "@secretlint/profiler", "@secretlint/secretlint-rule-preset-recommend"],
  poweredByHeader: false,
  htmlLimitedBots: HTML_LIMITED_BOTS,
  async headers() {
    return [
      { source: "/s/:path*", headers: [NOINDEX] },
      { source: "/share/:path*", headers: [NOINDEX] },
      { source: "/api/share/:path*", headers: [NOINDEX] },
    ];
  },
};

export default nextConfig;
