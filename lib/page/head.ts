// The <head> of a share page: the preview tags chat apps read (title, description, Open Graph,
// Twitter card; built from facts only by lib/view/share-metadata.ts), then the inline stylesheet and
// script. The tags come first, so they sit well inside the 32 KB Slack reads.
import type { Metadata } from "next";
import { escapeHtml } from "../render/escape";
import { NOINDEX } from "../http/security-headers";
import type { PageAssets } from "./assets";

type Tag = [attr: "name" | "property", key: string, value: string | number | undefined];

const meta = ([attr, key, value]: Tag) => (value === undefined ? "" : `<meta ${attr}="${key}" content="${escapeHtml(String(value))}"/>`);

type Image = { url: string; width?: number; height?: number; type?: string; alt?: string };

/** Renders the preview metadata (the plain-data shape shareMetadata() builds) as tags. */
export function previewTagsHtml(m: Metadata, siteName: string): string {
  const og = (m.openGraph ?? {}) as {
    type?: string;
    siteName?: string;
    title?: string;
    description?: string;
    url?: string;
    publishedTime?: string;
    images?: Image[];
  };
  const tw = (m.twitter ?? {}) as { card?: string; title?: string; description?: string; images?: Image[] };
  const image = og.images?.[0];
  const twImage = tw.images?.[0];
  const tags: Tag[] = [
    ["name", "description", m.description ?? undefined],
    ["name", "robots", NOINDEX],
    ["property", "og:type", og.type],
    ["property", "og:site_name", og.siteName],
    ["property", "og:title", og.title],
    ["property", "og:description", og.description],
    ["property", "og:url", og.url],
    ["property", "og:image", image?.url],
    ["property", "og:image:type", image?.type],
    ["property", "og:image:width", image?.width],
    ["property", "og:image:height", image?.height],
    ["property", "og:image:alt", image?.alt],
    ["property", "article:published_time", og.publishedTime],
    ["name", "twitter:card", tw.card],
    ["name", "twitter:title", tw.title],
    ["name", "twitter:description", tw.description],
    ["name", "twitter:image", twImage?.url],
    ["name", "twitter:image:alt", twImage?.alt],
  ];
  const canonical = (m.alternates?.canonical as string | undefined) ?? og.url;
  return [
    `<title>${escapeHtml(`${String(m.title)} · ${siteName}`)}</title>`,
    ...tags.map(meta),
    canonical ? `<link rel="canonical" href="${escapeHtml(canonical)}"/>` : "",
  ].join("");
}

/** Everything up to and including <body>. */
export function documentStart(previewTags: string, assets: PageAssets): string {
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"/><meta name="color-scheme" content="light dark"/>` +
    previewTags +
    `<link rel="icon" href="/icon.svg" type="image/svg+xml"/>` +
    `<style>${assets.css}</style><script>${assets.script}</script></head><body>`
  );
}

export const DOCUMENT_END = "</body></html>";
