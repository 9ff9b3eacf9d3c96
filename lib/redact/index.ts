// Secrets never stored: every string of every item a client sends passes through here before it is
// written. Parley's own rules (rules.ts) run first, then secretlint's recommended preset over what is
// left; each finding becomes `[REDACTED:<kind>]`. In `model` items the values of `headers` and
// `options` are dropped whole: they are where provider credentials live.
import { RULES, type Rule } from "./rules";
import { secretlintFindings, type Finding } from "./secretlint";

export const marker = (kind: string) => `[REDACTED:${kind}]`;

// Attachments arrive as data: URLs of megabytes of base64. Their payload is not text a reader sees,
// and scanning it only costs time and risks a random match, so a pure base64 data URL is left alone.
const DATA_URL_PREFIX = /^data:[a-z0-9.+/-]*(?:;[a-z0-9=.+_-]*)*;base64,/i;
const BASE64_BODY = /^[A-Za-z0-9+/=\r\n]*$/;
export function isBase64DataUrl(s: string): boolean {
  const prefix = DATA_URL_PREFIX.exec(s.slice(0, 256));
  return prefix !== null && BASE64_BODY.test(s.slice(prefix[0].length));
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

const MARKER = /\[REDACTED:[a-z0-9-]+\]/g;

/** Redacts one string. Short strings (ids, roles, enum values) cannot hold a credential. */
export async function redactString(s: string): Promise<{ text: string; count: number }> {
  if (s.length < 8 || isBase64DataUrl(s)) return { text: s, count: 0 };
  const ours = apply(
    s,
    RULES.flatMap((rule) => ruleFindings(s, rule)),
  );
  // secretlint sees our markers; a report that touches one is about a secret we already removed.
  const markers = [...ours.text.matchAll(MARKER)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const theirs = (await secretlintFindings(ours.text)).filter((f) => !markers.some((k) => f.start < k.end && k.start < f.end));
  const final = apply(ours.text, theirs);
  return { text: final.text, count: ours.count + final.count };
}

async function redactValue(value: unknown, counter: { n: number }): Promise<unknown> {
  if (typeof value === "string") {
    const { text, count } = await redactString(value);
    counter.n += count;
    return text;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const v of value) out.push(await redactValue(v, counter));
    return out;
  }
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await redactValue(v, counter);
    return out;
  }
  return value;
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
  const out: unknown[] = [];
  for (const item of items) {
    if (item !== null && typeof item === "object" && (item as { type?: unknown }).type === "model") {
      const withModels = { ...(item as Record<string, unknown>) };
      withModels.data = dropModelSecrets(withModels.data, counter);
      out.push(await redactValue(withModels, counter));
    } else out.push(await redactValue(item, counter));
  }
  return { items: out, redactions: counter.n };
}
