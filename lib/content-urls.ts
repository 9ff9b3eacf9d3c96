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
