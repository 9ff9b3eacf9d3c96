// Unfurlers that read only the first bytes of <head> and never run JavaScript. Next serves them the
// metadata blocking, in <head>; other user agents may get it streamed later in the body if the page
// ever suspends. This is Next 16's default list (next/dist/shared/lib/router/utils/html-bots.js)
// plus the chat and fediverse fetchers it does not name.
export const HTML_LIMITED_BOTS = new RegExp(
  [
    "[\\w-]+-Google|Google-[\\w-]+|Chrome-Lighthouse|Slurp|DuckDuckBot|baiduspider|yandex|sogou|bitlybot|tumblr|vkShare",
    "quora link preview|redditbot|ia_archiver|Bingbot|BingPreview|applebot|facebookexternalhit|facebookcatalog|Twitterbot",
    "LinkedInBot|Slackbot|Discordbot|WhatsApp|SkypeUriPreview|Yeti|googleweblight",
    "Slack-ImgProxy|TelegramBot|Mastodon|Pleroma|Akkoma|Misskey|Bluesky|Cardyb|mattermost|Synapse|Zulip|Rocket\\.Chat",
    "MicrosoftPreview|Teams|Iframely|Embedly|Pinterest|Snapchat|Viber|Line/|KakaoTalk|Signal",
  ].join("|"),
  "i",
);
