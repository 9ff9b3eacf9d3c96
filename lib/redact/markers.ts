// Redaction markers the server writes into stored text ("[REDACTED:aws-access-key]"). The viewer
// splits text on them so each can be drawn as a visible, labelled marker.
export const REDACTION = /\[REDACTED:([a-z0-9][a-z0-9_.-]{0,63})\]/gi;

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
