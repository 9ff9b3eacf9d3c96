// `npm run backup -- <file>`: an online, consistent copy of the SQLite database while the server runs.
// SQLite's backup API (better-sqlite3's .backup()) copies page by page and restarts a step when a
// writer changes the source, so the copy is one committed state, never a half-written sync.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type BackupResult = { file: string; bytes: number; shares: number; pages: number };

/** Copies `source` to `target` via a temp file renamed at the end, so a failed run never looks complete. */
export async function backupSqlite(source: string, target: string): Promise<BackupResult> {
  if (!fs.existsSync(source)) throw new Error(`no database at ${source} (is PARLEY_DATA_DIR right?)`);
  const file = path.resolve(target);
  if (path.resolve(source) === file) throw new Error("the backup file must not be the database itself");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  // Read-only: the backup takes no write lock, so syncs carry on while it runs.
  const db = new Database(source, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    const progress = await db.backup(partial);
    const copy = new Database(partial);
    try {
      // The copy is a plain rollback-journal database: one file, nothing beside it to forget.
      copy.pragma("journal_mode = DELETE");
      const check = copy.pragma("quick_check", { simple: true });
      if (check !== "ok") throw new Error(`the copy failed its integrity check: ${String(check)}`);
      const shares = (copy.prepare("select count(*) as n from shares").get() as { n: number }).n;
      copy.close();
      // It holds every conversation: readable by the owner only, like the database.
      fs.chmodSync(partial, 0o600);
      fs.renameSync(partial, file);
      return { file, bytes: fs.statSync(file).size, shares, pages: progress.totalPages };
    } finally {
      if (copy.open) copy.close();
    }
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    db.close();
  }
}
