// Attachments at ingest: a data: URL whose decoded size is over PARLEY_MAX_ATTACHMENT is replaced by
// a stub (see omittedAttachmentSchema in lib/schema.ts) so one 40 MB screenshot never costs a whole
// sync batch, and the viewer can still say what was left out.
import { formatBytes } from "../view/format";
import { dataUrlByteLength } from "../view/data-url";
import { itemKey } from "./items";
import { omittedAttachmentSchema, type DegradedItem, type OmittedAttachment } from "../schema";

/** The omission marker of an attachment (file part or tool-state attachment), or null when it was kept. */
export function omittedAttachment(attachment: unknown): OmittedAttachment | null {
  const marker = (attachment as { parley?: unknown } | null)?.parley;
  const parsed = omittedAttachmentSchema.safeParse(marker);
  return parsed.success ? parsed.data : null;
}

/** What the viewer shows in place of an omitted attachment. */
export function describeOmission(marker: OmittedAttachment): string {
  return `not included: ${formatBytes(marker.originalBytes)} is over this server's ${formatBytes(marker.limitBytes)} limit`;
}

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === "object" && v !== null && !Array.isArray(v);

/** Returns the stub for an attachment whose data: URL is over the limit, or null when it stays as is. */
function stubIfTooLarge(attachment: Loose, limitBytes: number): { stub: Loose; originalBytes: number } | null {
  if (typeof attachment.url !== "string") return null;
  const originalBytes = dataUrlByteLength(attachment.url);
  if (originalBytes === null || originalBytes <= limitBytes) return null;
  const parley: OmittedAttachment = { omitted: true, reason: "too_large", originalBytes, limitBytes };
  return { stub: { ...attachment, url: "", parley }, originalBytes };
}

/**
 * Replaces every oversized attachment in a sync batch by its stub. Items are returned untouched
 * (same object) unless something was replaced; anything that does not look like a part is left for
 * validation to judge.
 */
export function limitAttachments(data: unknown[], limitBytes: number): { data: unknown[]; degraded: DegradedItem[] } {
  const degraded: DegradedItem[] = [];
  const out = data.map((raw, index) => {
    if (!isObject(raw) || raw.type !== "part" || !isObject(raw.data)) return raw;
    const part = raw.data;
    const report = (path: string, attachment: Loose, originalBytes: number) =>
      degraded.push({
        index,
        key: itemKey("part", part),
        path,
        ...(typeof attachment.filename === "string" ? { filename: attachment.filename } : {}),
        mime: typeof attachment.mime === "string" ? attachment.mime : "application/octet-stream",
        reason: "too_large",
        originalBytes,
        limitBytes,
      });

    if (part.type === "file") {
      const result = stubIfTooLarge(part, limitBytes);
      if (!result) return raw;
      report("data.url", part, result.originalBytes);
      return { ...raw, data: result.stub };
    }
    const state = part.type === "tool" && isObject(part.state) ? part.state : null;
    if (!state || !Array.isArray(state.attachments)) return raw;
    let changed = false;
    const attachments = state.attachments.map((attachment: unknown, n: number) => {
      if (!isObject(attachment)) return attachment;
      const result = stubIfTooLarge(attachment, limitBytes);
      if (!result) return attachment;
      changed = true;
      report(`data.state.attachments.${n}.url`, attachment, result.originalBytes);
      return result.stub;
    });
    return changed ? { ...raw, data: { ...part, state: { ...state, attachments } } } : raw;
  });
  return { data: out, degraded };
}
