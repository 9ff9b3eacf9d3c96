// Where the viewer links a part's large content instead of inlining it in the HTML. Pure functions,
// safe to import from any component. The routes live under app/s/[id]/raw and app/s/[id]/file.

const seg = encodeURIComponent;

/** Full text of a tool part's output (or its error), served as text/plain. */
export function toolOutputUrl(shareId: string, partId: string): string {
  return `/s/${seg(shareId)}/raw/${seg(partId)}`;
}

/**
 * An attachment's decoded bytes: a file part (no index), or entry `index` of a completed tool
 * state's `attachments[]`. Only data: URLs are served; omitted attachments (see omittedAttachment)
 * and file:// or remote URLs have nothing to serve.
 */
export function attachmentUrl(shareId: string, partId: string, index?: number): string {
  const base = `/s/${seg(shareId)}/file/${seg(partId)}`;
  return index === undefined ? base : `${base}/${index}`;
}

// Image types a browser renders without running anything. SVG is deliberately absent: it can carry
// script, so it is always downloaded, never shown inline (the file route sends it as an attachment).
const INLINE_IMAGES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "image/avif"]);

/** Whether an attachment of this type may be shown with <img> (the file route serves it inline). */
export function isInlineImage(mime: string): boolean {
  return INLINE_IMAGES.has(mime.toLowerCase());
}
