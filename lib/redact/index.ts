// Secrets never stored: every string of every item a client sends passes through here before it is
// written. Parley's own rules (rules.ts) run first, then secretlint's recommended preset over what is
// left; each finding becomes `[REDACTED:<kind>]`. In `model` items the values of `headers` and
// `options` are dropped whole: they are where provider credentials live.
import "server-only";
import { marker, markerRanges } from "./markers";
import { RULES, type Rule } from "./rules";
import { secretlintFindingsMany, type Finding } from "./secretlint";
import { decodePercent, isDataUrl, parseDataUrl, withDataUrlText } from "../view/data-url";

// Attachments arrive as data: URLs. A text attachment (an attached `.env`, a JSON config, a shell
// script) is decoded, scanned like any other string and re-encoded when something was replaced: the
// viewer serves its decoded bytes at /s/<id>/file/<partId>, so a credential in it must go too.
// Binary payloads (images, PDFs, archives: megabytes of base64) are skipped without decoding; their
// bytes are not text a reader sees, and scanning them only costs time and risks a random match.
// Text payloads over TEXT_ATTACHMENT_MAX_BYTES decoded are not scanned either (documented in the
// README), which bounds the cost of one string; PARLEY_MAX_ATTACHMENT stubs anything far bigger.
export const TEXT_ATTACHMENT_MAX_BYTES = 4 * 1024 * 1024;
const TEXT_MIME =
  /^(?:text\/|application\/(?:json|xml|(?:x-)?yaml|(?:x-)?toml|(?:x-)?javascript|ecmascript|(?:x-)?typescript|x-sh|x-shellscript|x-(?:python|ruby|perl|php|httpd-php)|sql|graphql|x-www-form-urlencoded|x-ndjson|ndjson|x-pem-file|pem-certificate-chain|pgp-keys|x-x509-ca-cert|x-env|x-ini|x-properties|csv)$|[a-z]+\/[a-z0-9.+-]*\+(?:json|xml|yaml)$)/;
// Types that may hold text or not: the first bytes decide.
const SNIFF_MIME = /^(?:|application\/octet-stream|application\/x-unknown|unknown\/unknown)$/;
const SNIFF_BYTES = 8192;

/** Whether decoded bytes look like UTF-8 text: no NUL and no invalid sequence in the first few KiB. */
function looksLikeText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) return false;
  // A multi-byte character cut at the end of the sample is not invalid text.
  const text = new TextDecoder("utf-8", { fatal: false }).decode(head);
  const bad = text.indexOf("\uFFFD");
  return bad === -1 || bad >= text.length - 3;
}

/**
 * Redacts the payload of a textual data: URL. Returns null when `s` is no data: URL (scan it as a
 * plain string), the unchanged URL for binary types and clean payloads.
 */
async function redactDataUrl(s: string): Promise<{ text: string; count: number } | null> {
  const head = parseDataUrl(s);
  // A head that is not a media type and parameters is no attachment: scanned as plain text.
  if (!head?.wellFormed) return null;
  const { mime, base64 } = head;
  const payload = s.slice(head.payloadStart);
  const unchanged = { text: s, count: 0 };
  const sniff = SNIFF_MIME.test(mime) && !(mime === "" && !base64); // `data:,x` is text/plain by definition
  if (!sniff && !TEXT_MIME.test(mime) && mime !== "") return unchanged;
  let text: string;
  if (base64) {
    if (Math.floor((payload.length * 3) / 4) > TEXT_ATTACHMENT_MAX_BYTES) return unchanged;
    const bytes = Buffer.from(payload, "base64");
    if (sniff && !looksLikeText(bytes)) return unchanged;
    text = bytes.toString("utf8");
    // Bytes that are not UTF-8 would not survive the round trip: leave them as sent.
    if (!Buffer.from(text, "utf8").equals(bytes)) return unchanged;
  } else {
    if (payload.length > TEXT_ATTACHMENT_MAX_BYTES * 3) return unchanged;
    const decoded = decodePercent(payload);
    if (decoded === null) return null; // a stray `%`: not a payload we can round-trip, scanned as the raw string instead
    if (Buffer.byteLength(decoded) > TEXT_ATTACHMENT_MAX_BYTES) return unchanged;
    text = decoded;
  }
  const redacted = await redactText(text);
  if (redacted.count === 0) return unchanged;
  return { text: withDataUrlText(s, head, redacted.text), count: redacted.count };
}

// The `d` flag gives each capture group's exact position.
const withIndices = new Map<Rule, RegExp>(RULES.map((r) => [r, new RegExp(r.pattern.source, r.pattern.flags + "d")]));

function ruleFindings(s: string, rule: Rule): Finding[] {
  const out: Finding[] = [];
  for (const m of s.matchAll(withIndices.get(rule)!)) {
    let value = m[0];
    let start = m.index;
    if (rule.group) {
      const g = rule.group === -1 ? (m[1] !== undefined ? 1 : 2) : rule.group;
      if (m[g] === undefined || !m.indices?.[g]) continue;
      value = m[g];
      start = m.indices[g][0];
    }
    if (rule.accept && !rule.accept(value)) continue;
    out.push({ start, end: start + value.length, kind: rule.kind });
  }
  return out;
}

/** Applies non-overlapping findings (earlier in the list wins) and returns the new string. */
function apply(s: string, findings: Finding[]): { text: string; count: number } {
  const kept: Finding[] = [];
  for (const f of findings) {
    if (f.end <= f.start) continue;
    if (kept.some((k) => f.start < k.end && k.start < f.end)) continue;
    kept.push(f);
  }
  if (kept.length === 0) return { text: s, count: 0 };
  kept.sort((a, b) => a.start - b.start);
  let text = "";
  let at = 0;
  for (const f of kept) {
    text += s.slice(at, f.start) + marker(f.kind);
    at = f.end;
  }
  return { text: text + s.slice(at), count: kept.length };
}

// Shorter strings (ids, roles, enum values) cannot hold a credential.
const MIN_SCANNED = 8;

/** Redacts one string: a data: URL by its decoded payload, anything else as text. */
export async function redactString(s: string): Promise<{ text: string; count: number }> {
  if (s.length < MIN_SCANNED) return { text: s, count: 0 };
  if (isDataUrl(s)) {
    const result = await redactDataUrl(s);
    if (result) return result;
  }
  return redactText(s);
}

async function redactText(s: string): Promise<{ text: string; count: number }> {
  return (await redactTexts([s]))[0];
}

/** Redacts many plain strings: our rules on each, then one secretlint pass over all of them. */
async function redactTexts(strings: string[]): Promise<Array<{ text: string; count: number }>> {
  const ours = strings.map((s) =>
    s.length < MIN_SCANNED
      ? { text: s, count: 0 }
      : apply(
          s,
          RULES.flatMap((rule) => ruleFindings(s, rule)),
        ),
  );
  const scan = strings.flatMap((s, i) => (s.length < MIN_SCANNED ? [] : [i]));
  const found = await secretlintFindingsMany(scan.map((i) => ours[i].text));
  const out = [...ours];
  scan.forEach((i, k) => {
    // secretlint sees our markers; a report that touches one is about a secret we already removed.
    const markers = markerRanges(ours[i].text);
    const theirs = found[k].filter((f) => !markers.some((m) => f.start < m.end && m.start < f.end));
    const final = apply(ours[i].text, theirs);
    out[i] = { text: final.text, count: ours[i].count + final.count };
  });
  return out;
}

type Slot = { holder: Record<string | number, unknown>; key: string | number; value: string };

/** A copy of `value` whose strings that can hold a credential are listed in `slots`, to be redacted in place. */
function copyWithSlots(value: unknown, slots: Slot[]): unknown {
  const place = (holder: Record<string | number, unknown>, key: string | number, v: unknown) => {
    holder[key] = copyWithSlots(v, slots);
    if (typeof v === "string" && v.length >= MIN_SCANNED) slots.push({ holder, key, value: v });
  };
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    value.forEach((v, i) => place(out as unknown as Record<number, unknown>, i, v));
    return out;
  }
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) place(out, k, v);
    return out;
  }
  return value;
}

/** Redacts every string in `values` (copies; the input is not changed), secretlint once for all. */
async function redactValues(values: unknown[], counter: { n: number }): Promise<unknown[]> {
  const slots: Slot[] = [];
  const out = copyWithSlots(values, slots) as unknown[];
  const plain: Slot[] = [];
  for (const slot of slots) {
    // Text attachments are decoded and scanned one by one; they are few and can be large.
    const dataUrl = isDataUrl(slot.value) ? await redactDataUrl(slot.value) : null;
    if (dataUrl) {
      slot.holder[slot.key] = dataUrl.text;
      counter.n += dataUrl.count;
    } else plain.push(slot);
  }
  const redacted = await redactTexts(plain.map((slot) => slot.value));
  plain.forEach((slot, i) => {
    slot.holder[slot.key] = redacted[i].text;
    counter.n += redacted[i].count;
  });
  return out;
}

function dropModelSecrets(models: unknown, counter: { n: number }): unknown {
  if (!Array.isArray(models)) return models;
  return models.map((model) => {
    if (model === null || typeof model !== "object") return model;
    const out = { ...(model as Record<string, unknown>) };
    for (const field of ["headers", "options"] as const) {
      const value = out[field];
      if (value === undefined || value === null) continue;
      const kind = field === "headers" ? "model-header" : "model-option";
      if (typeof value === "object" && !Array.isArray(value)) {
        out[field] = Object.fromEntries(
          Object.keys(value).map((k) => {
            counter.n++;
            return [k, marker(kind)];
          }),
        );
      } else {
        counter.n++;
        out[field] = marker(kind);
      }
    }
    return out;
  });
}

/** Redacts a batch of raw sync items; returns new items (the input is not changed) and the count. */
export async function redactItems(items: unknown[]): Promise<{ items: unknown[]; redactions: number }> {
  const counter = { n: 0 };
  const prepared = items.map((item) => {
    if (item === null || typeof item !== "object" || (item as { type?: unknown }).type !== "model") return item;
    const withModels = { ...(item as Record<string, unknown>) };
    withModels.data = dropModelSecrets(withModels.data, counter);
    return withModels;
  });
  return { items: await redactValues(prepared, counter), redactions: counter.n };
}
