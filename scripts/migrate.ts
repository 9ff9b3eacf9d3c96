// `npm run migrate -- --to postgres://…`: copies every share from the configured SQLite database to
// PostgreSQL (lib/store/copy.ts). Resumable: run it again after an interruption.
import path from "node:path";
import { parseConfig } from "../lib/config";
import { copyShares } from "../lib/store/copy";
import { openPostgresStore } from "../lib/store/postgres";
import { openSqliteStore } from "../lib/store/sqlite";
import fs from "node:fs";

async function main() {
  const at = process.argv.indexOf("--to");
  const to = at >= 0 ? process.argv[at + 1] : process.argv.find((a) => a.startsWith("--to="))?.slice(5);
  if (!to || !/^postgres(ql)?:\/\//.test(to)) throw new Error("usage: npm run migrate -- --to postgres://user:pass@host:5432/db");
  const config = parseConfig(process.env);
  const file = path.join(config.PARLEY_DATA_DIR, "parley.db");
  if (!fs.existsSync(file)) throw new Error(`no SQLite database at ${file} (set PARLEY_DATA_DIR)`);
  const source = await openSqliteStore(file);
  const target = await openPostgresStore(to, 2);
  try {
    const started = Date.now();
    const result = await copyShares(source, target, (_share, _action, p) => {
      if (p.total % 100 === 0) console.log(`parley: ${p.total} shares (${p.copied} copied, ${p.skipped} already there)`);
    });
    const [from, into] = [await source.getStats(Date.now()), await target.getStats(Date.now())];
    console.log(
      `parley: migrated ${result.total} shares in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.copied} copied, ${result.skipped} already there`,
    );
    console.log(`parley: SQLite ${from.items} items / ${from.bytes} bytes; PostgreSQL now ${into.items} items / ${into.bytes} bytes`);
    console.log("parley: now start Parley with DATABASE_URL set to the target");
  } finally {
    await source.close();
    await target.close();
  }
}

main().catch((err) => {
  console.error(`parley: migrate failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
