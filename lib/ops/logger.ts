// Structured logs (pino): one JSON object a line on stdout, for journald, Docker or a log shipper.
// In a terminal the same records are printed as short readable lines instead. Share ids are logged
// shortened (shortId) and secrets, request bodies and conversation content never: the fields passed
// in are the only ones written, and `redact` blanks any secret-shaped field that slips through.
import pino, { type Logger } from "pino";
import { getConfig } from "../config";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The first 6 characters of a share id: enough to find it with `npm run admin -- list`, not to open it. */
export function shortId(id: string): string {
  return id.length > 6 ? `${id.slice(0, 6)}…` : id;
}

const COLORS: Record<number, string> = { 60: "\x1b[35m", 50: "\x1b[31m", 40: "\x1b[33m", 30: "\x1b[32m", 20: "\x1b[36m", 10: "\x1b[90m" };
const NAMES: Record<number, string> = { 60: "FATAL", 50: "ERROR", 40: "WARN", 30: "INFO", 20: "DEBUG", 10: "TRACE" };

/** One pino JSON line -> "12:00:01 INFO  GET /s/:id 200 12ms 5.1KB id=abc123… msg" for a terminal. */
export function prettyLine(json: string, color = true): string {
  let rec: Record<string, unknown>;
  try {
    rec = JSON.parse(json);
  } catch {
    return json;
  }
  const { level, time, msg, pid: _pid, hostname: _host, ...rest } = rec;
  const lvl = Number(level);
  const stamp = new Date(Number(time)).toISOString().slice(11, 19);
  const name = (NAMES[lvl] ?? String(level)).padEnd(5);
  const fields = Object.entries(rest)
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" ");
  const head = color ? `${COLORS[lvl] ?? ""}${name}\x1b[0m` : name;
  return `${stamp} ${head} ${msg ?? ""}${fields ? ` ${fields}` : ""}\n`;
}

export function createLogger(options: { level: LogLevel; pretty: boolean; write?: (line: string) => void }): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  const sink = options.pretty ? { write: (line: string) => write(prettyLine(line)) } : { write };
  return pino(
    {
      level: options.level,
      base: { pid: process.pid },
      redact: { paths: ["secret", "*.secret", "authorization", "*.authorization", "headers.authorization", "headers.cookie"], censor: "[redacted]" },
    },
    sink,
  );
}

let logger: Logger | undefined;

/** This module graph's logger (server.ts's and Next's each make one; both write to stdout). */
export function getLogger(): Logger {
  if (!logger) {
    // A bad configuration is reported through this logger too, so fall back instead of throwing.
    let level: LogLevel = "info";
    try {
      level = getConfig().PARLEY_LOG_LEVEL;
    } catch {}
    logger = createLogger({ level, pretty: Boolean(process.stdout.isTTY) });
  }
  return logger;
}
