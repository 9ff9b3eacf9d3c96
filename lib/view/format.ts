// Number, money, time and size formatting shared by the viewer. Deterministic (fixed locale and UTC)
// because the page is rendered on the server for readers in any time zone.
const int = new Intl.NumberFormat("en-US");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function formatNumber(n: number): string {
  return int.format(Math.round(n));
}

/** 1234 -> "1.2k", 1234567 -> "1.2M"; small numbers as they are. */
export function formatCompact(n: number): string {
  if (n < 1000) return formatNumber(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}

export function formatCost(usd: number): string {
  if (usd === 0) return "$0.00";
  if (usd < 0.01) return `$${usd.toFixed(4)}`;
  return `$${usd.toFixed(2)}`;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s % 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/**
 * ISO 8601 for a `<time dateTime>`, or undefined when `ms` is no valid Date: clients may send any
 * finite number (1e308 passes the schema), and toISOString() throws on it, which broke the page.
 */
export function isoTime(ms: number): string | undefined {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** "25 Nov 2026, 11:58 UTC"; with `{ time: false }` the day only, "25 Nov 2026" (the card, the tags). */
export function formatDate(ms: number, { time = true }: { time?: boolean } = {}): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return time ? "unknown date, unknown time" : "unknown date";
  const day = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  if (!time) return day;
  const hh = String(d.getUTCHours()).padStart(2, "0");
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  return `${day}, ${hh}:${mm} UTC`;
}

const UNITS = ["B", "KB", "MB", "GB", "TB"];

/** 1024-based: "512 B", "50.4 KB", "16 MB" (a whole number without ".0"), "1.5 GB". */
export function formatBytes(n: number): string {
  let v = n;
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  if (u === 0) return `${n} B`;
  const shown = v.toFixed(1);
  // 1023.96 KB rounds up to the next unit rather than printing "1024.0 KB".
  if (shown === "1024.0" && u < UNITS.length - 1) return `1 ${UNITS[u + 1]}`;
  return `${shown.endsWith(".0") ? shown.slice(0, -2) : shown} ${UNITS[u]}`;
}

/** "1 file", "2,000 files", plural(3, "entry", "entries"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
