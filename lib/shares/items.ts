// Sync items: validation and the key each one is stored under (the same keys the client dedupes by).
import { dataItemSchemas, idSchema, rawDataItemSchema, type DataItem, type ItemIssue, type KnownItemType } from "../schema";

export type ValidItem = { ok: true; key: string; type: string; item: DataItem };
export type InvalidItem = { ok: false; type: string | null; issues: ItemIssue[] };

// Unknown item types become part of a key, so they may not contain "/" or odd characters that
// could collide with the keys of known types.
const ITEM_TYPE = /^[A-Za-z0-9_.:-]{1,64}$/;

function isKnown(type: string): type is KnownItemType {
  return Object.hasOwn(dataItemSchemas, type);
}

/** How deep an item may nest. Real OpenCode items nest about 8 levels; tool inputs a few more. */
export const MAX_ITEM_DEPTH = 64;

/**
 * Whether `value` nests deeper than `limit` (objects and arrays), checked without recursion. Every
 * later step (redaction, validation, JSON.stringify, the renderer) walks items recursively, and a
 * body of 20,000 nested arrays overflowed the stack there: a 500 instead of a rejected item.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

export function itemKey(type: string, data: unknown): string {
  const d = (data ?? {}) as Record<string, unknown>;
  switch (type) {
    case "session":
    case "session_diff":
    case "model":
      return type;
    case "message":
      return `message/${d.id}`;
    case "part":
      return `part/${d.messageID}/${d.id}`;
    default:
      // A future item type: keyed by its own id when it has one, so several can coexist.
      return typeof d.id === "string" && d.id ? `${type}/${d.id}` : type;
  }
}

export function validateItem(raw: unknown): ValidItem | InvalidItem {
  const envelope = rawDataItemSchema.safeParse(raw);
  if (!envelope.success) {
    return { ok: false, type: null, issues: envelope.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) };
  }
  const { type } = envelope.data;
  if (!ITEM_TYPE.test(type)) {
    return { ok: false, type, issues: [{ path: "type", message: "item type must match [A-Za-z0-9_.:-]{1,64}" }] };
  }
  const valid: ValidItem = { ok: true, key: itemKey(type, envelope.data.data), type, item: envelope.data as DataItem };
  if (!isKnown(type)) {
    const id = (envelope.data.data as { id?: unknown } | null)?.id;
    const bad = typeof id === "string" && id && !idSchema.safeParse(id).success;
    return bad ? { ok: false, type, issues: [{ path: "data.id", message: "ids may not contain '/' or control characters" }] } : valid;
  }
  const result = dataItemSchemas[type].safeParse(envelope.data.data);
  if (!result.success) {
    return {
      ok: false,
      type,
      issues: result.error.issues.map((i) => ({ path: ["data", ...i.path].join("."), message: i.message })),
    };
  }
  // Store the envelope the client sent (loose schemas kept its unknown fields), not a parsed copy.
  return valid;
}
