// Safe readers for the loosely typed tool `input` / `metadata` records (they are whatever the tool sent).
export type Rec = Record<string, unknown>;

export const rec = (v: unknown): Rec => (v && typeof v === "object" && !Array.isArray(v) ? (v as Rec) : {});
export const str = (r: Rec, key: string): string | undefined => (typeof r[key] === "string" ? (r[key] as string) : undefined);
export const num = (r: Rec, key: string): number | undefined => (typeof r[key] === "number" && Number.isFinite(r[key]) ? (r[key] as number) : undefined);
export const arr = (r: Rec, key: string): unknown[] => (Array.isArray(r[key]) ? (r[key] as unknown[]) : []);

/** OpenCode wraps some outputs in <tag>…</tag> blocks; returns the inside of the first one, if any. */
export function tagged(text: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>\\n?([\\s\\S]*?)\\n?</${tag}>`).exec(text);
  return m?.[1];
}
