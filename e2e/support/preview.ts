// Reads link-preview tags the way an unfurler does: from the raw HTML bytes, no JavaScript.
// The one PNG size reader; the specs import it from here with the preview helpers.
export { pngSize } from "../../lib/og/png";

export const SLACK_LIMIT = 32 * 1024;

export type PreviewTag = { key: string; value: string; offset: number; end: number };

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** Every <title>, <meta name|property=...> and <link rel=canonical>, with its byte offsets. */
export function previewTags(html: Buffer): PreviewTag[] {
  const text = html.toString("latin1"); // one char per byte, so offsets are byte offsets
  const tags: PreviewTag[] = [];
  for (const m of text.matchAll(/<meta (?:name|property)="([^"]+)" content="([^"]*)"\s*\/?>/g)) {
    tags.push({ key: m[1], value: decode(Buffer.from(m[2], "latin1").toString("utf8")), offset: m.index!, end: m.index! + m[0].length });
  }
  for (const m of text.matchAll(/<title>([^<]*)<\/title>/g)) {
    tags.push({ key: "title", value: decode(Buffer.from(m[1], "latin1").toString("utf8")), offset: m.index!, end: m.index! + m[0].length });
  }
  for (const m of text.matchAll(/<link rel="canonical" href="([^"]+)"\s*\/?>/g)) {
    tags.push({ key: "canonical", value: decode(m[1]), offset: m.index!, end: m.index! + m[0].length });
  }
  return tags;
}

export function tagMap(tags: PreviewTag[]): Record<string, string> {
  return Object.fromEntries(tags.map((t) => [t.key, t.value]));
}
