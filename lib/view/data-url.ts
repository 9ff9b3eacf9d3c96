// The one reader of data: URLs (RFC 2397): attachments arrive as them, redaction scans their text,
// the file route serves their bytes and the viewer sizes and previews them. Only the head (the
// first 512 characters) is matched, so a payload of tens of megabytes costs nothing to recognise.

// Everything up to the first comma; a trailing ";base64" says how the payload is encoded.
const HEAD = /^data:([^,]*?)(;base64)?,/i;
const MIME_TOKEN = /^(?:[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+)?$/i;
const PARAMS = /^(?:;[^,;\s]*)*$/;

export type DataUrlHead = {
  /** The media type as written, lowercased; "" when the URL names none (then it is text/plain). */
  mime: string;
  base64: boolean;
  /** Where the payload starts (the length of "data:...,"). */
  payloadStart: number;
  /** A media type that is a type/subtype token and parameters without spaces, as RFC 2397 has it. */
  wellFormed: boolean;
};

export const isDataUrl = (s: string) => /^data:/i.test(s.slice(0, 5));

/** The head of a data: URL, or null for any other string. */
export function parseDataUrl(url: string): DataUrlHead | null {
  const head = HEAD.exec(url.slice(0, 512));
  if (!head) return null;
  const semicolon = head[1].indexOf(";");
  const rawMime = semicolon === -1 ? head[1] : head[1].slice(0, semicolon);
  const params = semicolon === -1 ? "" : head[1].slice(semicolon);
  return {
    mime: rawMime.trim().toLowerCase(),
    base64: head[2] !== undefined,
    payloadStart: head[0].length,
    wellFormed: MIME_TOKEN.test(rawMime) && PARAMS.test(params),
  };
}

/** Decoded size of a data: URL without decoding it (the payload may be tens of megabytes), or null for other URLs. */
export function dataUrlByteLength(url: string): number | null {
  const head = parseDataUrl(url);
  if (!head) return null;
  const payloadLength = url.length - head.payloadStart;
  if (head.base64) {
    const padding = url.endsWith("==") ? 2 : url.endsWith("=") ? 1 : 0;
    return Math.max(0, Math.floor((payloadLength * 3) / 4) - padding);
  }
  const payload = url.slice(head.payloadStart);
  let escapes = 0;
  for (let i = payload.indexOf("%"); i !== -1; i = payload.indexOf("%", i + 1)) escapes++;
  return Buffer.byteLength(payload, "utf8") - 2 * escapes;
}

/** Percent-decoding that says null for a stray `%` instead of throwing. */
export function decodePercent(payload: string): string | null {
  try {
    return decodeURIComponent(payload);
  } catch {
    return null;
  }
}

/** The bytes and media type (text/plain when none is named) of a data: URL, or null for any other URL. */
export function decodeDataUrl(url: string): { bytes: Buffer; mime: string } | null {
  const head = parseDataUrl(url);
  if (!head) return null;
  const payload = url.slice(head.payloadStart);
  const mime = head.mime || "text/plain";
  if (head.base64) return { bytes: Buffer.from(payload, "base64"), mime };
  const text = decodePercent(payload);
  // A stray `%`: the payload as it was sent, byte for byte.
  return { bytes: text === null ? Buffer.from(payload, "latin1") : Buffer.from(text, "utf8"), mime };
}

/** A data: URL with `text` as its new payload, in the encoding the head names. */
export function withDataUrlText(url: string, head: DataUrlHead, text: string): string {
  const body = head.base64 ? Buffer.from(text, "utf8").toString("base64") : encodeURIComponent(text);
  return url.slice(0, head.payloadStart) + body;
}
