// `npm run backup -- <file>`: online backup of the configured SQLite database (lib/ops/backup.ts).
import path from "node:path";
import { parseConfig } from "../lib/config";
import { backupSqlite } from "../lib/ops/backup";

async function main() {
  const target = process.argv[2];
  if (!target || target.startsWith("-")) throw new Error("usage: npm run backup -- <file>");
  const config = parseConfig(process.env);
  if (config.DATABASE_URL) {
    throw new Error("DATABASE_URL is set: back PostgreSQL up with its own tools (pg_dump, or base backups with WAL archiving)");
  }
  const result = await backupSqlite(path.join(config.PARLEY_DATA_DIR, "parley.db"), target);
  console.log(`parley: backup written to ${result.file} (${result.bytes} bytes, ${result.shares} shares incl. tombstones)`);
}

main().catch((err) => {
  console.error(`parley: backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
