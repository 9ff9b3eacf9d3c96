// Attachments. Only data: URLs of raster images are shown inline (they are already in the share);
// file:// and remote URLs are never fetched, so other files are a chip with name, type and size.
import type { FilePart as FilePartData } from "@/lib/schema";
import { formatBytes } from "@/lib/format";
import { baseName, relativePath } from "@/lib/paths";
import type { ViewContext } from "../view-context";
import { Collapsible } from "../collapsible";
import { PlainOutput } from "../plain-output";

const INLINE_IMAGE = /^data:image\/(png|jpeg|gif|webp|avif);base64,[A-Za-z0-9+/=]+$/;
// Above this a data URL would dominate the page's HTML; the chip says so instead of embedding it.
export const MAX_INLINE_IMAGE_CHARS = 2 * 1024 * 1024;
const MAX_INLINE_TEXT_BYTES = 64 * 1024;

export function dataUrlBytes(url: string): number | undefined {
  const comma = url.indexOf(",");
  if (!url.startsWith("data:") || comma < 0) return undefined;
  const body = url.slice(comma + 1);
  if (!url.slice(0, comma).endsWith(";base64")) return decodeURIComponent(body).length;
  return Math.floor((body.replace(/[\s=]/g, "").length * 3) / 4);
}

function decodeDataText(url: string): string | undefined {
  const m = /^data:text\/[a-z0-9.+-]+(?:;charset=[^;,]+)?(;base64)?,(.*)$/is.exec(url);
  if (!m) return undefined;
  try {
    return m[1] ? Buffer.from(m[2], "base64").toString("utf8") : decodeURIComponent(m[2]);
  } catch {
    return undefined;
  }
}

export const canInline = (url: string) => url.length <= MAX_INLINE_IMAGE_CHARS && INLINE_IMAGE.test(url);

export function InlineImage({ url, mime, name }: { url: string; mime: string; name: string }) {
  if (!canInline(url)) {
    return <FileChip name={name} mime={mime} size={dataUrlBytes(url)} note={url.length > MAX_INLINE_IMAGE_CHARS ? "too large to show inline" : undefined} />;
  }
  // eslint-disable-next-line @next/next/no-img-element -- a data: URL, nothing for next/image to optimise
  return <img className="attachment-image" src={url} alt={name} loading="lazy" decoding="async" />;
}

export function FileChip({ name, mime, size, note, origin }: { name: string; mime: string; size?: number; note?: string; origin?: string }) {
  return (
    <span className="file-chip" data-testid="file-chip">
      <span className="file-chip-icon" aria-hidden="true">{mime.startsWith("image/") ? "▣" : "▤"}</span>
      <span className="file-chip-name">{name}</span>
      <span className="file-chip-meta">
        {mime}
        {size !== undefined ? ` · ${formatBytes(size)}` : ""}
        {origin ? ` · ${origin}` : ""}
        {note ? ` · ${note}` : ""}
      </span>
    </span>
  );
}

export function FilePart({ part, ctx }: { part: FilePartData; ctx: ViewContext }) {
  const name = part.filename || baseName(relativePath(part.url.startsWith("file://") ? part.url : "attachment", ctx.directory));
  const isData = part.url.startsWith("data:");
  if (isData && part.mime.startsWith("image/") && canInline(part.url)) {
    return (
      <figure className="attachment">
        <InlineImage url={part.url} mime={part.mime} name={name} />
        <figcaption>{name}</figcaption>
      </figure>
    );
  }
  const size = isData ? dataUrlBytes(part.url) : undefined;
  const text = isData && (size ?? 0) <= MAX_INLINE_TEXT_BYTES ? decodeDataText(part.url) : undefined;
  if (isData && part.mime.startsWith("image/")) {
    return <InlineImage url={part.url} mime={part.mime} name={name} />;
  }
  const origin = part.url.startsWith("file://") ? `local file ${relativePath(part.url, ctx.directory)}` : isData ? undefined : "link not followed";
  return (
    <div className="attachment">
      <FileChip name={name} mime={part.mime} size={size} origin={origin} />
      {text !== undefined && (
        <Collapsible summary={`Contents of ${name}`}>
          <PlainOutput text={text} label={name} />
        </Collapsible>
      )}
    </div>
  );
}
