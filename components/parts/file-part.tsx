// Attachments: file parts and the attachments[] of a tool's completed state. A data: URL is never put
// into the page; its bytes are served from the part's own URL (lib/view/content-urls.ts attachmentUrl):
// raster images as <img src=that URL>, large ones behind a click (<details>, so no JavaScript is
// needed and the browser fetches nothing until it opens), anything else as a download link.
// Attachments the server left out at ingest say so and why; file:// and remote URLs are never
// fetched, so they stay a chip with name, type and origin.
import type { FilePart as FilePartData } from "@/lib/schema";
import { attachmentUrl, isInlineImage } from "@/lib/view/content-urls";
import { describeOmission, omittedAttachment } from "@/lib/shares/attachments";
import { dataUrlByteLength, decodeDataUrl, isDataUrl } from "@/lib/view/data-url";
import { formatBytes } from "@/lib/view/format";
import { baseName, relativePath } from "@/lib/view/paths";
import type { ViewContext } from "../conversation/view-context";
import { Collapsible } from "../blocks/collapsible";
import { PlainOutput } from "../blocks/plain-output";

// Images above this are a placeholder that loads on click: a few megabytes a screenshot add up fast
// on a phone, and most readers never need them.
export const LARGE_IMAGE_BYTES = 1024 * 1024;
// Small text attachments are also shown inline (behind a toggle) for reading without a download.
const MAX_INLINE_TEXT_BYTES = 64 * 1024;

function decodeDataText(url: string): string | undefined {
  const decoded = decodeDataUrl(url);
  return decoded?.mime.startsWith("text/") ? decoded.bytes.toString("utf8") : undefined;
}

export function FileChip({ name, mime, size, note, origin }: { name: string; mime: string; size?: number; note?: string; origin?: string }) {
  return (
    <span className="file-chip" data-testid="file-chip">
      <span className="file-chip-icon" aria-hidden="true">
        {mime.startsWith("image/") ? "▣" : "▤"}
      </span>
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

export type AttachmentData = { url: string; mime: string; filename?: string; parley?: unknown };

/** One attachment; `href` is where its bytes are served (attachmentUrl of its part and index). */
export function Attachment({ attachment, name, href, directory }: { attachment: AttachmentData; name: string; href: string; directory?: string }) {
  const { url, mime } = attachment;
  const omitted = omittedAttachment(attachment);
  if (omitted) {
    return (
      <div className="attachment attachment-omitted" data-testid="attachment-omitted">
        <FileChip name={name} mime={mime} note={describeOmission(omitted)} />
      </div>
    );
  }
  if (!isDataUrl(url)) {
    const origin = url.startsWith("file://") ? `local file ${relativePath(url, directory)}` : "link not followed";
    return (
      <div className="attachment">
        <FileChip name={name} mime={mime} origin={origin} />
      </div>
    );
  }
  const size = dataUrlByteLength(url) ?? undefined;
  if (isInlineImage(mime)) {
    // eslint-disable-next-line @next/next/no-img-element -- served as is from its own URL; nothing for next/image to do
    const img = <img className="attachment-image" src={href} alt={name} loading="lazy" decoding="async" />;
    if ((size ?? 0) > LARGE_IMAGE_BYTES) {
      // Closed <details> content is not rendered, so the lazy image is not fetched until it opens.
      return (
        <details className="attachment large-image" data-testid="large-image">
          <summary>
            <FileChip name={name} mime={mime} size={size} note="large image: show it" />
          </summary>
          <figure className="attachment">
            {img}
            <figcaption>
              {name} ·{" "}
              <a href={href} target="_blank" rel="noopener">
                open the image
              </a>
            </figcaption>
          </figure>
        </details>
      );
    }
    return (
      <figure className="attachment">
        {img}
        <figcaption>{name}</figcaption>
      </figure>
    );
  }
  const text = (size ?? Infinity) <= MAX_INLINE_TEXT_BYTES ? decodeDataText(url) : undefined;
  return (
    <div className="attachment">
      <a className="file-download" href={href} download={name}>
        <FileChip name={name} mime={mime} size={size} note="download" />
      </a>
      {text !== undefined && (
        <Collapsible summary={`Contents of ${name}`}>
          <PlainOutput text={text} label={name} />
        </Collapsible>
      )}
    </div>
  );
}

export function FilePart({ part, ctx }: { part: FilePartData; ctx: ViewContext }) {
  const name = part.filename || baseName(relativePath(part.url.startsWith("file://") ? part.url : "attachment", ctx.directory));
  return <Attachment attachment={part} name={name} href={attachmentUrl(ctx.shareId, part.id)} directory={ctx.directory} />;
}
