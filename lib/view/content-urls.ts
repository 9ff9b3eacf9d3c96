// Where the viewer links a part's large content instead of inlining it in the HTML. Pure functions,
// safe to import from any component. The routes live under app/s/[id]/raw, file and diff.

const seg = encodeURIComponent;

/** Full text of a tool part's output (or its error), served as text/plain. */
export function toolOutputUrl(shareId: string, partId: string): string {
  return `/s/${seg(shareId)}/raw/${seg(partId)}`;
}

/** The whole body of a read, write or edit part: text/plain, or with `?fragment` the page's HTML for it. */
export function codeUrl(shareId: string, partId: string): string {
  return `/s/${seg(shareId)}/code/${seg(partId)}`;
}

/** A changed file's diff: its patch as text/plain, or with `?fragment` the diff block as HTML. */
export function diffUrl(shareId: string, fileAnchor: string): string {
  return `/s/${seg(shareId)}/diff/${seg(fileAnchor)}`;
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
