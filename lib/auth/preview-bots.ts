// Link-preview fetchers (chat apps, social sites, the fediverse): in SSO mode they cannot sign in, so
// the share page answers them with the generic "Sign in to view" tags instead of a sign-in redirect.
// Next 16's list of HTML-limited bots plus the chat and fediverse fetchers it does not name.
export const PREVIEW_BOTS = new RegExp(
  [
    "[\\w-]+-Google|Google-[\\w-]+|Chrome-Lighthouse|Slurp|DuckDuckBot|baiduspider|yandex|sogou|bitlybot|tumblr|vkShare",
    "quora link preview|redditbot|ia_archiver|Bingbot|BingPreview|applebot|facebookexternalhit|facebookcatalog|Twitterbot",
    "LinkedInBot|Slackbot|Discordbot|WhatsApp|SkypeUriPreview|Yeti|googleweblight",
    "Slack-ImgProxy|TelegramBot|Mastodon|Pleroma|Akkoma|Misskey|Bluesky|Cardyb|mattermost|Synapse|Zulip|Rocket\\.Chat",
    "MicrosoftPreview|Teams|Iframely|Embedly|Pinterest|Snapchat|Viber|Line/|KakaoTalk|Signal",
  ].join("|"),
  "i",
);
