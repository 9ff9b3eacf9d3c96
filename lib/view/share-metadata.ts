// The preview tags of a share page (title, description, Open Graph, Twitter card), every URL absolute.
// Chat apps read only these, never run JavaScript, and Slack reads only the first 32 KB of the HTML.
import type { Metadata } from "next";
import { describeShare, formatMessages, formatModels, type ShareFacts } from "./share-facts";
import { isoTime } from "./format";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
export const UNTITLED = "Shared conversation";

// Long enough for any real title; bounds the head size for a pathological one (2,000 characters).
const MAX_TITLE = 200;

export function shareUrl(baseUrl: string, id: string): string {
  return `${baseUrl}/s/${encodeURIComponent(id)}`;
}

/** The card's URL carries the share version, so a sync gives unfurlers and caches a new URL. */
export function cardUrl(baseUrl: string, id: string, version: number): string {
  return `${shareUrl(baseUrl, id)}/card.png?v=${version}`;
}

export function truncate(text: string, max: number): string {
  const graphemes = [...new Intl.Segmenter().segment(text)].map((s) => s.segment);
  return graphemes.length <= max
    ? text
    : `${graphemes
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}

export type ShareMetadataInput = { id: string; version: number; facts: ShareFacts; baseUrl: string; siteName: string };

export function shareMetadata({ id, version, facts, baseUrl, siteName }: ShareMetadataInput): Metadata {
  const title = truncate(facts.title || UNTITLED, MAX_TITLE);
  const description = describeShare(facts);
  const url = shareUrl(baseUrl, id);
  const models = formatModels(facts.models);
  const image = {
    url: cardUrl(baseUrl, id, version),
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    type: "image/png",
    alt: `${title}: ${[formatMessages(facts.messageCount), models].filter(Boolean).join(", ")}, shared on ${siteName}`,
  };
  return {
    metadataBase: new URL(baseUrl),
    // The root layout's template appends " · <site name>".
    title,
    description,
    alternates: { canonical: url },
    robots: { index: false, follow: false },
    openGraph: {
      type: "article",
      siteName,
      title,
      description,
      url,
      images: [image],
      ...(facts.createdAt !== null && isoTime(facts.createdAt) ? { publishedTime: isoTime(facts.createdAt) } : {}),
    },
    twitter: { card: "summary_large_image", title, description, images: [{ url: image.url, alt: image.alt }] },
  };
}

export const SIGN_IN_TO_VIEW = "Sign in to view";

/**
 * The tags of a share page in SSO mode (PARLEY_AUTH=oidc), for anyone not signed in, link-preview bots
 * above all: the site name and "Sign in to view", and nothing from the conversation (no title, model,
 * counts or date). The card URL carries no version, since the version changes with every sync.
 */
export function signInMetadata({ id, baseUrl, siteName }: { id: string; baseUrl: string; siteName: string }): Metadata {
  const url = shareUrl(baseUrl, id);
  const description = `A conversation shared on ${siteName}. ${SIGN_IN_TO_VIEW}.`;
  const image = { url: `${url}/card.png`, width: CARD_WIDTH, height: CARD_HEIGHT, type: "image/png", alt: `${siteName}: ${SIGN_IN_TO_VIEW}` };
  return {
    metadataBase: new URL(baseUrl),
    title: SIGN_IN_TO_VIEW,
    description,
    alternates: { canonical: url },
    robots: { index: false, follow: false },
    openGraph: { type: "website", siteName, title: SIGN_IN_TO_VIEW, description, url, images: [image] },
    twitter: { card: "summary_large_image", title: SIGN_IN_TO_VIEW, description, images: [{ url: image.url, alt: image.alt }] },
  };
}
