// Where rendered pages live: in the process that rendered them (Parley's choice), or in the store
// beside the items, so that every instance could serve them. Issue 17 asks to measure both. This
// measures, on a real rendered page of the bench's long fixture, what each way costs per sync (to
// keep a page) and per view (to get it back), with the store as Parley runs it (SQLite, WAL,
// synchronous=FULL) and the page cache's own compression.
//
//   npx tsx bench/fragments.ts <page.html> [rounds]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { compressPage } from "../lib/cache/page-cache";
import { percentile } from "./http";

const file = process.argv[2];
const ROUNDS = Number(process.argv[3] ?? 50);
if (!file) throw new Error("usage: fragments.ts <page.html> [rounds]");

async function main() {
  const html = fs.readFileSync(file);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-fragments-"));
  const db = new Database(path.join(dir, "store.db"));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.exec("CREATE TABLE pages (share_id TEXT, version INTEGER, encoding TEXT, bytes BLOB, PRIMARY KEY (share_id, version, encoding))");
  const put = db.prepare("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?)");
  const drop = db.prepare("DELETE FROM pages WHERE share_id = ? AND version < ?");
  const get = db.prepare("SELECT bytes FROM pages WHERE share_id = ? AND version = ? AND encoding = ?");
  const memory = new Map<string, Buffer>();
  const compress: number[] = [],
    storeWrite: number[] = [],
    storeRead: number[] = [],
    memoryWrite: number[] = [],
    memoryRead: number[] = [];
  let page = await compressPage(html);
  for (let v = 1; v <= ROUNDS; v++) {
    let t = performance.now();
    page = await compressPage(html);
    compress.push(performance.now() - t);
    // In the store: the three encodings of the new version in one transaction, the old version gone.
    t = performance.now();
    db.transaction(() => {
      for (const [encoding, bytes] of [
        ["br", page.br],
        ["gzip", page.gzip],
        ["identity", page.identity],
      ] as const)
        put.run("share", v, encoding, bytes);
      drop.run("share", v);
    })();
    storeWrite.push(performance.now() - t);
    t = performance.now();
    memory.set(`share:${v}`, page.br);
    memory.delete(`share:${v - 1}`);
    memoryWrite.push(performance.now() - t);
    for (let k = 0; k < 5; k++) {
      t = performance.now();
      const row = get.get("share", v, "br") as { bytes: Buffer };
      storeRead.push(performance.now() - t);
      if (row.bytes.length !== page.br.length) throw new Error("the store returned other bytes");
      t = performance.now();
      if (memory.get(`share:${v}`)?.length !== page.br.length) throw new Error("memory lost the page");
      memoryRead.push(performance.now() - t);
    }
  }
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const p = (xs: number[]) => `${percentile(xs, 50).toFixed(3)} / ${percentile(xs, 95).toFixed(3)} ms`;
  console.log(`page: ${kb(html.length)} identity, ${kb(page.br.length)} br, ${kb(page.gzip.length)} gzip; ${ROUNDS} versions (p50 / p95)`);
  console.log(`| step | in process | in the store (SQLite, FULL) |\n|---|---|---|`);
  console.log(`| compress once per version (both ways) | ${p(compress)} | ${p(compress)} |`);
  console.log(`| keep a version (per sync) | ${p(memoryWrite)} | ${p(storeWrite)} |`);
  console.log(`| get it back (per view) | ${p(memoryRead)} | ${p(storeRead)} |`);
  console.log(`| bytes written per sync | 0 | ${kb(page.br.length + page.gzip.length + page.identity.length)} |`);
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
