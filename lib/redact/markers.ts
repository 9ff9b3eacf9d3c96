// The redaction marker the server writes into stored text in place of a credential
// ("[REDACTED:aws-access-key]"), and the one way to recognise it: redaction skips findings that
// touch one, and the viewer splits text on them to draw each as a visible, labelled marker.
export const REDACTION = /\[REDACTED:([a-z0-9][a-z0-9_.-]{0,63})\]/gi;

/** The marker that replaces a credential of this kind. */
export const marker = (kind: string) => `[REDACTED:${kind}]`;

/** Whether `value` begins with a marker (a credential already replaced, not a new one). */
export const startsWithMarker = (value: string) => value.startsWith("[REDACTED:");

/** Where the markers in `text` are. */
export function markerRanges(text: string): Array<{ start: number; end: number }> {
  return [...text.matchAll(REDACTION)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

export type TextSegment = { text: string } | { redacted: string };

/** Splits text into plain runs and redaction markers (kind only). */
export function splitRedactions(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(REDACTION)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ redacted: m[1] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}
