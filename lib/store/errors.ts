// Driver errors that mean "the database cannot answer now", translated into StoreUnavailableError
// so the HTTP layer answers 503/507 instead of 500. Anything not listed here is a real bug and
// stays a 500 (logged).
import { StoreUnavailableError, type UnavailableReason } from "./types";

type DriverError = Error & { code?: unknown; errno?: unknown };

// better-sqlite3 puts SQLite's extended result code in `code` (SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_WRITE...).
function sqliteReason(code: string): UnavailableReason | null {
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "busy";
  if (code === "SQLITE_FULL" || code === "SQLITE_IOERR_WRITE_FULL") return "full";
  if (code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_CANTOPEN") || code.startsWith("SQLITE_READONLY") || code === "SQLITE_PROTOCOL") {
    return "down";
  }
  return null;
}

// Network errors of the socket to the server, before or during a query.
const NET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
// pg's own messages for a connection that ended or never came (it gives them no code).
const PG_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /not queryable/i,
  /connection ended/i,
  /server closed the connection/i,
];

function postgresReason(err: DriverError): UnavailableReason | null {
  const code = typeof err.code === "string" ? err.code : "";
  if (NET_CODES.has(code)) return "down";
  // SQLSTATE classes: 08 connection exception, 57P0x shutdown / cannot connect now, 53 insufficient
  // resources (53100 disk full), 40001/40P01 serialization failure and deadlock, 55P03 lock not available.
  if (code.startsWith("08") || /^57P0[1-4]$/.test(code)) return "down";
  if (code === "53100") return "full";
  if (code.startsWith("53")) return "busy";
  if (code === "40001" || code === "40P01" || code === "55P03") return "busy";
  if (PG_MESSAGES.some((re) => re.test(err.message))) return "down";
  return null;
}

/** The StoreUnavailableError for a driver error that means "not now", or null for any other error. */
export function unavailableFrom(kind: "sqlite" | "postgres", err: unknown): StoreUnavailableError | null {
  if (!(err instanceof Error)) return null;
  if (err.name === "StoreUnavailableError") return err as StoreUnavailableError;
  const e = err as DriverError;
  const reason = kind === "sqlite" ? (typeof e.code === "string" ? sqliteReason(e.code) : null) : postgresReason(e);
  return reason ? new StoreUnavailableError(reason, `${typeof e.code === "string" ? `${e.code}: ` : ""}${e.message}`) : null;
}

/** Rethrows a driver error as StoreUnavailableError when it is one, else unchanged. */
export function translate(kind: "sqlite" | "postgres", err: unknown): never {
  throw unavailableFrom(kind, err) ?? err;
}
